import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Test } from 'supertest';
import { TestApp, motie, startTestApp, toezegging } from './support/app';

/** Finding by part of a name, suggestions while typing, and exports of exactly the filtered rows, all of them. */
describe('finding and exporting the register over HTTP', () => {
  let t: TestApp;
  let positie = '0';
  /** 40 moties of Van Nispen (more than a page of 25), in shuffled order; 5 of someone else. */
  const vanNispen = Array.from({ length: 40 }, (_, i) => `29628-${[957, 1265, 1107][i % 3] + i * 7}`);

  /** The answer's bytes as they came (supertest parses only text by default). */
  const binair = ((res: NodeJS.ReadableStream, callback: (err: Error | null, body: Buffer) => void) => {
    const delen: Buffer[] = [];
    res.on('data', (d: Buffer) => delen.push(d));
    res.on('end', () => callback(null, Buffer.concat(delen)));
  }) as unknown as Parameters<Test['parse']>[0];

  beforeAll(async () => {
    t = await startTestApp();
    const volgorde = [...vanNispen].sort(() => Math.random() - 0.5);
    for (const [i, nummer] of volgorde.entries()) {
      const titel = i === 0 ? '=HYPERLINK("http://example.invalid","klik")' : `Motie over wijkagenten ${i}`;
      const r = await t.http.post('/api/moties').send(motie({ nummer, titel, indieners: [{ naam: 'Van Nispen', fractie: 'SP' }], thema: 'Politie' })).expect(201);
      positie = r.body.positie;
    }
    for (let i = 0; i < 5; i++) {
      const r = await t.http.post('/api/toezeggingen').send(toezegging({ nummer: `TZ202412-${100 + i}`, bewindspersoon: 'staatssecretaris van Justitie en Veiligheid', termijn: { omschrijving: 'voor de zomer', datum: '2025-07-01' } })).expect(201);
      positie = r.body.positie;
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('finds a member by part of the name and a bewindspersoon by a word, in natural number order', async () => {
    const nisp = await t.as('liaison').get(`/api/items?lid=nisp&perPagina=100&weergave=kort&minimalePositie=${positie}`).expect(200);
    expect(nisp.body.totaal).toBe(40);
    const natuurlijk = [...vanNispen].sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]));
    expect(nisp.body.items.map((i: { nummer: string }) => i.nummer)).toEqual(natuurlijk);
    expect((await t.as('liaison').get('/api/items?bewindspersoon=staatssecretaris&perPagina=1').expect(200)).body.totaal).toBe(5);
    expect((await t.as('liaison').get('/api/items?zoek=Nispen&perPagina=1').expect(200)).body.totaal).toBe(40);
  });

  it('suggests the register’s values while typing, and refuses an unknown field in Dutch', async () => {
    const r = await t.as('liaison').get('/api/suggesties?veld=lid&q=NISP').expect(200);
    expect(r.body).toEqual({ veld: 'lid', q: 'NISP', suggesties: [{ waarde: 'Van Nispen', toelichting: 'SP', aantal: 40 }] });
    const b = await t.as('liaison').get('/api/suggesties?veld=bewindspersoon&q=justitie').expect(200);
    expect(b.body.suggesties.map((s: { waarde: string }) => s.waarde)).toEqual(['minister van Justitie en Veiligheid', 'staatssecretaris van Justitie en Veiligheid']);
    const fout = await t.as('liaison').get('/api/suggesties?veld=wachtwoord&q=a').expect(400);
    expect(JSON.stringify(fout.body)).toContain('moet een van lid, fractie, bewindspersoon, thema zijn');
    await t.as('anoniem').get('/api/suggesties?veld=lid&q=nisp').expect(401);
  });

  it('exports every filtered row as CSV, not just a page, with no cell that runs as a formula', async () => {
    const r = await t.as('liaison').get('/api/items?lid=nisp&formaat=csv&perPagina=25&pagina=2').expect(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="register-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(r.text.charCodeAt(0)).toBe(0xfeff);
    const rijen: Record<string, string>[] = parse(r.text.slice(1), { columns: true });
    expect(rijen.map((x) => x.Nummer).sort()).toEqual([...vanNispen].sort());
    expect(rijen[0]).toMatchObject({ Soort: 'motie', Leden: 'Van Nispen (SP)', Status: 'In behandeling', Thema: 'Politie' });
    const formule = rijen.find((x) => x.Titel.includes('HYPERLINK'))!;
    expect(formule.Titel).toBe(`'=HYPERLINK("http://example.invalid","klik")`);
  });

  it('exports every filtered row as XLSX that a spreadsheet reads back: text as text, dates as dates', async () => {
    const r = await t.as('liaison').get('/api/items?bewindspersoon=staatssecretaris&formaat=xlsx&achterstalligOp=2025-08-01').buffer(true).parse(binair).expect(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const werkmap = new ExcelJS.Workbook();
    await werkmap.xlsx.load(r.body as never);
    const blad = werkmap.getWorksheet('Register')!;
    const kop = (blad.getRow(1).values as unknown[]).slice(1);
    expect(kop).toEqual(['Nummer', 'Soort', 'Titel', 'Leden', 'Bewindspersoon', 'Ministerie', 'Thema', 'Status', 'Termijn', 'Termijndatum', 'Achterstallig', 'Datum', 'Vergaderjaar', 'Laatst gewijzigd']);
    const rijen = blad.getRows(2, blad.rowCount - 1)!.map((rij) => (rij.values as unknown[]).slice(1));
    expect(rijen.map((x) => x[0])).toEqual(['TZ202412-100', 'TZ202412-101', 'TZ202412-102', 'TZ202412-103', 'TZ202412-104']);
    expect(rijen[0][9]).toEqual(new Date('2025-07-01T00:00:00Z'));
    expect(rijen[0][10]).toBe('ja');

    const alle = await t.as('liaison').get('/api/items?lid=nisp&formaat=xlsx').buffer(true).parse(binair).expect(200);
    const w2 = new ExcelJS.Workbook();
    await w2.xlsx.load(alle.body as never);
    const b2 = w2.getWorksheet('Register')!;
    expect(b2.rowCount).toBe(41);
    const titels = b2.getColumn(3).values.slice(2);
    const cel = b2.getRows(2, 40)!.map((rij) => rij.getCell(3)).find((c) => String(c.value).includes('HYPERLINK'))!;
    expect(cel.type).toBe(ExcelJS.ValueType.String);
    expect(titels).toHaveLength(40);
  });

  it('refuses an unknown format in Dutch and appends nothing', async () => {
    const voor = t.eventCount();
    const r = await t.as('liaison').get('/api/items?formaat=pdf').expect(400);
    expect(JSON.stringify(r.body)).toContain('moet csv of xlsx zijn');
    expect(t.eventCount()).toBe(voor);
    await t.as('anoniem').get('/api/items?formaat=csv').expect(401);
  });
});
