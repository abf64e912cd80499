import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { MAX_BULK_ITEMS } from '@register/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';

/**
 * A selection of items by id: a non-empty list of distinct UUIDs (in lower case, as the register
 * writes them). `verplicht`: a termijnwijziging always names its items; an overdracht may leave
 * the list out to mean every open item.
 */
export function ItemSelectieVeld(verplicht: boolean, doc: ApiPropertyOptions = {}) {
  const schema: ApiPropertyOptions = { type: 'array', items: { type: 'string', format: 'uuid' }, minItems: 1, maxItems: MAX_BULK_ITEMS, uniqueItems: true, ...doc } as ApiPropertyOptions;
  return applyDecorators(
    verplicht ? ApiProperty(schema) : ApiPropertyOptional(schema),
    ...(verplicht ? [] : [IsOptional()]),
    Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.toLowerCase() : v)) : value)),
    IsArray({ message: (a) => (a.value === undefined || a.value === null ? 'is verplicht: noem ten minste één item' : 'moet een lijst van item-id’s zijn') }),
    ArrayMinSize(1, { message: verplicht ? 'moet ten minste één item bevatten' : 'moet ten minste één item bevatten; laat het veld weg om alle open items te nemen' }),
    ArrayMaxSize(MAX_BULK_ITEMS, { message: `mag hoogstens ${MAX_BULK_ITEMS} items bevatten; splits de wijziging` }),
    ArrayUnique(undefined, { message: 'mag elk item maar één keer noemen' }),
    IsUUID('all', { each: true, message: 'moet een lijst zijn van identiteiten (UUID) van moties of toezeggingen' }),
  );
}
