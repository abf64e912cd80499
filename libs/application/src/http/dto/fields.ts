import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsBusinessDate, Tekst } from './validators';

/*
 * A request field is documented (OpenAPI) and checked (class-validator) in one decorator, so the
 * two cannot drift apart and each DTO says per field only what is particular to it. The messages
 * are Dutch and name what the user did wrong.
 */

type Doc = ApiPropertyOptions;
type Klasse = new (...args: never[]) => object;

const optioneel = (doc: Doc, ...checks: PropertyDecorator[]) => applyDecorators(ApiPropertyOptional(doc), IsOptional(), ...checks);

/** A required, non-empty text of at most `max` characters. */
export const TekstVeld = (max: number, doc: Doc = {}) => applyDecorators(ApiProperty(doc), Tekst(max));
export const OptioneleTekstVeld = (max: number, doc: Doc = {}) => optioneel(doc, Tekst(max));

/** An optional text that may be empty (a filter, a fractie). */
export const VrijeTekstVeld = (max: number, doc: Doc = {}) =>
  optioneel(doc, IsString({ message: 'moet tekst zijn' }), MaxLength(max, { message: `mag hoogstens ${max} tekens lang zijn` }));

/** A business date (JJJJ-MM-DD that exists). */
export const DatumVeld = (doc: Doc = {}) => applyDecorators(ApiProperty(doc), IsBusinessDate());
export const OptioneleDatumVeld = (doc: Doc = {}) => optioneel(doc, IsBusinessDate());

/** One of a fixed list of values. */
export const KeuzeVeld = (waarden: readonly (string | number)[], doc: Doc = {}, message = `moet een van ${waarden.join(', ')} zijn`) =>
  applyDecorators(ApiProperty({ enum: [...waarden], ...doc }), IsIn(waarden, { message }));
export const OptioneleKeuzeVeld = (waarden: readonly (string | number)[], doc: Doc = {}, message = `moet een van ${waarden.join(', ')} zijn`) =>
  optioneel({ enum: [...waarden], ...doc }, IsIn(waarden, { message }));

/** A nested object, checked by its own class. */
export const ObjectVeld = (type: Klasse, doc: Doc = {}) =>
  applyDecorators(ApiProperty({ type, ...doc }), IsObject({ message: 'is verplicht en moet een object zijn' }), ValidateNested(), Type(() => type));
export const OptioneelObjectVeld = (type: Klasse, doc: Doc = {}) => optioneel({ type, ...doc }, ValidateNested(), Type(() => type));

/**
 * A list of nested objects. `wat` names the elements in the messages ("indieners"); `minstensEen`,
 * when given, makes the list non-empty and names one element ("indiener").
 */
export function LijstVeld(type: Klasse, grenzen: { max: number; wat: string; minstensEen?: string }, doc: Doc = {}) {
  const checks = [
    IsArray({ message: 'moet een lijst zijn' }),
    ...(grenzen.minstensEen ? [ArrayMinSize(1, { message: `moet ten minste één ${grenzen.minstensEen} bevatten` })] : []),
    ArrayMaxSize(grenzen.max, { message: `mag hoogstens ${grenzen.max} ${grenzen.wat} bevatten` }),
    ValidateNested({ each: true }),
    Type(() => type),
  ];
  return applyDecorators(ApiProperty({ type: [type], ...doc }), ...checks);
}

/** The revision the clerk was looking at; another revision gives 409. */
export const RevisieVeld = (doc: Doc = {}) => optioneel(doc, IsInt({ message: 'moet een geheel getal zijn' }), Min(0, { message: 'mag niet negatief zijn' }));

/**
 * A whole number from the query string, within bounds. Its type is named: a field with a default
 * and no annotation (`pagina = 1`) would otherwise be documented as a bare Object.
 */
export const QueryGetalVeld = (grenzen: { min: number; max: number; teGroot: string }, doc: Doc = {}) =>
  optioneel(
    { type: 'integer', ...doc },
    Type(() => Number),
    IsInt({ message: 'moet een geheel getal zijn' }),
    Min(grenzen.min, { message: `moet ten minste ${grenzen.min} zijn` }),
    Max(grenzen.max, { message: grenzen.teGroot }),
  );

/** The identity of a motie or toezegging. */
export const ItemIdVeld = (doc: Doc = {}) =>
  applyDecorators(ApiProperty({ format: 'uuid', ...doc }), IsUUID('all', { message: 'moet de identiteit (UUID) van een motie of toezegging zijn' }));
