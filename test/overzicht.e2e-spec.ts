import { TestApp, motie, startTestApp, toezegging } from './support/app';

/** The liaison's dashboard: open and overdue per bewindspersoon, theme, fractie and member, and open items per month. */
describe('overzicht (dashboard)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const staatssecretaris = 'staatssecretaris van Justitie en Veiligheid';
    // 2025-01: two open, one of them overdue on 2025-07-01; 2025-03: a third; 2025-04: the first afgedaan.
    const a = (await t.http.post('/api/toezeggingen').send(toezegging({ nummer: 'TZ202501-1', datum: '2025-01-10', termijn: { omschrijving: 'voor de zomer', datum: '2025-06-30' } })).expect(201)).body;
    await t.http.post('/api/moties').send(motie({ nummer: '29628-1', datum: '2025-01-20', bewindspersoon: staatssecretaris, thema: 'Politie' })).expect(201);
    await t.http.post('/api/moties').send(motie({ nummer: '29628-2', datum: '2025-03-05', indieners: [{ naam: 'Boswijk', fractie: 'CDA' }] })).expect(201);
    const laatste = (
      await t.http
        .post(`/api/items/${a.itemId}/afdoening`)
        .send({ datum: '2025-04-15', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2024/25, 29628, nr. 1260' }, toelichting: 'Afgedaan.' })
        .expect(200)
    ).body;
    await t.http.get(`/api/items?minimalePositie=${laatste.positie}`).expect(200);
  });

  afterAll(() => t.close());

  it('counts open and overdue items by bewindspersoon, theme, fractie and member', async () => {
    const { body } = await t.as('liaison').get('/api/overzicht?peildatum=2025-07-01&maanden=6').expect(200);
    expect(body).toMatchObject({ peildatum: '2025-07-01', open: 2, achterstallig: 0 });
    expect(body.perBewindspersoon).toEqual([
      { waarde: 'minister van Justitie en Veiligheid', open: 1, achterstallig: 0 },
      { waarde: 'staatssecretaris van Justitie en Veiligheid', open: 1, achterstallig: 0 },
    ]);
    expect(body.perThema).toEqual([
      { waarde: 'Demonstraties', open: 1, achterstallig: 0 },
      { waarde: 'Politie', open: 1, achterstallig: 0 },
    ]);
    expect(body.perFractie).toEqual([
      { waarde: 'CDA', open: 2, achterstallig: 0 },
      { waarde: 'NSC', open: 1, achterstallig: 0 },
    ]);
    expect(body.perLid.map((l: { waarde: string; open: number }) => [l.waarde, l.open])).toEqual([
      ['Boswijk', 2],
      ['Six Dijkstra', 1],
    ]);
  });

  it('shows an overdue item as long as it is open, and the months by business date', async () => {
    const { positie } = (await t.http.post('/api/toezeggingen').send(toezegging({ nummer: 'TZ202502-7', datum: '2025-02-01', termijn: { omschrijving: 'voor 1 mei', datum: '2025-05-01' } })).expect(201)).body;
    // The dashboard has no minimalePositie of its own: wait on the register's.
    await t.http.get(`/api/items?minimalePositie=${positie}`).expect(200);
    const { body } = await t.as('auditor').get('/api/overzicht?peildatum=2025-07-01&maanden=7').expect(200);
    expect(body).toMatchObject({ open: 3, achterstallig: 1 });
    expect(body.perBewindspersoon[0]).toEqual({ waarde: 'minister van Justitie en Veiligheid', open: 2, achterstallig: 1 });
    expect(body.perFractie).toContainEqual({ waarde: 'VVD', open: 1, achterstallig: 1 });
    expect(body.verloop).toEqual([
      { maand: '2025-01', open: 2 },
      { maand: '2025-02', open: 3 },
      { maand: '2025-03', open: 4 },
      { maand: '2025-04', open: 3 },
      { maand: '2025-05', open: 3 },
      { maand: '2025-06', open: 3 },
      { maand: '2025-07', open: 3 },
    ]);
  });

  it('answers dashboards asked at once, each for its own peildatum (on SQLite each one computed by the worker)', async () => {
    // Three open items (see the test before); the toezegging's termijn of 2025-05-01 is overdue only on the later dates.
    const peildata = ['2025-07-01', '2025-02-01', '2025-07-01', '2025-03-10', '2025-06-01', '2025-02-01'];
    const antwoorden = await Promise.all(peildata.map((p) => t.as('liaison').get(`/api/overzicht?peildatum=${p}&maanden=3`).expect(200)));
    expect(antwoorden.map((a) => [a.body.peildatum, a.body.open, a.body.achterstallig, a.body.verloop.map((m: { maand: string; open: number }) => `${m.maand}:${m.open}`).join(' ')])).toEqual([
      ['2025-07-01', 3, 1, '2025-05:3 2025-06:3 2025-07:3'],
      ['2025-02-01', 3, 0, '2024-12:0 2025-01:2 2025-02:3'],
      ['2025-07-01', 3, 1, '2025-05:3 2025-06:3 2025-07:3'],
      ['2025-03-10', 3, 0, '2025-01:2 2025-02:3 2025-03:4'],
      ['2025-06-01', 3, 1, '2025-04:3 2025-05:3 2025-06:3'],
      ['2025-02-01', 3, 0, '2024-12:0 2025-01:2 2025-02:3'],
    ]);
  });

  it('refuses a bad peildatum or window with the field named', async () => {
    const { body } = await t.as('liaison').get('/api/overzicht?peildatum=2025-02-30&maanden=0').expect(400);
    expect(body.fouten.map((f: { veld: string }) => f.veld).sort()).toEqual(['maanden', 'peildatum']);
  });

  it('tells the web app who is signed in', async () => {
    expect((await t.as('liaison').get('/api/ik').expect(200)).body).toEqual({ naam: 'test-liaison', rollen: ['liaison'] });
  });
});
