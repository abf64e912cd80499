import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

export interface VeldFout {
  readonly veld: string;
  readonly melding: string;
}

/** Dutch wording for the checks that carry no message of their own. */
const MELDINGEN: Record<string, string> = {
  whitelistValidation: 'is geen bekend veld',
  nestedValidation: 'moet een object zijn',
  isNotEmptyObject: 'moet een object zijn',
  isString: 'moet tekst zijn',
  isInt: 'moet een geheel getal zijn',
  isArray: 'moet een lijst zijn',
  isDefined: 'is verplicht',
};

export function veldFouten(errors: ValidationError[], prefix = ''): VeldFout[] {
  return errors.flatMap((error) => {
    const veld = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : prefix ? `${prefix}.${error.property}` : error.property;
    const eigen = Object.entries(error.constraints ?? {}).map(([naam, melding]) => ({
      veld,
      melding: melding.startsWith(error.property) || melding.includes('should') || melding.includes('must') ? (MELDINGEN[naam] ?? melding) : melding,
    }));
    return [...eigen, ...veldFouten(error.children ?? [], veld)];
  });
}

/** Whitelist, forbid unknown properties, and answer 400 with a message per field. */
export function registerValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequestException({ fouten: veldFouten(errors) }),
  });
}
