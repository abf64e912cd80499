import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp, startTestApp } from './support/app';

jest.setTimeout(120_000);

/*
 * The inbox end to end over HTTP, with the real reader on the real annexes: upload, the proposals,
 * accepting them into the register, and everything that must not double or leak.
 */

const FIXTURES = join(__dirname, 'fixtures/import');
/** The seeds in the order their letters were sent, with a date for the ones that do not state it. */
export const SEEDS = [
  { bestand: '002_bb53b5d01be0cbfb.txt', datum: '2020-11-05' },
  { bestand: '000_a667fa4859d422a8.txt', datum: '2022-12-15' },
  { bestand: '004_f0f2b828eb74e2ff.txt', datum: '2023-06-30' },
  { bestand: '003_867673a10de57136.txt', datum: '2025-06-30' },
] as const;
/** A follow-up of 003 written for this test (the seeds share no items): the same moties half a year on. */
const VERVOLG = { bestand: 'vervolg-003-tweede-halfjaarbericht-2025.txt', datum: '2025-12-15' } as const;
const REEKS = [...SEEDS, VERVOLG];

const STANDAARD = { bewindspersoon: 'minister van Justitie en Veiligheid', ministerie: 'JenV', thema: 'Politie' };

interface Voorstel {
  id: string;
  soortVoorstel: string;
  afhandeling: string;
  itemId: string | null;
  stappen: string[];
  waarschuwingen: string[];
  gegevens: { soort: string; nummer: string | null; titel: string; status: string | null; rol: string; regel: number; zekerheid: number };
  match: { itemId: string } | null;
}

export function upload(t: TestApp, bestand: string, velden: Record<string, string> = {}, inhoud?: Buffer) {
  const seed = REEKS.find((s) => s.bestand === bestand);
  const req = t.http.post('/api/importen');
  for (const [k, v] of Object.entries({ ...STANDAARD, ...(seed ? { datum: seed.datum } : {}), ...velden })) req.field(k, v);
  return req.attach('bestand', inhoud ?? readFileSync(join(FIXTURES, bestand)), { filename: bestand, contentType: 'application/octet-stream' });
}

async function batch(t: TestApp, batchId: string, positie: string) {
  return (await t.http.get(`/api/importen/${batchId}?minimalePositie=${positie}`).expect(200)).body as { voorstellen: Voorstel[]; regels: string[]; aantal: number; open: number; positie: string };
}

/** Every registered item as number → status, from the register read model. */
async function register(t: TestApp, positie: string): Promise<Map<string, string>> {
  const uit = new Map<string, string>();
  for (let pagina = 1; ; pagina++) {
    const body = (await t.http.get(`/api/items?perPagina=100&pagina=${pagina}&weergave=kort&minimalePositie=${positie}`).expect(200)).body as { items: { nummer: string; status: string }[]; totaal: number };
    for (const i of body.items) uit.set(i.nummer, i.status);
    if (pagina * 100 >= body.totaal) return uit;
  }
}

describe('the import inbox', () => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('reads an annex into proposals without registering anything, and the same document again proposes nothing new', async () => {
    t = await startTestApp();
    const voor = t.eventCount();
    const eerste = await upload(t, '003_867673a10de57136.txt').expect(201);
    expect(eerste.body).toMatchObject({ nieuw: true });
    expect(eerste.body.voorstellen).toBeGreaterThan(20);
    expect(t.eventCount()).toBe(voor + 1);
    expect(t.storedEvents().filter((e) => /^(motie|toezegging)-/.test(e.stream))).toHaveLength(0);

    const b = await batch(t, eerste.body.batchId, eerste.body.positie);
    expect(b.voorstellen).toHaveLength(eerste.body.voorstellen);
    expect(b.regels.length).toBeGreaterThan(800);
    const v = b.voorstellen.find((x) => x.gegevens.nummer === '29279-944');
    expect(v).toMatchObject({ soortVoorstel: 'registratie', afhandeling: 'open', gegevens: { soort: 'motie', status: 'afgedaan', rol: 'behandeld' } });
    // The proposal points at its own passage in the text kept with the batch.
    expect(b.regels[v!.gegevens.regel - 1]).toBeTruthy();

    const nogmaals = await upload(t, '003_867673a10de57136.txt').expect(200);
    expect(nogmaals.body).toMatchObject({ batchId: eerste.body.batchId, nieuw: false });
    // Two uploads of one document at the same moment make one batch.
    const [a, c] = await Promise.all([upload(t, '000_a667fa4859d422a8.txt'), upload(t, '000_a667fa4859d422a8.txt')]);
    expect([a.status, c.status].sort()).toEqual([200, 201]);
    expect(a.body.batchId).toBe(c.body.batchId);
    expect(t.eventCount()).toBe(voor + 2);
    const lijst = (await t.http.get(`/api/importen?minimalePositie=${a.body.positie}`).expect(200)).body;
    expect(lijst.importen).toHaveLength(2);
    expect(lijst.importen[0]).toMatchObject({ ingelezenDoor: 'test-griffier', open: expect.any(Number) });
  });

  it('accepts proposals into the register with the ordinary commands, once, however often it is asked', async () => {
    t = await startTestApp();
    const ingelezen = (await upload(t, '003_867673a10de57136.txt').expect(201)).body;
    const { voorstellen } = await batch(t, ingelezen.batchId, ingelezen.positie);
    const afgedaan = voorstellen.find((v) => v.gegevens.status === 'afgedaan' && v.gegevens.nummer && v.gegevens.rol === 'behandeld')!;
    expect(afgedaan).toBeDefined();

    // A double click: two acceptances at the same moment register and afdoen the item once.
    const [een, twee] = await Promise.all([t.http.post(`/api/voorstellen/${afgedaan.id}/aanvaarding`).send({}), t.http.post(`/api/voorstellen/${afgedaan.id}/aanvaarding`).send({})]);
    expect([een.status, twee.status]).toEqual([200, 200]);
    expect(een.body.itemId).toBe(twee.body.itemId);
    expect(een.body.stappen).toEqual(['registratie', 'afdoening']);
    const itemEvents = () => t.storedEvents().filter((e) => e.stream.endsWith(een.body.itemId));
    expect(itemEvents().map((e) => e.type)).toEqual(['MotieGeregistreerd', 'MotieAfgedaan']);
    const aantal = t.eventCount();
    await t.http.post(`/api/voorstellen/${afgedaan.id}/aanvaarding`).send({}).expect(200);
    expect(t.eventCount()).toBe(aantal);

    const item = (await t.http.get(`/api/items/${een.body.itemId}?minimalePositie=${een.body.positie}`).expect(200)).body;
    expect(item).toMatchObject({ nummer: afgedaan.gegevens.nummer, status: 'Afgedaan', bewindspersoon: STANDAARD.bewindspersoon, ministerie: 'JenV' });
    const afdoening = itemEvents()[1].data as { datum: string; wijze: { soort: string } };
    expect(afdoening.datum).toBe('2025-06-30');
    // The item's history says where it came from; the actor is the clerk who accepted it.
    const historie = (await t.as('auditor').get(`/api/items/${een.body.itemId}/historie`).expect(200)).body.events;
    expect(historie[0]).toMatchObject({ door: 'test-griffier', bron: expect.stringContaining('003_867673a10de57136.txt') });

    const b = await batch(t, ingelezen.batchId, een.body.positie);
    expect(b.voorstellen.find((v) => v.id === afgedaan.id)).toMatchObject({ afhandeling: 'aanvaard', itemId: een.body.itemId, stappen: ['registratie', 'afdoening'] });
    expect(b.open).toBe(b.aantal - 1);
  });

  it('lets one decision win when clerks decide one proposal differently at the same moment', async () => {
    t = await startTestApp();
    const ingelezen = (await upload(t, '003_867673a10de57136.txt').expect(201)).body;
    const { voorstellen } = await batch(t, ingelezen.batchId, ingelezen.positie);
    const [a, b, c] = voorstellen.filter((v) => v.gegevens.soort === 'motie' && v.gegevens.nummer && v.gegevens.status === 'afgedaan');

    // Accept and reject at once: exactly one of them is done, and the inbox says which.
    const [aanvaarding, afwijzing] = await Promise.all([t.http.post(`/api/voorstellen/${a.id}/aanvaarding`).send({}), t.http.post(`/api/voorstellen/${a.id}/afwijzing`).send({ reden: 'dubbel' })]);
    expect([aanvaarding.status, afwijzing.status].sort()).toEqual([200, 422]);
    const naA = (await batch(t, ingelezen.batchId, (aanvaarding.status === 200 ? aanvaarding : afwijzing).body.positie)).voorstellen.find((v) => v.id === a.id)!;
    expect(naA.afhandeling).toBe(aanvaarding.status === 200 ? 'aanvaard' : 'afgewezen');
    const itemStreams = () => new Set(t.storedEvents().filter((e) => /^motie-/.test(e.stream)).map((e) => e.stream)).size;
    expect(itemStreams()).toBe(aanvaarding.status === 200 ? 1 : 0);

    // After an acceptance a rejection is refused, not answered as if it were done.
    await t.http.post(`/api/voorstellen/${b.id}/aanvaarding`).send({}).expect(200);
    expect((await t.http.post(`/api/voorstellen/${b.id}/afwijzing`).send({ reden: 'toch niet' }).expect(422)).body.code).toBe('voorstel-al-afgehandeld');

    // Two clerks accepting with different changes: one decision, applied whole; the other is refused.
    const [een, twee] = await Promise.all([
      t.http.post(`/api/voorstellen/${c.id}/aanvaarding`).send({ wijzigingen: { titel: 'Titel van griffier één', status: 'in-behandeling' } }),
      t.http.post(`/api/voorstellen/${c.id}/aanvaarding`).send({ wijzigingen: { titel: 'Titel van griffier twee' } }),
    ]);
    expect([een.status, twee.status].sort()).toEqual([200, 422]);
    const winnaar = een.status === 200 ? een : twee;
    const item = (await t.http.get(`/api/items/${winnaar.body.itemId}?minimalePositie=${winnaar.body.positie}`).expect(200)).body;
    if (winnaar === een) expect(item).toMatchObject({ titel: 'Titel van griffier één', status: 'InBehandeling' });
    else expect(item).toMatchObject({ titel: 'Titel van griffier twee', status: 'Afgedaan' });
    const types = t.storedEvents().filter((e) => e.stream.endsWith(winnaar.body.itemId)).map((e) => e.type);
    expect(types).toEqual(winnaar === een ? ['MotieGeregistreerd', 'MotieVoortgangGerapporteerd'] : ['MotieGeregistreerd', 'MotieAfgedaan']);
  });

  it('takes the clerk’s changes, rejects with a reason, merges into a chosen item, and refuses a number held by another item', async () => {
    t = await startTestApp();
    const ingelezen = (await upload(t, '003_867673a10de57136.txt').expect(201)).body;
    const { voorstellen } = await batch(t, ingelezen.batchId, ingelezen.positie);
    const [eerste, tweede, derde] = voorstellen.filter((v) => v.gegevens.soort === 'motie' && v.gegevens.nummer && v.gegevens.rol === 'behandeld');

    const aangepast = await t.http.post(`/api/voorstellen/${eerste.id}/aanvaarding`).send({ wijzigingen: { titel: 'Motie over handhaving (aangepast)', status: 'in-behandeling' } }).expect(200);
    expect(aangepast.body.stappen).toEqual(['registratie', 'voortgang']);
    const item = (await t.http.get(`/api/items/${aangepast.body.itemId}?minimalePositie=${aangepast.body.positie}`).expect(200)).body;
    expect(item).toMatchObject({ titel: 'Motie over handhaving (aangepast)', status: 'InBehandeling' });

    await t.http.post(`/api/voorstellen/${tweede.id}/afwijzing`).send({ reden: 'Al geregistreerd onder een ander nummer.' }).expect(200);
    const weer = await t.http.post(`/api/voorstellen/${tweede.id}/aanvaarding`).send({}).expect(422);
    expect(weer.body.code).toBe('voorstel-al-afgehandeld');

    const samen = await t.http.post(`/api/voorstellen/${derde.id}/samenvoeging`).send({ itemId: aangepast.body.itemId }).expect(200);
    expect(samen.body).toMatchObject({ afhandeling: 'samengevoegd', itemId: aangepast.body.itemId });

    // Another item already holds a number the document uses for something else: refused, naming it.
    const andere = voorstellen.find((v) => v.gegevens.soort === 'motie' && v.gegevens.nummer && v.afhandeling === 'open' && ![eerste.id, tweede.id, derde.id].includes(v.id))!;
    await t.http
      .post('/api/moties')
      .send({ nummer: andere.gegevens.nummer, vergaderjaar: '2024/25', titel: 'Een heel ander onderwerp zonder overlap', tekst: 'verzoekt de regering iets anders', indieners: [{ naam: 'Jansen', fractie: null }], datum: '2025-01-10', debat: 'debat', bewindspersoon: 'minister', ministerie: 'JenV', thema: 'Anders' })
      .expect(201);
    const voor = t.eventCount();
    const bezet = await t.http.post(`/api/voorstellen/${andere.id}/aanvaarding`).send({}).expect(409);
    expect(bezet.body.code).toBe('nummer-in-gebruik');
    expect(bezet.body.detail).toContain('Een heel ander onderwerp');
    expect(t.eventCount()).toBe(voor);

    await t.http.post(`/api/voorstellen/${ingelezen.batchId}.9999/aanvaarding`).send({}).expect(404);
    await t.http.post('/api/voorstellen/niet-een-id/afwijzing').send({ reden: 'x' }).expect(404);
    await t.http.post(`/api/voorstellen/${eerste.id}/afwijzing`).send({}).expect(400);
    await t.as('liaison').post(`/api/voorstellen/${andere.id}/aanvaarding`).send({}).expect(403);
    expect(t.eventCount()).toBe(voor);
  });

  it('never registers an item without number again from a later document, uploaded before or after the first was accepted', async () => {
    t = await startTestApp();
    const origineel = readFileSync(join(FIXTURES, '003_867673a10de57136.txt'));
    const eerste = (await upload(t, '003_867673a10de57136.txt').expect(201)).body;
    // The same letter as another file (one more line), uploaded before anything is accepted.
    const kopie = (await upload(t, 'kopie-003.txt', { datum: '2025-06-30' }, Buffer.concat([origineel, Buffer.from('\n')])).expect(201)).body;
    expect(kopie.batchId).not.toBe(eerste.batchId);
    const bulk = (await t.http.post(`/api/importen/${eerste.batchId}/aanvaarding`).send({ minimaleZekerheid: 0 }).expect(200)).body;
    await t.http.get(`/api/items?perPagina=1&minimalePositie=${bulk.positie}`).expect(200);
    const voor = (await register(t, bulk.positie)).size;
    const tweede = (await t.http.post(`/api/importen/${kopie.batchId}/aanvaarding`).send({ minimaleZekerheid: 0 }).expect(200)).body;
    const na = await register(t, tweede.positie);
    expect(na.size).toBe(voor);
    // And read in after the acceptance: nothing to propose for what the register holds as the letter says.
    const derde = (await upload(t, 'kopie-2-003.txt', { datum: '2025-06-30' }, Buffer.concat([origineel, Buffer.from('\n\n')])).expect(201)).body;
    const b = await batch(t, derde.batchId, derde.positie);
    expect(b.voorstellen.filter((v) => v.soortVoorstel === 'registratie' && v.gegevens.rol === 'behandeld' && !v.waarschuwingen.length)).toEqual([]);
  });

  it('says per field what a proposal lacks before it can be registered, and gives a toezegging without number the register’s', async () => {
    t = await startTestApp();
    const ingelezen = (await upload(t, '000_a667fa4859d422a8.txt').expect(201)).body;
    const { voorstellen } = await batch(t, ingelezen.batchId, ingelezen.positie);
    const motie = voorstellen.find((v) => v.gegevens.soort === 'motie' && !v.gegevens.nummer)!;
    const voor = t.eventCount();
    const zonderNummer = await t.http.post(`/api/voorstellen/${motie.id}/aanvaarding`).send({}).expect(400);
    expect(zonderNummer.body.fouten).toEqual([{ veld: 'nummer', melding: expect.stringContaining('Kamerstuknummer') }]);
    expect(t.eventCount()).toBe(voor);
    const aangevuld = await t.http.post(`/api/voorstellen/${motie.id}/aanvaarding`).send({ wijzigingen: { nummer: '36200-VI-41' } }).expect(200);
    expect(aangevuld.body).toMatchObject({ nummer: '36200-VI-41', stappen: ['registratie', 'voortgang'] });

    const toezegging = voorstellen.find((v) => v.gegevens.soort === 'toezegging' && !v.gegevens.nummer)!;
    const aanvaard = await t.http.post(`/api/voorstellen/${toezegging.id}/aanvaarding`).send({}).expect(200);
    expect(aanvaard.body.nummer).toMatch(/^INT-[0-9A-F]{12}$/);
    const b = await batch(t, ingelezen.batchId, aanvaard.body.positie);
    expect(b.voorstellen.find((v) => v.id === toezegging.id)?.gegevens.nummer).toBe(aanvaard.body.nummer);
  });

  it('a series builds history, and importing it out of order ends in the same register', async () => {
    const verslag: string[] = [];
    const statuswijzigingen: Record<string, number> = {};
    const eindstand = async (volgorde: readonly (typeof REEKS)[number][]) => {
      const app = await startTestApp();
      try {
        let positie: string | undefined;
        for (const seed of volgorde) {
          // Matching by title reads the register: it must have seen the previous document's acceptances.
          if (positie) await app.http.get(`/api/items?perPagina=1&minimalePositie=${positie}`).expect(200);
          const ingelezen = (await upload(app, seed.bestand).expect(201)).body;
          const { voorstellen } = await batch(app, ingelezen.batchId, ingelezen.positie);
          statuswijzigingen[`${volgorde[0].bestand}:${seed.bestand}`] = voorstellen.filter((v) => v.soortVoorstel === 'statuswijziging').length;
          const bulk = (await app.http.post(`/api/importen/${ingelezen.batchId}/aanvaarding`).send({ minimaleZekerheid: 0 }).expect(200)).body;
          positie = bulk.positie;
          verslag.push(`${seed.bestand}: ${ingelezen.voorstellen} voorstellen (${ingelezen.alBekend} al bekend), ${bulk.aanvaard.length} aanvaard, ${bulk.mislukt.length} niet (${[...new Set(bulk.mislukt.map((m: { code: string }) => m.code))].join(', ')})`);
        }
        return await register(app, positie!);
      } finally {
        await app.close();
      }
    };
    const opVolgorde = await eindstand(REEKS);
    const omgekeerd = await eindstand([...REEKS].reverse());
    const telling = (m: Map<string, string>) => Object.entries([...m.values()].reduce<Record<string, number>>((n, s) => ({ ...n, [s]: (n[s] ?? 0) + 1 }), {})).map(([s, n]) => `${s} ${n}`).join(', ');
    process.stdout.write(`Reeks van vier bijlagen, op volgorde en omgekeerd:\n${verslag.join('\n')}\nRegister op volgorde: ${opVolgorde.size} items (${telling(opVolgorde)}); omgekeerd: ${omgekeerd.size} (${telling(omgekeerd)})\n`);
    expect(opVolgorde.size).toBeGreaterThan(40);
    // In order, the follow-up proposes status changes of the items 003 registered; reversed, 003 comes
    // after the newer follow-up and proposes nothing for those items.
    // (29628-1227 names no indiener in either document, so it waits for the clerk in both and is not counted.)
    expect(statuswijzigingen[`${REEKS[0].bestand}:${VERVOLG.bestand}`]).toBe(2);
    expect(statuswijzigingen[`${VERVOLG.bestand}:${SEEDS[3].bestand}`]).toBe(0);
    expect(opVolgorde.get('34324-30')).toBe('Afgedaan');
    expect(opVolgorde.get('36600-100')).toBe('Afgedaan');
    expect(opVolgorde.has('29628-1227')).toBe(false);
    expect(opVolgorde.get('29628-1301')).toBe('InBehandeling');
    // Items with a Kamer number end in the same status whatever the order. Toezeggingen without one get
    // a number from the register (INT-…, derived from the proposal that registered them), so there
    // only their statuses are compared.
    const metNummer = (m: Map<string, string>) => Object.fromEntries([...m].filter(([n]) => !n.startsWith('INT-')));
    const zonderNummer = (m: Map<string, string>) => [...m].filter(([n]) => n.startsWith('INT-')).map(([, s]) => s).sort();
    expect(metNummer(omgekeerd)).toEqual(metNummer(opVolgorde));
    expect(zonderNummer(omgekeerd)).toEqual(zonderNummer(opVolgorde));
  });

  it('reads what ministries have: Word, PDF, a spreadsheet with a column mapping, CSV', async () => {
    t = await startTestApp();
    for (const [bestand, velden] of [
      ['bijlage.docx', { datum: '2024-06-12' }],
      ['bijlage.pdf', {}],
      ['register-formules.xlsx', { datum: '2024-06-12' }],
      ['register.csv', { datum: '2024-06-12', kolommen: JSON.stringify({ soort: 'Soort', nummer: 'Nummer', titel: 'Titel', leden: 'Indieners', fractie: 'Fractie', status: 'Status', datum: 'Datum' }) }],
    ] as const) {
      const res = await upload(t, bestand, velden);
      expect([bestand, res.status]).toEqual([bestand, 201]);
      const b = await batch(t, res.body.batchId, res.body.positie);
      expect(b.voorstellen.length).toBeGreaterThanOrEqual(2);
    }
    // A spreadsheet cell that looks like a formula is data: it is proposed as text, never evaluated.
    const csv = (await t.http.get('/api/voorstellen?status=open').expect(200)).body.voorstellen as Voorstel[];
    expect(csv.some((v) => v.gegevens.titel.startsWith('=HYPERLINK'))).toBe(true);
  });

  it('refuses damaged, locked, explosive and unreadable documents with a specific Dutch error, and stays responsive meanwhile', async () => {
    t = await startTestApp();
    const voor = t.eventCount();
    for (const [bestand, status, code] of [
      ['wachtwoord.pdf', 400, 'pdf-wachtwoord'],
      ['beschadigd.pdf', 400, 'pdf-beschadigd'],
      ['zipbom.docx', 400, 'zip-bom'],
      ['alleen-formules.xlsx', 422, 'formules-in-cellen'],
    ] as const) {
      const [res, gezond] = await Promise.all([upload(t, bestand, { datum: '2024-06-12' }), t.as('anoniem').get('/health')]);
      expect([bestand, res.status, res.body.code]).toEqual([bestand, status, code]);
      expect(res.body.detail).toMatch(/[a-z]{4,}/);
      expect(gezond.status).toBe(200);
    }
    const engels = Buffer.from('Dear Speaker, this letter reports on the motions and undertakings of the government. '.repeat(80));
    const taal = await upload(t, 'letter.txt', { datum: '2024-06-12' }, engels).expect(422);
    expect(taal.body.code).toBe('andere-taal');
    expect(t.eventCount()).toBe(voor);
  });

  it('answers hostile uploads in Dutch, cleans file names, refuses impossible dates, and keeps the event loop free while reading', async () => {
    t = await startTestApp();
    const voor = t.eventCount();
    const annex = readFileSync(join(FIXTURES, '003_867673a10de57136.txt'));
    const tweeBestanden = await t.http.post('/api/importen').field('bewindspersoon', 'x').field('ministerie', 'y').attach('bestand', annex, 'a.txt').attach('bestand', annex, 'b.txt').expect(400);
    expect(tweeBestanden.body).toMatchObject({ code: 'te-veel-bestanden', fouten: [{ veld: 'bestand' }] });
    const anderVeld = await t.http.post('/api/importen').field('bewindspersoon', 'x').field('ministerie', 'y').attach('document', annex, 'a.txt').expect(400);
    expect(anderVeld.body.code).toBe('onverwacht-veld');
    expect(anderVeld.body.detail).toContain('"bestand"');
    const lang = await t.http.post('/api/importen').field('bewindspersoon', 'x').field('ministerie', 'y').field('thema', 'x'.repeat(20_000)).attach('bestand', annex, 'a.txt').expect(400);
    expect(lang.body.code).toBe('veld-te-lang');
    for (const datum of ['2025-02-30', '2999-12-31']) {
      const res = await upload(t, '003_867673a10de57136.txt', { datum }).expect(400);
      expect(res.body.fouten[0].veld).toBe('datum');
    }
    expect(t.eventCount()).toBe(voor);

    // Reading a large document happens on a worker: the server answers meanwhile. Judged against the
    // read's own duration, not a fixed time (the machine may be busy): read on the server's thread,
    // the slowest answer would take about as long as the whole read.
    const groot = Buffer.concat(Array.from({ length: 12 }, () => annex));
    const begin = Date.now();
    const bezig = upload(t, 'x\u202Egpj.exe\t.txt', { datum: '2025-06-30' }, groot).then((r) => r);
    let traagste = 0;
    let beantwoord = 0;
    let klaar = false;
    void bezig.then(() => (klaar = true), () => (klaar = true));
    while (!klaar) {
      const start = Date.now();
      await t.as('anoniem').get('/health');
      traagste = Math.max(traagste, Date.now() - start);
      beantwoord++;
      await new Promise((r) => setTimeout(r, 20));
    }
    const res = await bezig;
    const duur = Date.now() - begin;
    expect([res.status, res.body.detail]).toEqual([201, undefined]);
    process.stdout.write(`Lezen van ${(groot.length / 1e6).toFixed(1)} MB: ${duur} ms; /health intussen ${beantwoord} keer beantwoord, traagste ${traagste} ms\n`);
    expect(beantwoord).toBeGreaterThanOrEqual(3);
    expect(traagste).toBeLessThan(duur / 3);
    const lijst = (await t.http.get(`/api/importen?minimalePositie=${res.body.positie}`).expect(200)).body.importen;
    expect(lijst[0].bestandsnaam).toBe('xgpj.exe.txt');
  });

  it('refuses bad input with a clear Dutch error and appends nothing', async () => {
    t = await startTestApp();
    const voor = t.eventCount();
    const leeg = await upload(t, 'leeg.txt', {}, Buffer.alloc(0)).expect(400);
    expect(leeg.body).toMatchObject({ code: 'leeg-bestand' });
    const binair = await upload(t, 'ruis.bin', { datum: '2025-01-01' }, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))).expect(400);
    expect(binair.body.detail).toMatch(/[a-z]/);
    const zonderVeld = await t.http.post('/api/importen').field('ministerie', 'JenV').attach('bestand', readFileSync(join(FIXTURES, '000_a667fa4859d422a8.txt')), 'a.txt').expect(400);
    expect(zonderVeld.body.fouten).toEqual(expect.arrayContaining([expect.objectContaining({ veld: 'bewindspersoon' })]));
    await t.http.post('/api/importen').field('bewindspersoon', 'x').field('ministerie', 'y').expect(400);
    const slechteKolommen = await upload(t, '000_a667fa4859d422a8.txt', { kolommen: '{nee' }).expect(400);
    expect(slechteKolommen.body.fouten[0].veld).toBe('kolommen');
    const groot = await upload(t, 'groot.txt', {}, Buffer.alloc(200 * 1024 * 1024, 'a')).expect(413);
    expect(groot.body.detail).toMatch(/20 MB|te groot/i);
    await t.as('liaison').post('/api/importen').field('bewindspersoon', 'x').field('ministerie', 'y').attach('bestand', Buffer.from('tekst'), 'a.txt').expect(403);
    expect(t.eventCount()).toBe(voor);
    await t.http.get('/api/importen').expect(200);
  });
});
