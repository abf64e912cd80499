import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApp, motie, startTestApp, toezegging } from './support/app';
import { json, maakToken, startServer } from './support/processes';
import { createPostgresDatabase } from './support/read-model-databases';

jest.setTimeout(240_000);

/*
 * Bulk changes over HTTP: after a cabinet change every open item of a departing minister goes to the
 * successor in one request, as one DraagOver item command per item, and a selection gets a new
 * termijn the same way. Idempotent as a whole: twice, at the same moment, and after a SIGKILL in the
 * middle, each item is changed exactly once and every request answers the same result.
 */

const afdoening = { datum: '2025-06-20', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2024/25, 29628, nr. 1260' }, toelichting: 'Afgedaan.' };
const OPVOLGER = { bewindspersoon: 'minister van Asiel en Migratie', ministerie: 'AenM' };

let volgnummer = 0;

describe('bulk changes over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  /** A departing minister with four open items (one deels afgedaan), one afgedaan and one vervallen; and an item of someone else. */
  const vertrekker = async () => {
    const van = `minister van Vertrek ${++volgnummer}`;
    const registreer = async (soort: 'motie' | 'toezegging', bewindspersoon = van) => {
      const n = 6000 + ++volgnummer;
      const body = soort === 'motie' ? motie({ nummer: `29628-${n}`, titel: `Motie ${n}`, bewindspersoon }) : toezegging({ nummer: `TZ202501-${n}`, titel: `Toezegging ${n}`, bewindspersoon });
      return (await t.http.post(soort === 'motie' ? '/api/moties' : '/api/toezeggingen').send(body).expect(201)).body as { itemId: string; nummer: string; positie: string };
    };
    const open = [await registreer('motie'), await registreer('motie'), await registreer('toezegging'), await registreer('toezegging')];
    await t.http.post(`/api/items/${open[1].itemId}/deelafdoening`).send({ datum: '2025-06-20', deel: 'een deel', bewijs: afdoening.wijze }).expect(200);
    const afgedaan = await registreer('motie');
    await t.http.post(`/api/items/${afgedaan.itemId}/afdoening`).send(afdoening).expect(200);
    const vervallen = await registreer('toezegging');
    await t.http.post(`/api/items/${vervallen.itemId}/verval`).send({ datum: '2025-06-20', reden: 'Ingetrokken' }).expect(200);
    const ander = await registreer('motie', `staatssecretaris ${volgnummer}`);
    return { van, open, afgedaan, vervallen, ander };
  };

  const overdracht = (van: string, extra: Record<string, unknown> = {}) => ({ van, naar: OPVOLGER, datum: '2025-07-02', reden: 'Kabinetswisseling: nieuwe portefeuilleverdeling', ...extra });
  const events = (type: string) => t.storedEvents().filter((e) => e.type.endsWith(type));
  const overgedragen = (itemId: string) => events('Overgedragen').filter((e) => e.data.itemId === itemId);

  it('moves every open item of one minister to the successor and leaves the closed ones and other ministers alone; the preview appends nothing', async () => {
    const { van, open, afgedaan, vervallen, ander } = await vertrekker();

    const voor = t.eventCount();
    const voorbeeld = (await t.http.post('/api/overdrachten/voorbeeld').send(overdracht(van)).expect(200)).body;
    expect(t.eventCount()).toBe(voor);
    expect(voorbeeld.eerder).toBeNull();
    expect(voorbeeld.items.map((i: { itemId: string }) => i.itemId).sort()).toEqual(open.map((o) => o.itemId).sort());
    expect(voorbeeld.items[0]).toMatchObject({ huidig: `${van} (JenV)` });
    expect(voorbeeld.overgeslagen.map((i: { itemId: string; code: string }) => [i.itemId, i.code]).sort()).toEqual(
      [
        [afgedaan.itemId, 'item-al-afgedaan'],
        [vervallen.itemId, 'item-vervallen'],
      ].sort(),
    );
    expect(voorbeeld.aantalOvergeslagen).toBe(2);

    const res = await t.http.post('/api/overdrachten').send(overdracht(van)).expect(200);
    const r = res.body;
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(r).toMatchObject({ id: voorbeeld.id, soort: 'overdracht', status: 'afgerond', beslotenDoor: 'test-griffier', telling: { uitgevoerd: 4, alGedaan: 0, geweigerd: 0 }, aantalOvergeslagen: 2 });
    expect(r.items.every((i: { uitkomst: string; revisie: number | null }) => i.uitkomst === 'uitgevoerd' && i.revisie !== null)).toBe(true);

    // The register shows them with the successor; the closed ones and the other minister's item stay.
    const bijOpvolger = (await t.http.get(`/api/items?bewindspersoon=${encodeURIComponent(OPVOLGER.bewindspersoon)}&perPagina=100&minimalePositie=${r.positie}`).expect(200)).body;
    expect(bijOpvolger.items.map((i: { itemId: string }) => i.itemId).sort()).toEqual(expect.arrayContaining(open.map((o) => o.itemId)));
    for (const o of open) expect((await t.http.get(`/api/items/${o.itemId}`).expect(200)).body).toMatchObject({ bewindspersoon: OPVOLGER.bewindspersoon, ministerie: 'AenM' });
    for (const blijft of [afgedaan, vervallen]) expect((await t.http.get(`/api/items/${blijft.itemId}`).expect(200)).body).toMatchObject({ bewindspersoon: van, ministerie: 'JenV' });
    expect((await t.http.get(`/api/items/${ander.itemId}`).expect(200)).body.bewindspersoon).not.toBe(OPVOLGER.bewindspersoon);

    // Each item's history shows the transfer as a clerk's own: the reason, the actor, and where it came from.
    const historie = (await t.http.get(`/api/items/${open[0].itemId}/historie`).expect(200)).body;
    const regel = historie.events.find((h: { event: string }) => h.event.endsWith('Overgedragen'));
    expect(regel).toMatchObject({ door: 'test-griffier', samenvatting: `Overgedragen aan ${OPVOLGER.bewindspersoon} (AenM): Kabinetswisseling: nieuwe portefeuilleverdeling` });
    expect(regel.bron).toContain(`bulkwijziging ${r.id}`);
    const stored = overgedragen(open[0].itemId);
    expect(stored).toHaveLength(1);
    expect(stored[0].data).toMatchObject({ van: { bewindspersoon: van, ministerie: 'JenV' }, naar: OPVOLGER, datum: '2025-07-02' });

    // The decision was recorded before any item command, and the outcome after the last one.
    const log = t.storedEvents();
    const eigen = log.filter((e) => e.stream === `bulkwijziging-${r.id}`);
    expect(eigen.map((e) => e.type)).toEqual(['BulkwijzigingBesloten', 'BulkwijzigingAfgerond']);
    const itemPlaatsen = open.map((o) => log.findIndex((e) => e.type.endsWith('Overgedragen') && e.data.itemId === o.itemId));
    expect(Math.min(...itemPlaatsen)).toBeGreaterThan(log.indexOf(eigen[0]));
    expect(Math.max(...itemPlaatsen)).toBeLessThan(log.indexOf(eigen[1]));
    expect(eigen[0].data.items).toHaveLength(4);

    expect((await t.http.get(`/api/overdrachten/${r.id}`).expect(200)).body).toEqual(r);
    await t.http.get(`/api/termijnwijzigingen/${r.id}`).expect(404);
  });

  it('answers the same request twice with the same result and transfers each item once, with and without an Idempotency-Key', async () => {
    for (const sleutel of [undefined, `overdracht-${++volgnummer}`]) {
      const { van, open } = await vertrekker();
      const verstuur = () => (sleutel ? t.http.post('/api/overdrachten').set('Idempotency-Key', sleutel) : t.http.post('/api/overdrachten')).send(overdracht(van));
      const eerste = (await verstuur().expect(200)).body;
      const voor = t.eventCount();
      const tweede = await verstuur().expect(200);
      expect(tweede.body).toEqual(eerste);
      expect(tweede.headers['idempotent-replayed']).toBe('true');
      expect(t.eventCount()).toBe(voor);
      for (const o of open) expect(overgedragen(o.itemId)).toHaveLength(1);
      // The preview of a request already carried out says so and what it covered.
      const voorbeeld = (await (sleutel ? t.http.post('/api/overdrachten/voorbeeld').set('Idempotency-Key', sleutel) : t.http.post('/api/overdrachten/voorbeeld')).send(overdracht(van)).expect(200)).body;
      expect(voorbeeld).toMatchObject({ id: eerste.id, eerder: { status: 'afgerond', beslotenDoor: 'test-griffier' } });
      expect(voorbeeld.items).toHaveLength(4);
    }
  });

  it('refuses an Idempotency-Key used before for another request, and a malformed one, appending nothing', async () => {
    const { van } = await vertrekker();
    const sleutel = `hergebruik-${++volgnummer}`;
    await t.http.post('/api/overdrachten').set('Idempotency-Key', sleutel).send(overdracht(van)).expect(200);
    const voor = t.eventCount();
    const anders = await t.http.post('/api/overdrachten').set('Idempotency-Key', sleutel).send(overdracht(van, { reden: 'Iets anders' })).expect(422);
    expect(anders.body.code).toBe('idempotency-key-hergebruikt');
    const slecht = await t.http.post('/api/overdrachten').set('Idempotency-Key', 'met spatie').send(overdracht(van)).expect(400);
    expect(slecht.body.fouten).toEqual([{ veld: 'Idempotency-Key', melding: 'moet 1 tot 200 zichtbare ASCII-tekens zijn' }]);
    expect(t.eventCount()).toBe(voor);
  });

  it('transfers each item once when the same request arrives twice at the same moment, and answers both alike', async () => {
    for (const sleutel of [undefined, `tegelijk-${++volgnummer}`]) {
      const { van, open } = await vertrekker();
      const verstuur = () => (sleutel ? t.http.post('/api/overdrachten').set('Idempotency-Key', sleutel) : t.http.post('/api/overdrachten')).send(overdracht(van));
      const antwoorden = await Promise.all([verstuur(), verstuur(), verstuur()]);
      expect(antwoorden.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(antwoorden[1].body).toEqual(antwoorden[0].body);
      expect(antwoorden[2].body).toEqual(antwoorden[0].body);
      expect(antwoorden[0].body.telling.uitgevoerd).toBe(4);
      for (const o of open) expect(overgedragen(o.itemId)).toHaveLength(1);
      const eigen = t.storedEvents().filter((e) => e.stream === `bulkwijziging-${antwoorden[0].body.id}`);
      expect(eigen.map((e) => e.type)).toEqual(['BulkwijzigingBesloten', 'BulkwijzigingAfgerond']);
    }
  });

  it('transfers only a selection, each of which must be open and the departing minister’s', async () => {
    const { van, open, afgedaan, ander } = await vertrekker();
    const voor = t.eventCount();
    const gesloten = await t.http.post('/api/overdrachten').send(overdracht(van, { itemIds: [open[0].itemId, afgedaan.itemId, ander.itemId] })).expect(422);
    expect(gesloten.body.code).toBe('selectie-ongeldig');
    expect(gesloten.body.detail).toContain(`${afgedaan.nummer} is al afgedaan op 2025-06-20`);
    expect(gesloten.body.detail).toContain(`De motie ${ander.nummer} ligt bij staatssecretaris`);
    await t.http.post('/api/overdrachten/voorbeeld').send(overdracht(van, { itemIds: [afgedaan.itemId] })).expect(422);
    const onbekend = await t.http.post('/api/overdrachten').send(overdracht(van, { itemIds: ['00000000-0000-4000-8000-000000000000'] })).expect(422);
    expect(onbekend.body.detail).toContain('Er staat geen motie of toezegging 00000000-0000-4000-8000-000000000000 in het register');
    expect(t.eventCount()).toBe(voor);

    // Upper case ids are the same items; the others stay with the departing minister.
    const r = (await t.http.post('/api/overdrachten').send(overdracht(van, { itemIds: [open[2].itemId.toUpperCase(), open[0].itemId] })).expect(200)).body;
    expect(r.items.map((i: { itemId: string }) => i.itemId)).toEqual([open[2].itemId, open[0].itemId]);
    expect(r.telling.uitgevoerd).toBe(2);
    expect(overgedragen(open[1].itemId)).toHaveLength(0);
    expect(overgedragen(open[3].itemId)).toHaveLength(0);
    // Already with the successor: a selection of only those has nothing to do.
    const niets = await t.http.post('/api/overdrachten').send(overdracht(van, { itemIds: [open[0].itemId], reden: 'nogmaals' })).expect(422);
    expect(niets.body.code).toBe('selectie-ongeldig');
  });

  it('refuses bad input with a Dutch message and appends nothing', async () => {
    const { van, open } = await vertrekker();
    const voor = t.eventCount();
    const onbekend = await t.http.post('/api/overdrachten').send(overdracht('minister van Nergens')).expect(422);
    expect(onbekend.body).toMatchObject({ code: 'bewindspersoon-onbekend' });
    expect(onbekend.body.detail).toContain('Er staat geen enkel item op naam van "minister van Nergens" in het register: er is niets over te dragen.');
    expect((await t.http.post('/api/overdrachten/voorbeeld').send(overdracht('minister van Nergens')).expect(422)).body.code).toBe('bewindspersoon-onbekend');

    const leeg = await t.http.post('/api/overdrachten').send(overdracht(van, { itemIds: [] })).expect(400);
    expect(leeg.body.fouten).toEqual([{ veld: 'itemIds', melding: 'moet ten minste één item bevatten; laat het veld weg om alle open items te nemen' }]);
    const gevallen: [Record<string, unknown>, string][] = [
      [{ van, naar: OPVOLGER, reden: 'x' }, 'datum'],
      [overdracht(van, { naar: { bewindspersoon: 'minister' } }), 'naar.ministerie'],
      [overdracht(van, { datum: '2025-02-30' }), 'datum'],
      [overdracht(van, { reden: '' }), 'reden'],
      [overdracht(van, { itemIds: ['geen-uuid'] }), 'itemIds'],
      [overdracht(van, { itemIds: [open[0].itemId, open[0].itemId] }), 'itemIds'],
      [overdracht(van, { onbekend: 1 }), 'onbekend'],
      [overdracht(''), 'van'],
    ];
    for (const [body, veld] of gevallen) {
      const res = await t.http.post('/api/overdrachten').send(body).expect(400);
      expect(res.body.fouten.map((f: { veld: string }) => f.veld)).toContain(veld);
    }
    // A reason of spaces only: the item's own rule, said as a field error before anything runs.
    expect((await t.http.post('/api/overdrachten').send(overdracht(van, { reden: '   ' })).expect(400)).body.fouten[0].veld).toBe('reden');
    expect(t.eventCount()).toBe(voor);
    await t.http.get('/api/overdrachten/geen-uuid').expect(400);
    await t.http.get('/api/overdrachten/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('leaves an item whose registration lies after the transfer date with its minister, saying why, and transfers the others', async () => {
    const { van, open } = await vertrekker();
    // The moties were registered on 2025-05-28, the toezeggingen on 2024-12-19.
    const r = (await t.http.post('/api/overdrachten').send(overdracht(van, { datum: '2025-01-01' })).expect(200)).body;
    expect(r.items.map((i: { itemId: string }) => i.itemId).sort()).toEqual([open[2].itemId, open[3].itemId].sort());
    expect(r.overgeslagen.filter((o: { code: string }) => o.code === 'datum-voor-registratie').map((o: { itemId: string }) => o.itemId).sort()).toEqual([open[0].itemId, open[1].itemId].sort());
    expect(r.overgeslagen[0].melding).toMatch(/^De datum 2025-01-01 ligt vóór de datum van het item zelf/);
    expect(overgedragen(open[0].itemId)).toHaveLength(0);
  });

  it('gives a selection a new termijn through the single-item command, with a preview and a result', async () => {
    const { open, afgedaan } = await vertrekker();
    const termijn = { omschrijving: 'voor het zomerreces', datum: '2025-07-04' };
    const body = { itemIds: open.map((o) => o.itemId), termijn, datum: '2025-06-25', reden: 'Het onderzoek loopt uit' };
    // One of them has this termijn already: it stays, with the reason.
    await t.http.post(`/api/items/${open[3].itemId}/termijn`).send({ datum: '2025-06-01', termijn, reden: 'Eerder al' }).expect(200);

    const voor = t.eventCount();
    const voorbeeld = (await t.http.post('/api/termijnwijzigingen/voorbeeld').send(body).expect(200)).body;
    expect(t.eventCount()).toBe(voor);
    expect(voorbeeld.items.map((i: { itemId: string }) => i.itemId)).toEqual(open.slice(0, 3).map((o) => o.itemId));
    expect(voorbeeld.overgeslagen).toEqual([expect.objectContaining({ itemId: open[3].itemId, code: 'geen-wijziging', huidig: 'voor het zomerreces (2025-07-04)' })]);

    const r = (await t.http.post('/api/termijnwijzigingen').send(body).expect(200)).body;
    expect(r).toMatchObject({ soort: 'termijnwijziging', status: 'afgerond', telling: { uitgevoerd: 3, alGedaan: 0, geweigerd: 0 } });
    for (const o of open) expect((await t.http.get(`/api/items/${o.itemId}?minimalePositie=${r.positie}`).expect(200)).body.termijn).toEqual(termijn);
    const gewijzigd = events('TermijnGewijzigd').filter((e) => e.data.itemId === open[0].itemId);
    expect(gewijzigd).toHaveLength(1);
    expect(gewijzigd[0].data).toMatchObject({ reden: 'Het onderzoek loopt uit', datum: '2025-06-25' });
    expect((await t.http.post('/api/termijnwijzigingen').send(body).expect(200)).body).toEqual(r);
    expect((await t.http.get(`/api/termijnwijzigingen/${r.id}`).expect(200)).body).toEqual(r);

    const na = t.eventCount();
    expect((await t.http.post('/api/termijnwijzigingen').send({ ...body, itemIds: [afgedaan.itemId] }).expect(422)).body.code).toBe('selectie-ongeldig');
    expect((await t.http.post('/api/termijnwijzigingen').send({ ...body, itemIds: [] }).expect(400)).body.fouten[0]).toEqual({ veld: 'itemIds', melding: 'moet ten minste één item bevatten' });
    expect((await t.http.post('/api/termijnwijzigingen').send({ termijn, datum: '2025-06-25', reden: 'x' }).expect(400)).body.fouten[0].veld).toBe('itemIds');
    expect((await t.http.post('/api/termijnwijzigingen').send({ ...body, reden: 'Weer iets', itemIds: [open[3].itemId] }).expect(422)).body.code).toBe('niets-te-wijzigen');
    expect(t.eventCount()).toBe(na);

    // Twice at the same moment, with a key: one termijn change per item, one answer.
    const sleutel = `termijn-${++volgnummer}`;
    const nieuw = { ...body, termijn: { omschrijving: 'na de zomer', datum: '2025-09-30' }, itemIds: open.map((o) => o.itemId) };
    const tegelijk = await Promise.all([1, 2].map(() => t.http.post('/api/termijnwijzigingen').set('Idempotency-Key', sleutel).send(nieuw)));
    expect(tegelijk.map((a) => a.status)).toEqual([200, 200]);
    expect(tegelijk[1].body).toEqual(tegelijk[0].body);
    expect(tegelijk[0].body.telling.uitgevoerd).toBe(4);
    for (const o of open) expect(events('TermijnGewijzigd').filter((e) => e.data.itemId === o.itemId && (e.data.nieuw as { omschrijving: string }).omschrijving === 'na de zomer')).toHaveLength(1);
  });
});

/** Rows of the event log of a data directory, straight from the SQLite file. */
function logVan(dataDir: string): { stream: string; type: string; data: string; metadata: string }[] {
  try {
    const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT stream, type, data, metadata FROM events ORDER BY position').all() as { stream: string; type: string; data: string; metadata: string }[];
    } finally {
      db.close();
    }
  } catch {
    return [];
  }
}

/**
 * The server is SIGKILLed in the middle of an overdracht, again and again, and the same request is
 * sent again after each restart: in the end every item is transferred exactly once, the decision
 * and the outcome are each in the log once, and the answer is the one a GET gives.
 */
describe('an overdracht killed halfway', () => {
  const AANTAL = 150;
  let dataDir: string;
  let pg: { url: string; drop: () => Promise<void> } | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'register-overdracht-crash-'));
    // In the PostgreSQL tier the server's read models (and so its candidate list) are in PostgreSQL too.
    if (process.env.E2E_LEESMODELLEN === 'postgres') pg = await createPostgresDatabase();
  });

  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await pg?.drop();
  });

  it('transfers every item exactly once after repeats', async () => {
    const env: Record<string, string> = pg ? { DATABASE_URL: pg.url } : {};
    const token = await maakToken(dataDir, 'griffier.overdracht', 'griffier');
    const van = 'minister van Justitie en Veiligheid';
    let server = await startServer(dataDir, env);
    const itemIds: string[] = [];
    try {
      const registreer = async (i: number) => {
        const res = await json(`${server.url}/api/moties`, { method: 'POST', token, body: JSON.stringify(motie({ nummer: `29628-${20_000 + i}`, titel: `Motie ${i}` })) });
        expect(res.status).toBe(201);
        itemIds.push(res.body.itemId);
      };
      for (let i = 0; i < AANTAL; i += 10) await Promise.all(Array.from({ length: 10 }, (_, j) => registreer(i + j)));
    } finally {
      await server.stop();
    }

    const body = JSON.stringify({ van, naar: OPVOLGER, datum: '2025-07-02', reden: 'Kabinetswisseling' });
    const headers = { 'Idempotency-Key': 'kabinetswisseling-2025' };
    const overgedragen = () => logVan(dataDir).filter((r) => r.type === 'MotieOvergedragen').length;
    let gedood = 0;
    let halverwege = 0;
    for (let ronde = 0; ronde < 6; ronde++) {
      server = await startServer(dataDir, env);
      const voor = overgedragen();
      const verzoek = json(`${server.url}/api/overdrachten`, { method: 'POST', token, body, headers }).catch(() => null);
      // Killed once a few more items went over: always in the middle of the run.
      const grens = voor + 10 + ronde * 5;
      await new Promise<void>((resolve) => {
        const bewaker = setInterval(() => {
          if (overgedragen() >= grens || server.process.exitCode !== null) {
            clearInterval(bewaker);
            resolve();
          }
        }, 2);
        void verzoek.then(() => {
          clearInterval(bewaker);
          resolve();
        });
      });
      if (overgedragen() < AANTAL) {
        await server.stop('SIGKILL');
        gedood++;
        const na = overgedragen();
        if (na > 0 && na < AANTAL) halverwege++;
      } else {
        await server.stop();
        break;
      }
      await verzoek;
    }
    process.stdout.write(`Overdracht van ${AANTAL} items: ${gedood} keer met SIGKILL gestopt (${halverwege} keer halverwege), daarna opnieuw verstuurd.\n`);
    expect(gedood).toBeGreaterThanOrEqual(2);
    expect(halverwege).toBeGreaterThanOrEqual(2);

    server = await startServer(dataDir, env);
    try {
      const laatste = await json(`${server.url}/api/overdrachten`, { method: 'POST', token, body, headers });
      expect(laatste.status).toBe(200);
      expect(laatste.body).toMatchObject({ status: 'afgerond', telling: { uitgevoerd: AANTAL, alGedaan: 0, geweigerd: 0 } });
      const nogEens = await json(`${server.url}/api/overdrachten`, { method: 'POST', token, body, headers });
      expect(nogEens.body).toEqual(laatste.body);
      expect((await json(`${server.url}/api/overdrachten/${laatste.body.id}`, { token })).body).toEqual(laatste.body);
      const register = await json(`${server.url}/api/items?bewindspersoon=${encodeURIComponent(OPVOLGER.bewindspersoon)}&perPagina=200&minimalePositie=${laatste.body.positie}`, { token });
      expect(register.body.totaal).toBe(AANTAL);
    } finally {
      await server.stop();
    }

    const log = logVan(dataDir);
    const perItem = new Map<string, number>();
    for (const r of log.filter((x) => x.type === 'MotieOvergedragen')) {
      const id = JSON.parse(r.data).itemId as string;
      perItem.set(id, (perItem.get(id) ?? 0) + 1);
    }
    expect([...perItem.keys()].sort()).toEqual([...itemIds].sort());
    expect([...perItem.values()].every((n) => n === 1)).toBe(true);
    expect(log.filter((r) => r.type === 'BulkwijzigingBesloten')).toHaveLength(1);
    expect(log.filter((r) => r.type === 'BulkwijzigingAfgerond')).toHaveLength(1);
  });
});
