import { isBusinessDate, isVergaderjaar } from '@register/domain';
import { ValidationOptions, registerDecorator } from 'class-validator';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { applyDecorators } from '@nestjs/common';

/** Limits on free text: long enough for the seeds' longest passages, short enough to refuse abuse. */
export const LIMIET = { naam: 200, kort: 500, tekst: 20_000, leden: 50 } as const;

export function IsBusinessDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isBusinessDate',
      target: object.constructor,
      propertyName,
      options: { message: 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD', ...options },
      validator: { validate: (value: unknown) => isBusinessDate(value) },
    });
}

export function IsVergaderjaar(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isVergaderjaar',
      target: object.constructor,
      propertyName,
      options: { message: 'moet een vergaderjaar zijn zoals 2024/25', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isVergaderjaar(value) },
    });
}

/** A required, non-empty text of at most `max` characters. */
export function Tekst(max: number) {
  return applyDecorators(
    // A missing field is "verplicht", not "moet tekst zijn": that is what the user did wrong.
    IsString({ message: (a) => (a.value === undefined || a.value === null ? 'is verplicht en mag niet leeg zijn' : 'moet tekst zijn') }),
    IsNotEmpty({ message: 'is verplicht en mag niet leeg zijn' }),
    MaxLength(max, { message: `mag hoogstens ${max} tekens lang zijn` }),
  );
}
