import { TestApp, motie, startTestApp } from './support/app';

/**
 * A body nested thousands of levels deep overflowed the stack in validation and in the canonical
 * JSON of the idempotency check (500), and a 1.8 MB one cost a second of CPU. It is refused at the
 * edge now, before JSON.parse: 400, nothing appended, the server keeps answering.
 */
describe('deeply nested JSON bodies', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const arrays = (diepte: number) => '['.repeat(diepte) + ']'.repeat(diepte);
  const objecten = (diepte: number) => '{"a":'.repeat(diepte) + '1' + '}'.repeat(diepte);
  /** A real motie with the deep value in one of its fields. */
  const inVeld = (diep: string) => JSON.stringify(motie({ nummer: '29628-9001' })).replace(/}$/, `,"bijlagen":${diep}}`);

  const gevallen: [string, string][] = [
    ['2,000 nested arrays', arrays(2_000)],
    ['2,000 nested objects', objecten(2_000)],
    ['900,000 nested arrays (1.8 MB)', arrays(900_000)],
    ['300,000 nested objects (1.8 MB)', objecten(300_000)],
    ['2,000 levels of arrays and objects inside a field of a motie', inVeld('[{"a":'.repeat(1_000) + '1' + '}]'.repeat(1_000))],
    ['a deep value after a string ending in an escaped backslash', JSON.stringify(motie({ tekst: 'pad C:\\' })).replace(/}$/, `,"x":${arrays(2_000)}}`)],
    ['a deep value after a string with escaped quotes', JSON.stringify(motie({ tekst: 'de "motie" \\"[' })).replace(/}$/, `,"x":${arrays(2_000)}}`)],
  ];

  // With an Idempotency-Key the body also went through the canonical JSON of the idempotency check.
  const metEnZonderSleutel = gevallen.flatMap(([naam, body]): [string, string, string, boolean][] => [
    [naam, 'zonder', body, false],
    [naam, 'met', body, true],
  ]);

  it.each(metEnZonderSleutel)('%s, %s Idempotency-Key: 400 naming the limit, before JSON.parse, nothing appended, /health still answers', async (_naam, _met, body, sleutel) => {
    const voor = t.eventCount();
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const verzoek = t.http.post('/api/moties').set('Content-Type', 'application/json');
      const res = await (sleutel ? verzoek.set('Idempotency-Key', `diep-${body.length}`) : verzoek).send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 400, title: 'Ongeldige invoer' });
      expect(res.body.detail).toMatch(/dieper dan 32 niveaus/);
      expect(res.body.fouten).toEqual([{ veld: 'body', melding: expect.stringMatching(/dieper dan 32 niveaus/) }]);
      // The expensive work never started: the body itself was never parsed.
      expect(parse.mock.calls.filter(([tekst]) => typeof tekst === 'string' && tekst.length >= body.length)).toEqual([]);
    } finally {
      parse.mockRestore();
    }
    expect(t.eventCount()).toBe(voor);
    await t.as('anoniem').get('/health').expect(200);
  });

  it('does not count brackets inside strings as nesting', async () => {
    const voor = t.eventCount();
    const tekst = `${'['.repeat(5_000)}${'{'.repeat(5_000)} met "aanhalingstekens" en \\"[{ en een backslash \\`;
    const res = await t.http.post('/api/moties').send(motie({ nummer: '29628-9002', tekst })).expect(201);
    expect(t.eventCount()).toBeGreaterThan(voor);
    await t.http.get(`/api/items/${res.body.itemId}`).expect(200);
  });

  it('still registers an ordinary motie', async () => {
    await t.http.post('/api/moties').send(motie({ nummer: '29628-9003' })).expect(201);
  });

  it('refuses a body in another charset than UTF-8, which a byte scan could not read', async () => {
    const voor = t.eventCount();
    // UTF-7 writes "[" as "+AFs-": the brackets would be invisible to a scan of the bytes.
    const body = '+AFs-'.repeat(2_000) + '+AF0-'.repeat(2_000);
    const res = await t.http.post('/api/moties').set('Content-Type', 'application/json; charset=utf-7').send(body);
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toMatch(/UTF-8/);
    expect(t.eventCount()).toBe(voor);
    await t.as('anoniem').get('/health').expect(200);
  });

  it('query strings do not nest: Express 5 parses them flat, so a deep a[b][c]… is one unknown parameter', async () => {
    const res = await t.as('liaison').get(`/api/items?${'a' + '[b]'.repeat(2_000)}=1`);
    expect(res.status).toBe(400);
    expect(res.body.fouten.map((f: { veld: string }) => f.veld)).toEqual([`a${'[b]'.repeat(2_000)}`]);
  });
});
