import { isBusinessDate, isVergaderjaar } from '@register/domain';
import { IsNotEmpty, IsString, MaxLength, ValidateBy, ValidationOptions } from 'class-validator';
import { applyDecorators } from '@nestjs/common';

/** Limits on free text: long enough for the seeds' longest passages, short enough to refuse abuse. */
export const LIMIET = { naam: 200, kort: 500, tekst: 20_000, leden: 50 } as const;

/** A date that exists, as JJJJ-MM-DD (the domain's business date). */
export const IsBusinessDate = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isBusinessDate', validator: { validate: (v) => isBusinessDate(v), defaultMessage: () => 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD' } }, options);

export const IsVergaderjaar = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isVergaderjaar', validator: { validate: (v) => typeof v === 'string' && isVergaderjaar(v), defaultMessage: () => 'moet een vergaderjaar zijn zoals 2024/25' } }, options);

/** A required, non-empty text of at most `max` characters. */
export function Tekst(max: number) {
  return applyDecorators(
    // A missing field is "verplicht", not "moet tekst zijn": that is what the user did wrong.
    IsString({ message: (a) => (a.value === undefined || a.value === null ? 'is verplicht en mag niet leeg zijn' : 'moet tekst zijn') }),
    IsNotEmpty({ message: 'is verplicht en mag niet leeg zijn' }),
    MaxLength(max, { message: `mag hoogstens ${max} tekens lang zijn` }),
  );
}
