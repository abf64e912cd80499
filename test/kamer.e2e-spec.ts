import { CommandBus } from '@nestjs/cqrs';
import { KamerSynchronisatieResultaat, SynchroniseerKamerCommand } from '@register/application';
import { DataSource } from 'typeorm';
import { TestApp, startTestApp, toezegging } from './support/app';
import { TestGegevensmagazijn, kamerBesluit, kamerToezegging, startGegevensmagazijn } from './support/gegevensmagazijn';

/**
 * The Kamer link against a Gegevensmagazijn on loopback that answers in the service's OData JSON:
 * this ministry's Toezeggingen become proposals in the inbox (bron tweede-kamer), page by page with
 * the watermark; a second run proposes nothing; accepting registers; the Kamer's afdoening becomes
 * a status proposal; a busy service is waited for, a malformed page refused whole. Fictional data.
 */
/** A run as the schedule and the CLI start it, each with a command id of its own. */
function synchroniseerder(app: () => TestApp, reeks: string): () => Promise<KamerSynchronisatieResultaat> {
  let run = 0;
  return () => {
    const commandId = `00000000-0000-4000-${reeks}-${String(++run).padStart(12, '0')}`;
    return app().app.get(CommandBus).execute(new SynchroniseerKamerCommand({ commandId, correlationId: commandId, causationId: commandId, actor: 'test' }));
  };
}

describe('Kamer-koppeling: toezeggingen', () => {
  const EXPAND = 'Activiteit,KamerbriefNakoming($expand=Kamerstukdossier),ToegezegdAan($expand=Persoon,Fractie)';
  let tk: TestGegevensmagazijn;
  let t: TestApp;
  const synchroniseer = synchroniseerder(() => t, '8000');
  type Voorstel = { id: string; afhandeling: string; match: { itemId: string } | null; gegevens: Record<string, unknown>; waarschuwingen: string[] };
  const voorstellen = async (positie: string, status?: string): Promise<Voorstel[]> =>
    (await t.http.get(`/api/voorstellen?bron=tweede-kamer&perPagina=500&minimalePositie=${positie}${status ? `&status=${status}` : ''}`).expect(200)).body.voorstellen;
  const paginaEvents = () => t.storedEvents().filter((e) => e.type === 'ImportKamerPaginaVerwerkt');

  beforeAll(async () => {
    tk = await startGegevensmagazijn();
    // Eight of this ministry, two of another (one only by its bewindspersoon's function), over four pages of three.
    tk.toezeggingen = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => kamerToezegging(n));
    tk.toezeggingen.push(kamerToezegging(9, { Ministerie: 'Financiën', Functie: 'Minister van Financiën' }), kamerToezegging(10, { Ministerie: null, Functie: 'Staatssecretaris van Financiën' }));
    // Two records at one moment, on either side of a page boundary (positions 3 and 4 in the order).
    tk.toezeggingen[2].ApiGewijzigdOp = '2025-11-20T15:13:41.8713166Z';
    tk.toezeggingen[3].ApiGewijzigdOp = '2025-11-20T15:13:41.8713166Z';
    // The Kamer pads this one's serial; the register writes it without the zero.
    tk.toezeggingen[4].Nummer = 'TZ202511-05';
    t = await startTestApp({ TK_ODATA_URL: tk.url, TK_MINISTERIE: 'Justitie en Veiligheid', TK_REGISTER_MINISTERIE: 'JenV', TK_SYNC_VANAF: '2025-09-01', TK_TIMEOUT_MS: '1000', TK_RETRY_MS: '50' });
  });

  afterAll(async () => {
    await t?.close();
    await tk?.close();
  });

  it('files this ministry’s toezeggingen as proposals, one append per page with the watermark, asking as the service is asked', async () => {
    const resultaat = await synchroniseer();
    expect(resultaat).toMatchObject({ aan: true, fout: null, paginas: 4, gelezen: 10, voorgesteld: 8, alBekend: 0, watermerk: '2025-11-20T15:20:41.8713166Z' });
    expect(tk.verzoeken[0]).toEqual({ pad: '/OData/v4/2.0/Toezegging', filter: 'ApiGewijzigdOp ge 2025-08-31T23:50:00.0000000Z', orderby: 'ApiGewijzigdOp,Id', expand: EXPAND, skip: 0 });
    expect(tk.verzoeken.map((v) => v.skip)).toEqual([0, 3, 6, 9]);

    const lijst = await voorstellen(resultaat.positie);
    expect(lijst).toHaveLength(8);
    expect(lijst.map((v) => v.gegevens.nummer)).toEqual(['TZ202511-1', 'TZ202511-2', 'TZ202511-3', 'TZ202511-4', 'TZ202511-5', 'TZ202511-6', 'TZ202511-7', 'TZ202511-8']);
    expect(lijst[4].gegevens).toMatchObject({ nummerInBron: 'TZ202511-05' });
    expect(lijst[0].gegevens).toMatchObject({
      soort: 'toezegging',
      titel: 'De minister stuurt de Kamer voor de zomer een brief over onderwerp 1.',
      vergaderjaar: '2025/26',
      datum: '2025-11-20',
      debat: 'Commissiedebat Politie (2025-11-20, 2025A07001)',
      leden: [{ naam: 'B. van Bedacht', fractie: 'ABC' }],
      status: null,
    });
    // Three pages had records of this ministry; the last one (9 and 10, another ministry) only moved the watermark, which a first run writes.
    const events = paginaEvents();
    expect(events.map((e) => (e.data.voorstellen as unknown[]).length)).toEqual([3, 3, 2, 0]);
    expect(events.map((e) => e.data.watermerk)).toEqual(['2025-09-01T00:00:00.0000000Z', '2025-09-01T00:00:00.0000000Z', '2025-09-01T00:00:00.0000000Z', '2025-11-20T15:20:41.8713166Z']);
  });

  it('proposes nothing on a second run with nothing new, and writes nothing', async () => {
    const events = t.eventCount();
    const resultaat = await synchroniseer();
    expect(resultaat).toMatchObject({ fout: null, voorgesteld: 0 });
    // Read again from ten minutes before the watermark: records 1 to 10 fall in that window.
    expect(tk.verzoeken.at(-resultaat.paginas)!.filter).toBe('ApiGewijzigdOp ge 2025-11-20T15:10:41.8713166Z');
    expect(resultaat.overgeslagen).toBe(8);
    expect(t.eventCount()).toBe(events);
  });

  it('registers a toezegging when a griffier accepts it, with the Kamer’s bewindspersoon and members', async () => {
    const [eerste] = await voorstellen((await synchroniseer()).positie, 'open');
    const aanvaard = await t.http.post(`/api/voorstellen/${eerste.id}/aanvaarding`).send({}).expect(200);
    const item = (await t.http.get(`/api/items/${aanvaard.body.itemId}?minimalePositie=${aanvaard.body.positie}`).expect(200)).body;
    expect(item).toMatchObject({ soort: 'toezegging', nummer: 'TZ202511-1', status: 'InBehandeling', bewindspersoon: 'minister van Justitie en Veiligheid', ministerie: 'JenV', vergaderjaar: '2025/26' });
    expect(item.leden).toEqual([{ naam: 'B. van Bedacht', fractie: 'ABC' }]);
  });

  it('proposes a correction when the Kamer changes the text of a toezegging it was read with, and never writes it silently', async () => {
    const nieuw = 'De minister stuurt de Kamer voor de zomer een brief over onderwerp 1, en betrekt daarbij de gemeenten.';
    tk.toezeggingen[0] = { ...tk.toezeggingen[0], Tekst: nieuw, ApiGewijzigdOp: '2026-02-10T08:00:00Z' };
    const resultaat = await synchroniseer();
    expect(resultaat.voorgesteld).toBe(1);
    const [correctie] = (await voorstellen(resultaat.positie, 'open')).filter((v) => v.gegevens.nummer === 'TZ202511-1') as (Voorstel & { correcties: { tekst: string } })[];
    expect(correctie.correcties).toEqual({ tekst: nieuw });
    // A correction is for a person to look at: never taken by bulk acceptance.
    expect(correctie.gegevens.zekerheid).toBe(0.5);
    // Until it is accepted the register keeps its text.
    const itemId = correctie.match!.itemId;
    expect((await t.http.get(`/api/items/${itemId}`).expect(200)).body.tekst).not.toBe(nieuw);
    const aanvaard = (await t.http.post(`/api/voorstellen/${correctie.id}/aanvaarding`).send({}).expect(200)).body;
    expect(aanvaard.stappen).toEqual(['correctie']);
    expect((await t.http.get(`/api/items/${itemId}?minimalePositie=${aanvaard.positie}`).expect(200)).body.tekst).toBe(nieuw);
  });

  it('proposes no correction when the Kamer changes something else of a toezegging whose text the griffier wrote otherwise', async () => {
    // Accepted with the griffier's own wording; then the Kamer changes how it writes the ministry, not its text.
    const [zeven] = (await voorstellen((await synchroniseer()).positie, 'open')).filter((v) => v.gegevens.nummer === 'TZ202511-7');
    const eigen = 'Eigen formulering van de griffie over onderwerp 7.';
    const aanvaard = (await t.http.post(`/api/voorstellen/${zeven.id}/aanvaarding`).send({ wijzigingen: { tekst: eigen } }).expect(200)).body;
    const i = tk.toezeggingen.findIndex((r) => r.Nummer === 'TZ202511-7');
    tk.toezeggingen[i] = { ...tk.toezeggingen[i], Ministerie: 'Ministerie van Justitie en Veiligheid', Notities: 'bijgewerkt', GewijzigdOp: '2026-02-10T08:30:00+01:00', ApiGewijzigdOp: '2026-02-10T08:30:00Z' };
    const resultaat = await synchroniseer();
    expect(resultaat.voorgesteld).toBe(0);
    expect((await t.http.get(`/api/items/${aanvaard.itemId}?minimalePositie=${resultaat.positie}`).expect(200)).body.tekst).toBe(eigen);
  });

  it('sends the later versions of a record merged into an item under another number to that item', async () => {
    // Registered by hand under a mistyped number; the Kamer's proposal merged into it.
    const handmatig = (await t.http.post('/api/toezeggingen').send(toezegging({ nummer: 'TZ202511-96', titel: 'Brief over onderwerp 6' })).expect(201)).body;
    const zes = (await voorstellen((await synchroniseer()).positie, 'open')).find((v) => v.gegevens.nummer === 'TZ202511-6')!;
    await t.http.post(`/api/voorstellen/${zes.id}/samenvoeging`).send({ itemId: handmatig.itemId }).expect(200);
    tk.toezeggingen[5] = { ...tk.toezeggingen[5], Status: 'Afgedaan', DatumNakoming: '2026-02-09T00:00:00+01:00', ApiGewijzigdOp: '2026-02-10T09:00:00Z' };
    const resultaat = await synchroniseer();
    const [status] = (await voorstellen(resultaat.positie, 'open')).filter((v) => v.gegevens.nummer === 'TZ202511-6');
    expect(status.match).toMatchObject({ itemId: handmatig.itemId, nummer: 'TZ202511-96', op: 'kamer' });
    expect(status.gegevens.status).toBe('afgedaan');
    // A newer version before anyone decided on that proposal still goes to the merged item (not to a new registration).
    tk.toezeggingen[5] = { ...tk.toezeggingen[5], DatumNakoming: '2026-02-08T00:00:00+01:00', ApiGewijzigdOp: '2026-02-10T09:30:00Z' };
    const derde = await synchroniseer();
    const versies = (await voorstellen(derde.positie)).filter((v) => v.gegevens.nummer === 'TZ202511-6');
    expect(versies.map((v) => v.afhandeling)).toEqual(['samengevoegd', 'vervangen', 'open']);
    expect(versies[2].match).toMatchObject({ itemId: handmatig.itemId, op: 'kamer' });
  });

  it('proposes the afdoening the Kamer recorded, with its letter, and accepting it afdoet the item on that day', async () => {
    const eerste = tk.toezeggingen[0];
    tk.toezeggingen[0] = {
      ...eerste,
      Status: 'Voldaan',
      DatumNakoming: '2026-02-10T00:00:00+01:00',
      KamerbriefNakoming: [{ Id: 'd-1', DocumentNummer: '2026D05123', Titel: 'Brief over onderwerp 1', Volgnummer: 1300, Kamerstukdossier: { Id: 'k-1', Nummer: 29628, Toevoeging: null } }],
      ApiGewijzigdOp: '2026-02-11T09:00:00.5Z',
    };
    const resultaat = await synchroniseer();
    expect(resultaat).toMatchObject({ voorgesteld: 1, watermerk: '2026-02-11T09:00:00.5000000Z' });
    const [status] = (await voorstellen(resultaat.positie, 'open')).filter((v) => v.gegevens.nummer === 'TZ202511-1');
    expect(status.match).not.toBeNull();
    expect(status.gegevens).toMatchObject({ status: 'afgedaan', afgedaanIn: 'Kamerstuk 29628-1300, Kamerbrief 2026D05123: Brief over onderwerp 1' });
    const aanvaard = await t.http.post(`/api/voorstellen/${status.id}/aanvaarding`).send({}).expect(200);
    expect(aanvaard.body.stappen).toEqual(['afdoening']);
    const item = (await t.http.get(`/api/items/${status.match!.itemId}?minimalePositie=${aanvaard.body.positie}`).expect(200)).body;
    expect(item).toMatchObject({ status: 'Afgedaan', afdoening: { datum: '2026-02-10', wijze: { soort: 'kamerstuk' } } });
  });

  it('replaces an open proposal by the newer version of its record, and keeps one open proposal per record', async () => {
    tk.toezeggingen[1] = { ...tk.toezeggingen[1], Tekst: 'De minister stuurt de Kamer voor de zomer een gewijzigde brief.', ApiGewijzigdOp: '2026-02-12T09:00:00Z' };
    const resultaat = await synchroniseer();
    expect(resultaat.voorgesteld).toBe(1);
    const alle = (await voorstellen(resultaat.positie)).filter((v) => v.gegevens.nummer === 'TZ202511-2');
    expect(alle.map((v) => v.afhandeling)).toEqual(['vervangen', 'open']);
    expect(alle[1].gegevens.titel).toBe('De minister stuurt de Kamer voor de zomer een gewijzigde brief.');
    // A replaced proposal cannot be accepted any more.
    const weg = await t.http.post(`/api/voorstellen/${alle[0].id}/aanvaarding`).send({});
    expect(weg.status).toBe(422);
  });

  it('shows where the register and the Kamer disagree, since when, with both sides, also after a rebuild', async () => {
    const open = await voorstellen((await synchroniseer()).positie, 'open');
    const aanvaard = async (nummer: string) => (await t.http.post(`/api/voorstellen/${open.find((v) => v.gegevens.nummer === nummer)!.id}/aanvaarding`).send({}).expect(200)).body;
    const drie = await aanvaard('TZ202511-3');
    const vier = await aanvaard('TZ202511-4');
    // Done here, still open at the Kamer.
    await t.http
      .post(`/api/items/${vier.itemId}/afdoening`)
      .send({ datum: '2026-03-01', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2025/26, 29628, nr. 1310' }, toelichting: 'Afgedaan met de brief.' })
      .expect(200);
    // Done at the Kamer, open here (its proposal waits in the inbox); and one the Kamer deleted.
    tk.toezeggingen[2] = { ...tk.toezeggingen[2], Status: 'Afgedaan', DatumNakoming: '2026-02-20T00:00:00+01:00', ApiGewijzigdOp: '2026-02-12T10:00:00Z' };
    tk.toezeggingen[0] = { ...tk.toezeggingen[0], Verwijderd: true, ApiGewijzigdOp: '2026-02-12T11:00:00Z' };
    const run = await synchroniseer();
    expect(run.voorgesteld).toBe(1);
    // Record 5 was read 20 days ago and nobody decided: past TK_BEOORDEELTERMIJN (14). Record 6, read as long ago as the rest, is within it.
    // Read at 23:30 UTC twenty days back: in the Netherlands that is already the next day, so nineteen days ago.
    const vandaagNl = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const twintigDagenTerug = new Date(Date.parse(`${vandaagNl}T00:00:00Z`) - 20 * 86_400_000).toISOString().slice(0, 10);
    await t.app.get(DataSource).query(`UPDATE kamer_stand SET gezien_op = '${twintigDagenTerug}T23:30:00.000Z' WHERE nummer = 'TZ202511-5'`);

    const vandaag = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const dagen = (sinds: string) => Math.round((Date.parse(`${vandaag}T00:00:00Z`) - Date.parse(`${sinds}T00:00:00Z`)) / 86_400_000);
    const antwoord = (await t.as('liaison').get(`/api/kamer/verschillen?minimalePositie=${run.positie}`).expect(200)).body;
    // Done at the Kamer and open here twice: TZ202511-3, and TZ202511-6 in the item it was merged into (TZ202511-96, another number).
    // TZ202511-96, which the Kamer said it does not know before it was merged, is no difference now.
    expect(antwoord.telling).toEqual({ 'afgedaan-hier-open-daar': 1, 'open-hier-afgedaan-daar': 2, 'vervallen-daar-open-hier': 0, 'niet-aangenomen-bij-kamer': 0, 'onbekend-bij-kamer': 0, 'verwijderd-bij-kamer': 1, 'niet-beoordeeld': 1 });
    const alleen = (v: { soort: string; kamer: { nummer: string } }) => v.kamer.nummer !== 'TZ202511-6';
    const per = Object.fromEntries(antwoord.verschillen.filter(alleen).map((v: { soort: string }) => [v.soort, v]));
    expect(antwoord.verschillen.find((v: { kamer: { nummer: string } }) => v.kamer.nummer === 'TZ202511-6')).toMatchObject({ soort: 'open-hier-afgedaan-daar', item: { nummer: 'TZ202511-96' } });
    expect(per['afgedaan-hier-open-daar']).toMatchObject({ sinds: '2026-03-01', dagen: dagen('2026-03-01'), item: { itemId: vier.itemId, nummer: 'TZ202511-4', status: 'Afgedaan' }, kamer: { nummer: 'TZ202511-4', status: 'Openstaand', url: `${tk.url}Toezegging(${tk.toezeggingen[3].Id})` }, voorstel: null });
    expect(per['open-hier-afgedaan-daar']).toMatchObject({ sinds: '2026-02-20', item: { itemId: drie.itemId, status: 'InBehandeling' }, kamer: { status: 'Afgedaan', datumNakoming: '2026-02-20' }, voorstel: { id: expect.stringMatching(/\.\d+$/) } });
    expect(per['verwijderd-bij-kamer']).toMatchObject({ item: { nummer: 'TZ202511-1' }, kamer: { kamerId: tk.toezeggingen[0].Id } });
    expect(per['niet-beoordeeld']).toMatchObject({ item: null, kamer: { nummer: 'TZ202511-05' }, dagen: 19, voorstel: { id: open.find((v) => v.gegevens.nummer === 'TZ202511-5')!.id } });

    const gefilterd = (await t.as('auditor').get('/api/kamer/verschillen?soort=niet-beoordeeld').expect(200)).body;
    expect(gefilterd).toMatchObject({ totaal: 1, telling: antwoord.telling, koppelingAan: true });
    const fout = (await t.as('liaison').get('/api/kamer/verschillen?soort=ruzie').expect(400)).body;
    expect(fout.fouten).toEqual([expect.objectContaining({ veld: 'soort' })]);
    await t.as('anoniem').get('/api/kamer/verschillen').expect(401);

    // A rebuild reads the pages again: the Kamer's side comes back as it was (the aged row too, from its first reading).
    await t.as('beheerder').post('/api/beheer/herbouwen').expect(200);
    const herbouwd = (await t.as('liaison').get('/api/kamer/verschillen').expect(200)).body;
    expect(herbouwd.telling).toEqual({ ...antwoord.telling, 'niet-beoordeeld': 0 });
    expect(herbouwd.verschillen.filter((v: { soort: string }) => v.soort !== 'niet-beoordeeld')).toEqual(antwoord.verschillen.filter((v: { soort: string }) => v.soort !== 'niet-beoordeeld'));
  });

  it('waits for a busy, a slow and a broken-off service and goes on', async () => {
    tk.toezeggingen.push(kamerToezegging(11, { ApiGewijzigdOp: '2026-02-13T09:00:00Z' }));
    const voor = tk.verzoeken.length;
    tk.fout(1, { status: 503, headers: { 'retry-after': '0' } });
    tk.fout(2, { status: 429, headers: { 'retry-after': '0' } });
    tk.fout(3, 'hangt');
    tk.fout(4, 'afgebroken');
    const resultaat = await synchroniseer();
    expect(resultaat).toMatchObject({ fout: null, voorgesteld: 1 });
    // The same page asked five times: two refusals, a time-out (TK_TIMEOUT_MS), a cut connection, then the answer.
    expect(tk.verzoeken.slice(voor, voor + 5).map((v) => v.skip)).toEqual([0, 0, 0, 0, 0]);
  });

  it('refuses a malformed page whole, keeps what came before it, and files the rest on the next run, nothing twice', async () => {
    tk.toezeggingen.push(...[12, 13, 14, 15].map((n) => kamerToezegging(n, { ApiGewijzigdOp: `2026-02-14T09:00:0${n - 10}Z` })));
    const voor = t.eventCount();
    const eersteVerzoek = tk.verzoeken.length + 1;
    // The second page of this run is cut off mid-JSON.
    tk.vervalsPagina = (n, body) => (n === eersteVerzoek + 1 ? JSON.stringify(body).slice(0, 40) : body);
    const kapot = await synchroniseer();
    expect(kapot.fout).toMatch(/geen JSON/);
    expect(kapot.melding).toMatch(/^Gestopt: .*de volgende run gaat verder vanaf het watermerk\.$/);
    // Nothing moved the watermark: it is where the last clean run left it.
    expect(kapot.watermerk).toBe('2026-02-13T09:00:00.0000000Z');
    tk.vervalsPagina = undefined;
    const heel = await synchroniseer();
    expect(heel.fout).toBeNull();
    const nummers = (await voorstellen(heel.positie)).map((v) => v.gegevens.nummer);
    for (const n of [12, 13, 14, 15]) expect(nummers.filter((x) => x === `TZ202511-${n}`)).toHaveLength(1);
    expect(t.eventCount()).toBeGreaterThan(voor);
  });

  it('refuses an entity that is no record, a next link elsewhere, back or to another question, a page of another entity set and an oversized page', async () => {
    const voor = t.eventCount();
    const vervals = async (vervalsing: (body: Record<string, unknown>) => Record<string, unknown> | string) => {
      const eerste = tk.verzoeken.length + 1;
      tk.vervalsPagina = (n, body) => (n === eerste ? vervalsing(body) : body);
      const r = await synchroniseer();
      tk.vervalsPagina = undefined;
      return r.fout;
    };
    const pagina1 = () => tk.verzoeken.at(-1)!;
    expect(await vervals((b) => ({ ...b, value: [{ Tekst: 'zonder Id' }] }))).toMatch(/een record zonder geldig Id/);
    expect(await vervals((b) => ({ ...b, value: [{ ...kamerToezegging(40), Id: '../Persoon' }] }))).toMatch(/een record zonder geldig Id/);
    expect(await vervals((b) => ({ ...b, '@odata.nextLink': 'http://elders.example.org/OData/v4/2.0/Toezegging?$skip=3' }))).toMatch(/ligt buiten http:\/\/127\.0\.0\.1/);
    expect(await vervals((b) => ({ ...b, '@odata.nextLink': `${tk.url}Persoon?$skip=3` }))).toMatch(/vraagt een andere entiteitset/);
    expect(await vervals((b) => ({ ...b, '@odata.nextLink': `${tk.url}Toezegging?$filter=ApiGewijzigdOp%20ge%202000-01-01T00:00:00Z&$orderby=ApiGewijzigdOp,Id&$skip=3` }))).toMatch(/wijzigt de vraag/);
    // A link back to the page itself would loop for ever.
    expect(await vervals((b) => ({ ...b, '@odata.nextLink': `${tk.url}Toezegging?${new URLSearchParams({ $filter: pagina1().filter!, $orderby: pagina1().orderby!, $expand: pagina1().expand! })}` }))).toMatch(/gaat niet verder dan deze pagina/);
    expect(await vervals((b) => ({ ...b, '@odata.context': `${tk.url}$metadata#Persoon` }))).toMatch(/niet van Toezegging/);
    expect(await vervals((b) => JSON.stringify({ ...b, vulling: 'x'.repeat(17 * 1024 * 1024) }))).toMatch(/groter dan 16 MB/);
    // None of them wrote anything.
    expect(t.eventCount()).toBe(voor);
  });

  it('reads again what the paging passed over when a record changed during the run, and proposes each record once', async () => {
    // Nine new records after four read again (12–15): pages [12 13 14] [15 21 22] [23 24 25] [26 27 28] [29 21]. Just before page 3
    // goes out, 21 (read on page 2) changes and moves to the end; the rest shift back one place, so page 3 starts at 24 and 23 is passed over.
    const nummers = [21, 22, 23, 24, 25, 26, 27, 28, 29];
    tk.toezeggingen.push(...nummers.map((n) => kamerToezegging(n, { ApiGewijzigdOp: `2026-02-15T09:00:${n}Z` })));
    const eerste = tk.verzoeken.length + 1;
    tk.voorPagina = (n) => {
      if (n !== eerste + 2) return;
      tk.voorPagina = undefined;
      const i = tk.toezeggingen.findIndex((r) => r.Nummer === 'TZ202511-21');
      tk.toezeggingen[i] = { ...tk.toezeggingen[i], Tekst: 'De minister stuurt de Kamer een gewijzigde brief over onderwerp 21.', ApiGewijzigdOp: '2026-02-15T09:01:00Z' };
    };
    const resultaat = await synchroniseer();
    expect(resultaat.fout).toBeNull();
    // The first pass (five pages) read 21 twice and 23 not at all; the second, from where 21 was first read (less the overlap: 21 to 29), found 23.
    const skips = tk.verzoeken.slice(eerste - 1).map((v) => v.skip);
    expect(skips).toEqual([0, 3, 6, 9, 12, 0, 3, 6]);
    const alle = await voorstellen(resultaat.positie);
    for (const n of nummers.slice(1)) expect(alle.filter((v) => v.gegevens.nummer === `TZ202511-${n}`)).toHaveLength(1);
    expect(alle.filter((v) => v.gegevens.nummer === 'TZ202511-21').map((v) => v.afhandeling)).toEqual(['vervangen', 'open']);
    // The unstable pass left the watermark at 21's first reading, before 23; the clean second pass brought nothing new
    // and moved it less than a day, which is not written (the next run reads those minutes again).
    expect(resultaat.watermerk).toBe('2026-02-15T09:00:21.0000000Z');
  });

  it('withdraws an open proposal when the Kamer deletes its record or gives it to another ministry', async () => {
    const i = tk.toezeggingen.findIndex((r) => r.Nummer === 'TZ202511-22');
    const j = tk.toezeggingen.findIndex((r) => r.Nummer === 'TZ202511-23');
    tk.toezeggingen[i] = { ...tk.toezeggingen[i], Verwijderd: true, ApiGewijzigdOp: '2026-02-16T09:00:00Z' };
    tk.toezeggingen[j] = { ...tk.toezeggingen[j], Ministerie: 'Financiën', Functie: 'Minister van Financiën', ApiGewijzigdOp: '2026-02-16T09:00:01Z' };
    const resultaat = await synchroniseer();
    const alle = await voorstellen(resultaat.positie);
    for (const nummer of ['TZ202511-22', 'TZ202511-23']) expect(alle.filter((v) => v.gegevens.nummer === nummer).map((v) => v.afhandeling)).toEqual(['ingetrokken']);
    const weg = alle.find((v) => v.gegevens.nummer === 'TZ202511-22')!;
    expect((await t.http.post(`/api/voorstellen/${weg.id}/aanvaarding`).send({})).status).toBe(422);
  });

  it('says so when the service cannot be reached, and keeps the watermark', async () => {
    const voor = (await t.as('liaison').get('/api/kamer/status').expect(200)).body.stand.watermerk;
    for (let i = 1; i <= 5; i++) tk.fout(i, { status: 502 });
    const resultaat = await synchroniseer();
    expect(resultaat.fout).toMatch(/HTTP 502/);
    expect(resultaat.watermerk).toBe(voor);
  });

  it('never moves the watermark past now, whatever date the Kamer gives a record', async () => {
    tk.toezeggingen.push(kamerToezegging(30, { ApiGewijzigdOp: '9999-12-31T23:59:59Z' }));
    const resultaat = await synchroniseer();
    expect(resultaat.voorgesteld).toBe(1);
    expect(resultaat.watermerk! <= new Date().toISOString().replace('Z', '0000Z')).toBe(true);
    // A record the Kamer changes after that is still read.
    tk.toezeggingen.push(kamerToezegging(31, { ApiGewijzigdOp: new Date().toISOString() }));
    expect((await synchroniseer()).voorgesteld).toBe(1);
    tk.toezeggingen = tk.toezeggingen.filter((r) => r.Nummer !== 'TZ202511-30');
  });

  it('starts a run when a griffier presses the button, one at a time, and reports it on the status and on /health', async () => {
    const wachtOpEinde = async () => {
      for (let i = 0; i < 100; i++) {
        const status = (await t.as('liaison').get('/api/kamer/status').expect(200)).body;
        if (!status.bezig) return status;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('de run eindigde niet');
    };
    await t.as('liaison').post('/api/kamer/synchronisatie').expect(403);
    // The first request hangs until TK_TIMEOUT_MS: long enough to press twice.
    tk.fout(1, 'hangt');
    const gestart = (await t.http.post('/api/kamer/synchronisatie').expect(202)).body;
    expect(gestart).toMatchObject({ gestart: true, koppeling: { aan: true, bezig: true, schema: '7 * * * *', bron: tk.url } });
    const nogEens = (await t.http.post('/api/kamer/synchronisatie').expect(409)).body;
    expect(nogEens).toMatchObject({ code: 'kamer-bezig' });
    const status = await wachtOpEinde();
    expect(status).toMatchObject({ toestand: 'in orde', laatste: { door: 'test-griffier', fout: null, resultaat: { fout: null } }, stand: { watermerk: expect.stringMatching(/^20\d\d-/) } });
    expect(status.laatsteSucces).not.toBeNull();
    expect((await t.as('anoniem').get('/health').expect(200)).body.info.kamer).toMatchObject({ status: 'up', toestand: 'in orde', aan: true });

    // The Kamer down: /health says verstoord and stays 200 (the register serves on), without the Kamer's words.
    for (let i = 1; i <= 5; i++) tk.fout(i, { status: 503, body: '{"error":{"message":"Onderhoud van het Gegevensmagazijn"}}' });
    await t.http.post('/api/kamer/synchronisatie').expect(202);
    expect(await wachtOpEinde()).toMatchObject({ toestand: 'verstoord', laatste: { resultaat: { fout: expect.stringContaining('HTTP 503') } } });
    const health = (await t.as('anoniem').get('/health').expect(200)).body;
    expect(health.info.kamer).toMatchObject({ toestand: 'verstoord', laatste: { fout: true } });
    expect(JSON.stringify(health)).not.toMatch(/127\.0\.0\.1|HTTP 503/);
  });
});

describe('Kamer-koppeling: aangenomen moties', () => {
  let tk: TestGegevensmagazijn;
  let t: TestApp;
  const synchroniseer = synchroniseerder(() => t, '9000');
  type Voorstel = { id: string; afhandeling: string; gegevens: Record<string, unknown>; kamer: { entiteit: string; status: string } };
  const voorstellen = async (positie: string): Promise<Voorstel[]> => (await t.http.get(`/api/voorstellen?bron=tweede-kamer&minimalePositie=${positie}`).expect(200)).body.voorstellen;

  beforeAll(async () => {
    tk = await startGegevensmagazijn();
    tk.besluiten = [
      kamerBesluit(1),
      kamerBesluit(2, { BesluitSoort: 'Stemmen - verworpen', BesluitTekst: 'Verworpen.' }),
      kamerBesluit(3, { BesluitSoort: 'Stemmen - aangehouden' }),
      kamerBesluit(4, {}, { Kamerstukdossier: [{ Id: 'kd-x', Nummer: 36600, Toevoeging: 'VI' }], Document: [{ Id: 'doc-x', Soort: 'Motie', Volgnummer: 4, Kamerstukdossier: [{ Id: 'kd-x', Nummer: 36600, Toevoeging: 'VI' }] }] }),
      kamerBesluit(5, { BesluitSoort: 'Stemmen - zonder stemming aannemen' }, { Kamerstukdossier: { Id: 'kd-p', Nummer: 29628, Toevoeging: null }, Document: [{ Id: 'doc-p', Soort: 'Motie (gewijzigd/nader)', Volgnummer: 1301, Datum: '2024-12-12T00:00:00+01:00', Kamerstukdossier: [{ Id: 'kd-p', Nummer: 29628, Toevoeging: '' }] }] }),
      kamerBesluit(6, { Status: 'Voorstel' }),
      // A kind longer than 40 characters, as the Kamer writes some: kept whole by the read model (PostgreSQL too).
      kamerBesluit(8, { BesluitSoort: 'Afvoeren van de stand der werkzaamheden (plenair)' }),
      // Not a motie at all: the service's filter leaves it out.
      kamerBesluit(7, {}, { Soort: 'Wetgeving' }),
    ];
    t = await startTestApp({ TK_ODATA_URL: tk.url, TK_MINISTERIE: 'Justitie en Veiligheid', TK_REGISTER_MINISTERIE: 'JenV', TK_SYNC_VANAF: '2024-09-01', TK_DOSSIERS: '29628, 35925-vi', TK_RETRY_MS: '0' });
  });

  afterAll(async () => {
    await t?.close();
    await tk?.close();
  });

  it('proposes the moties adopted in the ministry’s dossiers, with Kamerstuk number, vergaderjaar, indieners and the day of the vote', async () => {
    const resultaat = await synchroniseer();
    expect(resultaat).toMatchObject({ fout: null, voorgesteld: 2, watermerken: { toezegging: '2024-09-01T00:00:00.0000000Z', besluit: '2024-12-17T15:18:00.1234567Z' } });
    const besluitVraag = tk.verzoeken.find((v) => v.pad.endsWith('/Besluit'))!;
    expect(besluitVraag).toEqual({
      pad: '/OData/v4/2.0/Besluit',
      filter: "ApiGewijzigdOp ge 2024-08-31T23:50:00.0000000Z and Zaak/any(z: z/Soort eq 'Motie')",
      orderby: 'ApiGewijzigdOp,Id',
      expand: 'Agendapunt($expand=Activiteit),Zaak($expand=Kamerstukdossier,Document($expand=Kamerstukdossier),ZaakActor)',
      skip: 0,
    });
    const lijst = await voorstellen(resultaat.positie);
    expect(lijst.map((v) => v.gegevens.nummer)).toEqual(['35925-VI-1', '29628-1301']);
    expect(lijst[0].gegevens).toMatchObject({
      soort: 'motie',
      vergaderjaar: '2024/25',
      titel: 'Motie van het lid Bedacht over onderwerp 1',
      datum: '2024-12-17',
      debat: 'Stemmingen 2024-12-17',
      leden: [
        { naam: 'B. van Bedacht', fractie: 'ABC' },
        { naam: 'C. Verzonnen', fractie: 'XYZ' },
      ],
      zekerheid: 1,
    });
    expect(lijst[0].kamer).toMatchObject({ entiteit: 'Besluit', status: 'Stemmen - aangenomen' });
    // The rejected, held-over and not yet taken decisions are known, not proposed; another dossier's is not even known.
    const bekend = t.storedEvents().filter((e) => e.type === 'ImportKamerPaginaVerwerkt').flatMap((e) => (e.data.bekend as { kamerId: string; status: string }[]).map((k) => k.status));
    expect(bekend.sort()).toEqual(['Afvoeren van de stand der werkzaamheden (plenair)', 'Stemmen - aangehouden', 'Stemmen - aangenomen', 'Stemmen - aangenomen', 'Stemmen - verworpen', 'Stemmen - zonder stemming aannemen'].sort());
    // The read model took them all (a varchar(40) would stop the projection on PostgreSQL).
    expect((await t.as('liaison').get(`/api/kamer/verschillen?minimalePositie=${resultaat.positie}`).expect(200)).body.totaal).toBe(0);
  });

  it('registers an adopted motie when a griffier accepts it, and proposes nothing on a second run', async () => {
    const [eerste] = await voorstellen((await synchroniseer()).positie);
    const aanvaard = await t.http.post(`/api/voorstellen/${eerste.id}/aanvaarding`).send({}).expect(200);
    const item = (await t.http.get(`/api/items/${aanvaard.body.itemId}?minimalePositie=${aanvaard.body.positie}`).expect(200)).body;
    expect(item).toMatchObject({ soort: 'motie', nummer: '35925-VI-1', vergaderjaar: '2024/25', status: 'InBehandeling', ministerie: 'JenV', datum: '2024-12-17' });
    expect(item.leden).toEqual([
      { naam: 'B. van Bedacht', fractie: 'ABC' },
      { naam: 'C. Verzonnen', fractie: 'XYZ' },
    ]);
    expect((await synchroniseer()).voorgesteld).toBe(0);
  });

  it('shows an accepted motie whose vote the Kamer later records otherwise as a difference', async () => {
    const i = tk.besluiten.findIndex((b) => b.Id === kamerBesluit(1).Id);
    tk.besluiten[i] = { ...tk.besluiten[i], BesluitSoort: 'Stemmen - verworpen', BesluitTekst: 'Verworpen.', ApiGewijzigdOp: '2024-12-18T09:00:00Z' };
    const resultaat = await synchroniseer();
    const verschillen = (await t.as('liaison').get(`/api/kamer/verschillen?minimalePositie=${resultaat.positie}`).expect(200)).body;
    expect(verschillen.verschillen).toEqual([expect.objectContaining({ soort: 'niet-aangenomen-bij-kamer', item: expect.objectContaining({ nummer: '35925-VI-1' }), kamer: expect.objectContaining({ status: 'Stemmen - verworpen', entiteit: 'Besluit' }) })]);
  });

  it('proposes a motie rejected before once the Kamer adopts it after all', async () => {
    const i = tk.besluiten.findIndex((b) => b.Id === kamerBesluit(2).Id);
    tk.besluiten[i] = { ...tk.besluiten[i], BesluitSoort: 'Stemmen - aangenomen', BesluitTekst: 'Aangenomen.', ApiGewijzigdOp: '2024-12-18T10:00:00Z' };
    const resultaat = await synchroniseer();
    expect(resultaat.voorgesteld).toBe(1);
    expect((await voorstellen(resultaat.positie)).map((v) => v.gegevens.nummer)).toContain('35925-VI-2');
  });
});

describe('Kamer-koppeling: TZ-nummers die de Kamer niet kent', () => {
  let tk: TestGegevensmagazijn;
  let t: TestApp;
  const synchroniseer = synchroniseerder(() => t, 'a000');

  beforeAll(async () => {
    tk = await startGegevensmagazijn();
    // Known to the Kamer from before the link's start (one written with a padded serial); the register holds a third it does not know.
    tk.toezeggingen = [kamerToezegging(6, { Nummer: 'TZ202401-6', ApiGewijzigdOp: '2024-01-10T10:00:00Z' }), kamerToezegging(7, { Nummer: 'TZ202401-007', ApiGewijzigdOp: '2024-01-10T10:00:01Z' })];
    t = await startTestApp({ TK_ODATA_URL: tk.url, TK_MINISTERIE: 'Justitie en Veiligheid', TK_REGISTER_MINISTERIE: 'JenV', TK_SYNC_VANAF: '2025-09-01' });
    let positie = '0';
    for (const n of [5, 6, 7]) positie = (await t.http.post('/api/toezeggingen').send(toezegging({ nummer: `TZ202401-${n}`, titel: `Toezegging ${n} van voor de koppeling` })).expect(201)).body.positie;
    await t.http.get(`/api/items?perPagina=1&minimalePositie=${positie}`).expect(200);
  });

  afterAll(async () => {
    await t?.close();
    await tk?.close();
  });

  it('asks the Kamer about the register’s TZ numbers it has no record of, in both spellings, and shows the one it does not know', async () => {
    const resultaat = await synchroniseer();
    expect(resultaat.fout).toBeNull();
    const vraag = tk.verzoeken.find((v) => v.filter?.startsWith('Nummer eq'))!;
    expect(vraag.filter).toBe("Nummer eq 'TZ202401-5' or Nummer eq 'TZ202401-005' or Nummer eq 'TZ202401-6' or Nummer eq 'TZ202401-006' or Nummer eq 'TZ202401-7' or Nummer eq 'TZ202401-007'");
    const verschillen = (await t.as('liaison').get(`/api/kamer/verschillen?minimalePositie=${resultaat.positie}`).expect(200)).body;
    expect(verschillen.verschillen).toEqual([expect.objectContaining({ soort: 'onbekend-bij-kamer', kamer: null, item: expect.objectContaining({ nummer: 'TZ202401-5' }), dagen: 0 })]);
    // Asked again only after a week; the known ones are in the ledger now.
    const voor = tk.verzoeken.length;
    await synchroniseer();
    expect(tk.verzoeken.slice(voor).filter((v) => v.filter?.startsWith('Nummer eq'))).toEqual([]);
  });

  it('drops the difference once a record with that number comes from the Kamer', async () => {
    tk.toezeggingen.push(kamerToezegging(5, { Nummer: 'TZ202401-5', ApiGewijzigdOp: new Date().toISOString() }));
    const resultaat = await synchroniseer();
    expect((await t.as('liaison').get(`/api/kamer/verschillen?minimalePositie=${resultaat.positie}`).expect(200)).body.totaal).toBe(0);
  });
});

describe('Kamer-koppeling uit', () => {
  it('does nothing without TK_ODATA_URL or TK_SYNC=aan, and TK_SYNC=uit wins', async () => {
    for (const env of [{}, { TK_SYNC: 'uit', TK_ODATA_URL: 'http://127.0.0.1:9/OData/v4/2.0/', TK_MINISTERIE: 'Justitie en Veiligheid' }]) {
      const t = await startTestApp(env);
      try {
        const resultaat: KamerSynchronisatieResultaat = await t.app.get(CommandBus).execute(new SynchroniseerKamerCommand({ commandId: 'c', correlationId: 'c', causationId: 'c', actor: 'test' }));
        expect(resultaat).toMatchObject({ aan: false, batchId: null });
        expect((await t.http.post('/api/kamer/synchronisatie').expect(503)).body).toMatchObject({ code: 'kamer-uit' });
        expect((await t.as('anoniem').get('/health').expect(200)).body.info.kamer).toMatchObject({ toestand: 'uit', aan: false, volgende: null });
        expect((await t.as('liaison').get('/api/kamer/status').expect(200)).body).toMatchObject({ toestand: 'uit', stand: null });
        expect(t.eventCount()).toBe(0);
      } finally {
        await t.close();
      }
    }
  });

  it('refuses to start when the link is on without TK_MINISTERIE', async () => {
    await expect(startTestApp({ TK_SYNC: 'aan' })).rejects.toThrow(/TK_MINISTERIE is verplicht/);
  });
});
