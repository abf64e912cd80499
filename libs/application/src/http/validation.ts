import { BadRequestException, UnsupportedMediaTypeException, ValidationError, ValidationPipe } from '@nestjs/common';

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
export function validationPipe(): ValidationPipe {
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

/**
 * How deep lists and objects may nest in a body. No command is deeper than 4 (a correction's
 * `correcties.indieners[0].naam`); validation and the idempotency hash recurse per level and
 * overflowed the stack from about 1,300 levels, so the limit leaves room without coming near that.
 */
export const MAX_JSON_DIEPTE = 32;

const byte = (teken: string) => teken.charCodeAt(0);
const AANHALINGSTEKEN = byte('"');
const BACKSLASH = byte('\\');
const LIJST_OPEN = byte('[');
const LIJST_DICHT = byte(']');
const OBJECT_OPEN = byte('{');
const OBJECT_DICHT = byte('}');

/**
 * Whether JSON text nests deeper than `max`, read from its UTF-8 bytes in one pass without parsing:
 * brackets count only outside strings, and inside a string a backslash skips the byte after it,
 * so `"\\"` ends the string and `"\""` does not. In UTF-8 these ASCII bytes never occur inside a
 * multi-byte character. On valid JSON the count is exact; invalid JSON fails in JSON.parse anyway.
 */
export function jsonDieperDan(bytes: Uint8Array, max: number): boolean {
  let diepte = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === AANHALINGSTEKEN) inString = false;
    } else if (b === AANHALINGSTEKEN) inString = true;
    else if (b === LIJST_OPEN || b === OBJECT_OPEN) {
      if (++diepte > max) return true;
    } else if (b === LIJST_DICHT || b === OBJECT_DICHT) diepte--;
  }
  return false;
}

/**
 * body-parser's `verify` hook for JSON: it runs on the raw bytes before JSON.parse, so a body nested
 * too deep costs one linear scan instead of a parse, a validation and a stack overflow. Only UTF-8 is
 * read (as RFC 8259 asks of JSON between systems): in UTF-7 or UTF-16 a bracket need not be its byte.
 */
export function controleerJsonBody(_req: unknown, _res: unknown, bytes: Buffer, charset: string): void {
  if (charset !== 'utf-8') throw new UnsupportedMediaTypeException(`Een JSON-body moet UTF-8 zijn, niet ${charset}.`);
  if (jsonDieperDan(bytes, MAX_JSON_DIEPTE)) {
    throw new BadRequestException({ fouten: [{ veld: 'body', melding: `is dieper dan ${MAX_JSON_DIEPTE} niveaus genest (lijsten en objecten in elkaar)` }] });
  }
}
