import { TestApp, motie, startTestApp, toezegging } from './support/app';

describe('register over HTTP (embedded default)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const post = (path: string, body: unknown) => t.http.post(path).send(body as object);
  const zichtbaar = (positie: string) => `minimalePositie=${positie}`;

  it('registers a motie and a toezegging, reports progress, afdoet, reopens, and lists what is open', async () => {
    const m = await post('/api/moties', motie()).expect(201);
    expect(m.body).toMatchObject({ soort: 'motie', nummer: '29628-1230', revisie: 0 });
    const tz = await post('/api/toezeggingen', toezegging()).expect(201);
    expect(tz.body).toMatchObject({ soort: 'toezegging', nummer: 'TZ202412-156', revisie: 0 });

    const voortgang = await post(`/api/items/${m.body.itemId}/voortgang`, { datum: '2025-06-20', tekst: 'Het WODC-rapport wordt eind van de zomer verwacht.' }).expect(200);
    expect(voortgang.body.revisie).toBe(1);

    const af = await post(`/api/items/${tz.body.itemId}/afdoening`, {
      datum: '2025-06-20',
      wijze: { soort: 'halfjaarbericht', referentie: 'Eerste halfjaarbericht politie 2025' },
      toelichting: 'Op 30 april 2025 hebben 4228 agenten de nevenfunctie ME. Hiermee beschouw ik de toezegging als afgedaan.',
    }).expect(200);

    let open = await t.http.get(`/api/items?status=open&${zichtbaar(af.body.positie)}`).expect(200);
    expect(open.body.items.map((i: { nummer: string }) => i.nummer)).toEqual(['29628-1230']);

    const heropend = await post(`/api/items/${tz.body.itemId}/heropening`, { datum: '2025-09-10', reden: 'De Kamer aanvaardt de afdoening niet.' }).expect(200);
    open = await t.http.get(`/api/items?status=open&${zichtbaar(heropend.body.positie)}`).expect(200);
    expect(open.body.items.map((i: { nummer: string }) => i.nummer).sort()).toEqual(['29628-1230', 'TZ202412-156']);
    expect(BigInt(open.body.positie)).toBeGreaterThanOrEqual(BigInt(heropend.body.positie));

    const item = await t.http.get(`/api/items/${m.body.itemId}`).expect(200);
    expect(item.body).toMatchObject({
      status: 'InBehandeling',
      leden: [{ naam: 'Boswijk', fractie: 'CDA' }, { naam: 'Six Dijkstra', fractie: 'NSC' }],
      voortgang: [{ datum: '2025-06-20', tekst: 'Het WODC-rapport wordt eind van de zomer verwacht.' }],
      laatsteWijziging: { event: 'MotieVoortgangGerapporteerd', door: 'test-griffier' },
    });
    expect((await t.http.get('/api/items/nummer/TZ202412-156').expect(200)).body.status).toBe('InBehandeling');
  });

  it('refuses a number another item holds, naming that item, and appends nothing', async () => {
    const eerste = await post('/api/moties', motie({ nummer: '34324-26' })).expect(201);
    const voor = t.eventCount();
    const dubbel = await post('/api/moties', motie({ nummer: '34324-26', titel: 'Een andere motie' })).expect(409);
    expect(dubbel.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(dubbel.body.detail).toContain('34324-26');
    expect(dubbel.body.detail).toContain(eerste.body.itemId);
    expect(dubbel.body.detail).toContain('Motie van het lid Boswijk');
    // Not a concurrency conflict: its own problem type, the field at fault, and the holder to link to.
    expect(dubbel.body).toMatchObject({
      type: 'urn:register:fout:nummer-in-gebruik',
      title: 'Nummer al in gebruik',
      status: 409,
      code: 'nummer-in-gebruik',
      fouten: [{ veld: 'nummer', melding: expect.stringContaining('is al in gebruik door de motie "Motie van het lid Boswijk') }],
      houder: { itemId: eerste.body.itemId, nummer: '34324-26', soort: 'motie', titel: expect.stringContaining('Motie van het lid Boswijk') },
    });
    expect(t.eventCount()).toBe(voor);
    // A stale revision stays what it was: a conflict without a field to blame.
    const oud = await post(`/api/items/${eerste.body.itemId}/voortgang`, { datum: '2025-06-20', tekst: 'x', verwachteRevisie: 5 }).expect(409);
    expect(oud.body).toMatchObject({ code: 'revisie-conflict', title: 'Conflict' });
    expect(oud.body.fouten).toBeUndefined();
    expect(oud.body.houder).toBeUndefined();
  });

  it('registers a toezegging without a Kamer number under a number of its own', async () => {
    const { nummer: _weg, ...zonder } = toezegging();
    const res = await post('/api/toezeggingen', { ...zonder, titel: 'Ingaan op boetes voor het lopen op de snelweg' }).expect(201);
    expect(res.body.nummer).toMatch(/^INT-[0-9A-F]{12}$/);
    const item = await t.http.get(`/api/items/${res.body.itemId}?${zichtbaar(res.body.positie)}`).expect(200);
    expect(item.body.nummerBron).toBe('intern');
  });

  it('corrects a wrong number: the new one is taken, the old one freed, and the history kept', async () => {
    const fout = await post('/api/moties', motie({ nummer: '29628-1244' })).expect(201);
    const gecorrigeerd = await post(`/api/items/${fout.body.itemId}/correcties`, { correcties: { nummer: '29628-1243' }, reden: 'Verkeerde voetnoot overgenomen' }).expect(200);
    expect(gecorrigeerd.body).toMatchObject({ nummer: '29628-1243', revisie: 1 });
    const item = await t.http.get(`/api/items/nummer/29628-1243?${zichtbaar(gecorrigeerd.body.positie)}`).expect(200);
    expect(item.body.itemId).toBe(fout.body.itemId);
    await t.http.get('/api/items/nummer/29628-1244').expect(404);
    // The freed number can be registered by the motie that really holds it.
    await post('/api/moties', motie({ nummer: '29628-1244', titel: 'Motie van het lid Mutluer over een module' })).expect(201);
    // A correction onto a number that is held is refused, naming the holder.
    const botsing = await post(`/api/items/${fout.body.itemId}/correcties`, { correcties: { nummer: '29628-1244' }, reden: 'x' }).expect(409);
    expect(botsing.body.detail).toContain('Mutluer');
    expect(botsing.body).toMatchObject({ code: 'nummer-in-gebruik', fouten: [{ veld: 'nummer' }], houder: { nummer: '29628-1244', soort: 'motie' } });
    const correctie = t.storedEvents().find((e) => e.type === 'MotieRegistratieGecorrigeerd' && e.stream === `motie-${fout.body.itemId}`);
    expect(correctie?.data).toEqual({ itemId: fout.body.itemId, wijzigingen: [{ veld: 'nummer', oud: '29628-1244', nieuw: '29628-1243' }], reden: 'Verkeerde voetnoot overgenomen' });
    expect(t.storedEvents().find((e) => e.stream === `motie-${fout.body.itemId}` && e.revision === 0)?.data.nummer).toBe('29628-1244');
  });

  it('answers 422 for a transition the domain forbids, and appends nothing', async () => {
    const m = await post('/api/moties', motie({ nummer: '29628-1249' })).expect(201);
    const afdoening = { datum: '2025-06-20', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2024/25, 29628, nr. 1260' }, toelichting: 'Afgedaan per brief.' };
    await post(`/api/items/${m.body.itemId}/afdoening`, afdoening).expect(200);
    const voor = t.eventCount();
    const nogEens = await post(`/api/items/${m.body.itemId}/afdoening`, afdoening).expect(422);
    expect(nogEens.body).toMatchObject({ status: 422, code: 'item-al-afgedaan', detail: 'De motie 29628-1249 is al afgedaan op 2025-06-20.' });
    const open = await post('/api/moties', motie({ nummer: '29628-1250' })).expect(201);
    const heropen = await post(`/api/items/${open.body.itemId}/heropening`, { datum: '2025-07-01', reden: 'x' }).expect(422);
    expect(heropen.body.code).toBe('item-niet-afgedaan');
    const teVroeg = await post(`/api/items/${open.body.itemId}/voortgang`, { datum: '2024-01-01', tekst: 'x' }).expect(422);
    expect(teVroeg.body.code).toBe('datum-voor-registratie');
    expect(t.eventCount()).toBe(voor + 2);
  });

  it('links items, refusing a link to itself or to an unknown item', async () => {
    const boa = await post('/api/toezeggingen', toezegging({ nummer: 'TZ127734', titel: 'Diepgaande beschouwing op het boa-bestel' })).expect(201);
    const m = await post('/api/moties', motie({ nummer: '36395-14' })).expect(201);
    const zelf = await post(`/api/items/${m.body.itemId}/koppelingen`, { datum: '2025-06-20', relatie: 'meegenomen-in', doelItemId: m.body.itemId }).expect(422);
    expect(zelf.body.code).toBe('koppeling-aan-zichzelf');
    const onbekend = await post(`/api/items/${m.body.itemId}/koppelingen`, { datum: '2025-06-20', relatie: 'meegenomen-in', doelItemId: '00000000-0000-4000-8000-000000000000' }).expect(422);
    expect(onbekend.body.code).toBe('koppeling-doel-onbekend');
    const ok = await post(`/api/items/${m.body.itemId}/koppelingen`, { datum: '2025-06-20', relatie: 'meegenomen-in', doelItemId: boa.body.itemId }).expect(200);
    const item = await t.http.get(`/api/items/${m.body.itemId}?${zichtbaar(ok.body.positie)}`).expect(200);
    expect(item.body.koppelingen).toEqual([{ relatie: 'meegenomen-in', doelItemId: boa.body.itemId, doelNummer: 'TZ127734' }]);
  });

  it('changes termijn, transfers, partly afdoet and lets an item lapse', async () => {
    const tz = await post('/api/toezeggingen', toezegging({ nummer: 'TZ202412-154', termijn: { omschrijving: 'voor de zomer', datum: '2025-07-01' } })).expect(201);
    const id = tz.body.itemId;
    await post(`/api/items/${id}/termijn`, { datum: '2025-06-01', termijn: { omschrijving: 'voor het kerstreces', datum: '2025-12-19' }, reden: 'Onderzoek loopt uit' }).expect(200);
    await post(`/api/items/${id}/overdracht`, { datum: '2025-06-02', naar: { bewindspersoon: 'staatssecretaris van Justitie en Veiligheid', ministerie: 'JenV' }, reden: 'Portefeuilleverdeling' }).expect(200);
    await post(`/api/items/${id}/deelafdoening`, { datum: '2025-06-03', deel: 'het deel over veteranen', bewijs: { soort: 'brief-ander-ministerie', referentie: 'Kamerstukken II 2024/25, 36600, nr. 184', ministerie: 'Defensie' } }).expect(200);
    const verval = await post(`/api/items/${id}/verval`, { datum: '2025-06-04', reden: 'Achterhaald door de NAVO-top' }).expect(200);
    const item = await t.http.get(`/api/items/${id}?${zichtbaar(verval.body.positie)}`).expect(200);
    expect(item.body).toMatchObject({
      status: 'Vervallen',
      termijn: { omschrijving: 'voor het kerstreces', datum: '2025-12-19' },
      bewindspersoon: 'staatssecretaris van Justitie en Veiligheid',
      deelAfdoeningen: [{ deel: 'het deel over veteranen' }],
      vervallenReden: 'Achterhaald door de NAVO-top',
      revisie: 4,
    });
  });

  it('filters the register for the liaison: overdue, per member, per bewindspersoon, full text', async () => {
    const achterstallig = await post('/api/toezeggingen', toezegging({ nummer: 'TZ202412-149', termijn: { omschrijving: 'voor 1 maart 2025', datum: '2025-03-01' }, leden: [{ naam: 'Mutluer', fractie: 'GL-PvdA' }] })).expect(201);
    const positie = achterstallig.body.positie;
    const overdue = await t.http.get(`/api/items?achterstalligOp=2025-04-01&${zichtbaar(positie)}`).expect(200);
    expect(overdue.body.items.map((i: { nummer: string }) => i.nummer)).toEqual(['TZ202412-149']);
    expect(overdue.body.items[0].achterstallig).toBe(true);
    const perLid = await t.http.get(`/api/items?lid=mutluer&soort=toezegging`).expect(200);
    expect(perLid.body.items.map((i: { nummer: string }) => i.nummer)).toEqual(['TZ202412-149']);
    const zoek = await t.http.get('/api/items?zoek=relschoppers&perPagina=100').expect(200);
    expect(zoek.body.totaal).toBeGreaterThan(0);
    for (const i of zoek.body.items) expect(`${i.titel} ${i.tekst}`.toLowerCase()).toContain('relschoppers');
    const pagina = await t.http.get('/api/items?sorteer=-nummer&perPagina=2&pagina=2').expect(200);
    expect(pagina.body).toMatchObject({ pagina: 2, perPagina: 2 });
    expect(pagina.body.items).toHaveLength(2);
    await t.http.get('/api/items?status=Weg').expect(400);
    await t.http.get('/api/items?perPagina=100000').expect(400);
  });

  it('lists in the short view what a table shows, without the long texts', async () => {
    const geregistreerd = await post('/api/toezeggingen', toezegging({ nummer: 'TZ202501-7', leden: [{ naam: 'Van der Werf', fractie: 'D66' }] })).expect(201);
    const gemeld = await post(`/api/items/${geregistreerd.body.itemId}/voortgang`, { datum: '2025-06-20', tekst: 'Het onderzoek is gestart.' }).expect(200);
    // Wait for the progress report, the later of the two commands, not for the registration.
    const volledig = await t.http.get(`/api/items?lid=Van der Werf&${zichtbaar(gemeld.body.positie)}`).expect(200);
    const kort = await t.http.get('/api/items?lid=Van der Werf&weergave=kort').expect(200);
    expect(kort.body.totaal).toBe(1);
    const [item] = kort.body.items;
    expect(Object.keys(item).sort()).toEqual(
      ['achterstallig', 'behandelaar', 'bewindspersoon', 'datum', 'itemId', 'laatsteWijziging', 'leden', 'ministerie', 'nummer', 'nummerBron', 'soort', 'status', 'termijn', 'thema', 'titel', 'revisie', 'vergaderjaar'].sort(),
    );
    // Every field of the short view says the same as the full one.
    const { tekst, debat, voortgang, afdoening, deelAfdoeningen, heropendOp, vervallenReden, koppelingen, geregistreerdOp, ...rest } = volledig.body.items[0];
    expect(voortgang).toHaveLength(1);
    expect([tekst, debat, afdoening, deelAfdoeningen, heropendOp, vervallenReden, koppelingen, geregistreerdOp].every((v) => v !== undefined)).toBe(true);
    expect(item).toEqual(rest);
    const fout = await t.http.get('/api/items?weergave=alles').expect(400);
    expect(fout.body.fouten).toEqual([{ veld: 'weergave', melding: 'moet volledig of kort zijn' }]);
  });

  it('answers 404 for an unknown item and 400 for an id that is no UUID', async () => {
    const onbekend = await t.http.get('/api/items/00000000-0000-4000-8000-000000000000').expect(404);
    expect(onbekend.body.code).toBe('item-niet-gevonden');
    await post('/api/items/00000000-0000-4000-8000-000000000000/voortgang', { datum: '2025-06-20', tekst: 'x' }).expect(404);
    const geenId = await post('/api/items/abc/voortgang', { datum: '2025-06-20', tekst: 'x' }).expect(400);
    expect(geenId.body.fouten).toEqual([{ veld: 'id', melding: 'moet de identiteit (UUID) van een motie of toezegging zijn' }]);
  });

  it('serves the OpenAPI document and its viewer', async () => {
    const doc = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/moties', '/api/toezeggingen', '/api/items', '/api/items/{id}/afdoening', '/health']));
    await t.http.get('/api/docs').expect(200);
  });

  it('says it is healthy and how far the projection is', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.eventstore.adapter).toBe('sqlite');
  });
});
