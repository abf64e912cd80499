import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import fc from 'fast-check';
import { MAX_JSON_DIEPTE, controleerJsonBody, jsonDieperDan } from './validation';

/** The depth JSON.parse builds: a scalar is 0, each list or object around it adds one. */
function diepte(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Math.max(0, ...Object.values(value).map(diepte));
}

const bytes = (tekst: string) => Buffer.from(tekst, 'utf8');

describe('jsonDieperDan', () => {
  it('is exact on any valid JSON, whatever its strings hold and however it is spaced', () => {
    // Strings full of quotes, backslashes and brackets are where a scan goes wrong.
    const lastig = fc.string({ unit: fc.constantFrom('"', '\\', '[', ']', '{', '}', 'a', 'é', '😀', '\u0000'), maxLength: 12 });
    const waarde = fc.letrec((tie) => ({
      json: fc.oneof({ depthSize: 'small' }, lastig, fc.integer(), fc.constant(null), fc.array(tie('json'), { maxLength: 3 }), fc.dictionary(lastig, tie('json'), { maxKeys: 3 })),
    })).json;
    fc.assert(
      fc.property(waarde, fc.integer({ min: 0, max: 8 }), fc.constantFrom(undefined, 2), (v, max, inspringing) => {
        expect(jsonDieperDan(bytes(JSON.stringify(v, null, inspringing)), max)).toBe(diepte(v) > max);
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ['brackets inside a string', '["[[[[{{{{"]', 1],
    ['an escaped quote does not end the string', '["\\"[[[["]', 1],
    ['an escaped backslash does: the brackets after it count', '["\\\\",[[[]]]]', 4],
    ['\\u0022 is a quote only to JSON.parse, not to the scan', '["\\u0022[[["]', 1],
    ['keys are strings too', '{"[[[": {"{{{": 1}}', 2],
  ])('%s', (_naam, tekst, verwacht) => {
    expect(diepte(JSON.parse(tekst))).toBe(verwacht);
    expect(jsonDieperDan(bytes(tekst), verwacht)).toBe(false);
    expect(jsonDieperDan(bytes(tekst), verwacht - 1)).toBe(true);
  });

  it('scans 2 MB in one pass, however it nests', () => {
    const plat = bytes('[' + '1,'.repeat(1_000_000) + '1]');
    const diep = bytes('['.repeat(1_000_000) + ']'.repeat(1_000_000));
    const strings = bytes('["' + '\\"['.repeat(650_000) + '"]');
    expect([plat, diep, strings].map((b) => jsonDieperDan(b, MAX_JSON_DIEPTE))).toEqual([false, true, false]);
  });
});

describe('controleerJsonBody', () => {
  it('lets a body of the limit pass and refuses one level more, in Dutch naming the limit', () => {
    const genest = (n: number) => bytes('['.repeat(n) + ']'.repeat(n));
    expect(() => controleerJsonBody(undefined, undefined, genest(MAX_JSON_DIEPTE), 'utf-8')).not.toThrow();
    expect(() => controleerJsonBody(undefined, undefined, genest(MAX_JSON_DIEPTE + 1), 'utf-8')).toThrow(BadRequestException);
    try {
      controleerJsonBody(undefined, undefined, genest(MAX_JSON_DIEPTE + 1), 'utf-8');
    } catch (error) {
      expect((error as BadRequestException).getResponse()).toEqual({ fouten: [{ veld: 'body', melding: `is dieper dan ${MAX_JSON_DIEPTE} niveaus genest (lijsten en objecten in elkaar)` }] });
    }
  });

  it.each(['utf-7', 'utf-16le', 'utf-16be', 'utf-32'])('refuses %s, in which a bracket need not be its byte', (charset) => {
    expect(() => controleerJsonBody(undefined, undefined, bytes('{}'), charset)).toThrow(UnsupportedMediaTypeException);
  });
});
