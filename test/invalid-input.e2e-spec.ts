import { TestApp, motie, startTestApp, toezegging } from './support/app';

/**
 * Bad input gets a 400 with field messages and loses nothing: no event is appended
 * (counted straight from the store file before and after).
 */
describe('invalid input', () => {
  let t: TestApp;
  let itemId: string;

  beforeAll(async () => {
    t = await startTestApp();
    itemId = (await t.http.post('/api/moties').send(motie()).expect(201)).body.itemId;
  });

  afterAll(async () => {
    await t.close();
  });

  const megabyte = 'x'.repeat(1024 * 1024);
  const { titel: _titel, ...motieZonderTitel } = motie();

  const cases: [string, string, unknown, string][] = [
    ['missing field', '/api/moties', motieZonderTitel, 'titel'],
    ['wrong type', '/api/moties', motie({ titel: 42 }), 'titel'],
    ['unknown property', '/api/moties', motie({ status: 'Afgedaan' }), 'status'],
    ['unknown nested property', '/api/moties', motie({ indieners: [{ naam: 'Boswijk', fractie: 'CDA', rol: 'x' }] }), 'indieners[0].rol'],
    ['malformed Kamerstuk number', '/api/moties', motie({ nummer: 'Kamerstukken II 29628 nr 1230' }), 'nummer'],
    ['malformed number with injection', '/api/moties', motie({ nummer: "29628-1230'; DROP TABLE events;--" }), 'nummer'],
    ['malformed toezegging number', '/api/toezeggingen', toezegging({ nummer: 'TZ2024412-155' }), 'nummer'],
    ['impossible date', '/api/moties', motie({ datum: '2025-02-30' }), 'datum'],
    ['date in another format', '/api/moties', motie({ datum: '28-05-2025' }), 'datum'],
    ['impossible termijn date', '/api/toezeggingen', toezegging({ termijn: { omschrijving: 'voor de zomer', datum: '2025-06-31' } }), 'termijn.datum'],
    ['vergaderjaar out of order', '/api/moties', motie({ vergaderjaar: '2024/26' }), 'vergaderjaar'],
    ['no indieners', '/api/moties', motie({ indieners: [] }), 'indieners'],
    ['1 MB title', '/api/moties', motie({ titel: megabyte }), 'titel'],
    ['1 MB member name', '/api/toezeggingen', toezegging({ leden: [{ naam: megabyte }] }), 'leden[0].naam'],
    ['empty text', '/api/moties', motie({ tekst: '   ' }), 'tekst'],
    ['array body', '/api/moties', [motie()], 'body'],
    ['missing wijze', `/api/items/:id/afdoening`, { datum: '2025-06-20', toelichting: 'x' }, 'wijze'],
    ['unknown wijze', `/api/items/:id/afdoening`, { datum: '2025-06-20', wijze: { soort: 'telefoon', referentie: 'x' }, toelichting: 'x' }, 'wijze.soort'],
    ['other ministry without ministry', `/api/items/:id/afdoening`, { datum: '2025-06-20', wijze: { soort: 'brief-ander-ministerie', referentie: 'x' }, toelichting: 'x' }, 'wijze.ministerie'],
    ['negative expected revision', `/api/items/:id/voortgang`, { datum: '2025-06-20', tekst: 'x', verwachteRevisie: -1 }, 'verwachteRevisie'],
    ['unknown relation', `/api/items/:id/koppelingen`, { datum: '2025-06-20', relatie: 'lijkt-op', doelItemId: '00000000-0000-4000-8000-000000000000' }, 'relatie'],
    ['correction without fields', `/api/items/:id/correcties`, { correcties: {}, reden: 'x' }, 'correcties'],
    ['correction of an unknown field', `/api/items/:id/correcties`, { correcties: { status: 'Afgedaan' }, reden: 'x' }, 'correcties.status'],
  ];

  it.each(cases)('%s: 400 naming the field, nothing appended', async (_naam, pad, body, veld) => {
    const voor = t.eventCount();
    const res = await t.http.post(pad.replace(':id', itemId)).send(body as object).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, title: 'Ongeldige invoer' });
    const velden = (res.body.fouten as { veld: string }[]).map((f) => f.veld);
    if (veld === 'body') expect(velden.length).toBeGreaterThan(0);
    else expect(velden).toContain(veld);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+|SQLITE|SELECT|INSERT/);
    expect(t.eventCount()).toBe(voor);
  });

  it('says per field what is wrong, in Dutch', async () => {
    const res = await t.http
      .post('/api/moties')
      .send(motie({ titel: undefined, datum: '2025-02-30', vergaderjaar: '2024/26', indieners: [], termijn: { omschrijving: '', datum: 'morgen' }, ministerie: 'x'.repeat(201) }))
      .expect(400);
    const fouten = Object.fromEntries((res.body.fouten as { veld: string; melding: string }[]).map((f) => [f.veld, f.melding]));
    expect(fouten).toEqual({
      titel: 'is verplicht en mag niet leeg zijn',
      datum: 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD',
      vergaderjaar: 'moet een vergaderjaar zijn zoals 2024/25',
      indieners: 'moet ten minste één indiener bevatten',
      'termijn.omschrijving': 'is verplicht en mag niet leeg zijn',
      'termijn.datum': 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD',
      ministerie: 'mag hoogstens 200 tekens lang zijn',
    });
    const lijst = await t.http.get('/api/items?pagina=0&perPagina=201&soort=besluit&weergave=alles&sorteer=kleur').expect(400);
    expect(Object.fromEntries((lijst.body.fouten as { veld: string; melding: string }[]).map((f) => [f.veld, f.melding]))).toEqual({
      pagina: 'moet ten minste 1 zijn',
      perPagina: 'mag hoogstens 200 zijn',
      soort: 'moet motie of toezegging zijn',
      weergave: 'moet volledig of kort zijn',
      sorteer: expect.stringMatching(/^moet een van nummer, -nummer, .*zijn$/),
    });
  });

  it('answers malformed JSON with 400 and appends nothing', async () => {
    const voor = t.eventCount();
    const res = await t.http.post('/api/moties').set('Content-Type', 'application/json').send('{"nummer": "29628-1230",').expect(400);
    expect(res.body.fouten).toEqual([{ veld: 'body', melding: 'is geen geldige JSON' }]);
    expect(t.eventCount()).toBe(voor);
  });

  it('answers a body over the size limit with 413 and appends nothing', async () => {
    const voor = t.eventCount();
    const res = await t.http.post('/api/moties').send(motie({ tekst: 'x'.repeat(3 * 1024 * 1024) })).expect(413);
    expect(res.body.status).toBe(413);
    expect(t.eventCount()).toBe(voor);
  });

  it('rejects a malformed correlation id header', async () => {
    const voor = t.eventCount();
    const res = await t.http.post('/api/moties').set('X-Correlation-Id', 'not-a-uuid').send(motie({ nummer: '29628-1300' })).expect(400);
    expect(res.body.fouten).toEqual([{ veld: 'X-Correlation-Id', melding: 'moet een UUID zijn' }]);
    expect(t.eventCount()).toBe(voor);
  });
});
