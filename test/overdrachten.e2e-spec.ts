import { CommandBus } from '@nestjs/cqrs';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WijzigItemCommand } from '../libs/application/src/items/item.commands';
import { TestApp, motie, startTestApp, toezegging } from './support/app';
import { json, maakToken, startServer } from './support/processes';
import { createPostgresDatabase } from './support/read-model-databases';

jest.setTimeout(240_000);

/*
 * Bulk changes over HTTP: after a cabinet change every open item of a departing minister goes to the
 * successor in one request, as one DraagOver item command per item, and a selection gets a new
 * termijn the same way. Carrying one out needs an Idempotency-Key, and it is idempotent as a whole
 * by that key: twice, at the same moment, and after a SIGKILL in the middle, each item is changed
 * exactly once and every request answers the same result.
 */

const afdoening = { datum: '2025-06-20', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2024/25, 29628, nr. 1260' }, toelichting: 'Afgedaan.' };
const OPVOLGER = { bewindspersoon: 'minister van Asiel en Migratie', ministerie: 'AenM' };

let volgnummer = 0;
const nieuweSleutel = () => `bulk-${++volgnummer}`;

describe('bulk changes over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  /** A POST with an Idempotency-Key (a new one unless given). */
  const post = (pad: string, body: object, sleutel: string = nieuweSleutel()) => t.http.post(pad).set('Idempotency-Key', sleutel).send(body);

  const registreer = async (soort: 'motie' | 'toezegging', bewindspersoon: string, extra: Record<string, unknown> = {}) => {
    const n = 6000 + ++volgnummer;
    const body = soort === 'motie' ? motie({ nummer: `29628-${n}`, titel: `Motie ${n}`, bewindspersoon, ...extra }) : toezegging({ nummer: `TZ202501-${n}`, titel: `Toezegging ${n}`, bewindspersoon, ...extra });
    return (await t.http.post(soort === 'motie' ? '/api/moties' : '/api/toezeggingen').send(body).expect(201)).body as { itemId: string; nummer: string; positie: string };
  };

  /** A departing minister with four open items (one deels afgedaan), one afgedaan and one vervallen; and an item of someone else. */
  const vertrekker = async () => {
    const van = `minister van Vertrek ${++volgnummer}`;
    const open = [await registreer('motie', van), await registreer('motie', van), await registreer('toezegging', van), await registreer('toezegging', van)];
    await t.http.post(`/api/items/${open[1].itemId}/deelafdoening`).send({ datum: '2025-06-20', deel: 'een deel', bewijs: afdoening.wijze }).expect(200);
    const afgedaan = await registreer('motie', van);
    await t.http.post(`/api/items/${afgedaan.itemId}/afdoening`).send(afdoening).expect(200);
    const vervallen = await registreer('toezegging', van);
    await t.http.post(`/api/items/${vervallen.itemId}/verval`).send({ datum: '2025-06-20', reden: 'Ingetrokken' }).expect(200);
    const ander = await registreer('motie', `staatssecretaris ${volgnummer}`);
    return { van, open, afgedaan, vervallen, ander };
  };

  const overdracht = (van: string, extra: Record<string, unknown> = {}) => ({ van, naar: OPVOLGER, datum: '2025-07-02', reden: 'Kabinetswisseling: nieuwe portefeuilleverdeling', ...extra });
  const events = (type: string) => t.storedEvents().filter((e) => e.type.endsWith(type));
  const overgedragen = (itemId: string) => events('Overgedragen').filter((e) => e.data.itemId === itemId);

  it('moves every open item of one minister to the successor and leaves the closed ones and other ministers alone; the preview appends nothing', async () => {
    const { van, open, afgedaan, vervallen, ander } = await vertrekker();
    const sleutel = nieuweSleutel();

    const voor = t.eventCount();
    const voorbeeld = (await post('/api/overdrachten/voorbeeld', overdracht(van), sleutel).expect(200)).body;
    expect(t.eventCount()).toBe(voor);
    expect(voorbeeld.eerder).toBeNull();
    expect(voorbeeld.items.map((i: { itemId: string }) => i.itemId).sort()).toEqual(open.map((o) => o.itemId).sort());
    expect(voorbeeld.items[0]).toMatchObject({ huidig: `${van} (JenV)` });
    // Closed items are no candidates at all: they are neither transferred nor listed.
    expect(voorbeeld.overgeslagen).toEqual([]);
    expect(voorbeeld.aantalOvergeslagen).toBe(0);

    const res = await post('/api/overdrachten', overdracht(van), sleutel).expect(200);
    const r = res.body;
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(r).toMatchObject({ id: voorbeeld.id, soort: 'overdracht', status: 'afgerond', beslotenDoor: 'test-griffier', telling: { uitgevoerd: 4, alGedaan: 0, geweigerd: 0 }, aantalOvergeslagen: 0 });
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
    // Auditors read every bulk change; a liaison does not.
    expect((await t.as('auditor').get(`/api/overdrachten/${r.id}`).expect(200)).body).toEqual(r);
    await t.as('liaison').get(`/api/overdrachten/${r.id}`).expect(403);
    await t.as('auditor').post('/api/overdrachten').set('Idempotency-Key', nieuweSleutel()).send(overdracht(van)).expect(403);
  });

  it('takes every spelling the register has of the departing minister, up to case, accents and spaces, and refuses a name it does not have', async () => {
    const van = `minister van Justitie en Veiligheid ${++volgnummer}`;
    const spellingen = [van, `Minister van justitie  en veiligheid ${volgnummer}`, `minister van Justítie en Veiligheid ${volgnummer}`, ` minister van Justitie en Veiligheid ${volgnummer} `.replace(/ /g, '\u00a0')];
    const items = [];
    for (const s of spellingen) items.push(await registreer('motie', s));
    const ander = await registreer('motie', `${van} en Migratie`);

    const r = (await post('/api/overdrachten', overdracht(`  ${van.toUpperCase()} `)).expect(200)).body;
    expect(r.items.map((i: { itemId: string }) => i.itemId).sort()).toEqual(items.map((i) => i.itemId).sort());
    expect(r.telling).toEqual({ uitgevoerd: spellingen.length, alGedaan: 0, geweigerd: 0 });
    // A name that merely contains it is someone else.
    expect(overgedragen(ander.itemId)).toHaveLength(0);

    // Only a name the register has: part of one (one letter that occurs in every name) is not.
    const voor = t.eventCount();
    for (const pad of ['/api/overdrachten', '/api/overdrachten/voorbeeld']) {
      for (const naam of ['e', 'minister', `minister van Justitie ${volgnummer}`]) {
        const res = await post(pad, overdracht(naam)).expect(422);
        expect(res.body).toMatchObject({ code: 'bewindspersoon-onbekend' });
      }
    }
    expect(t.eventCount()).toBe(voor);
  });

  it('answers the same request with the same key twice with the same result and transfers each item once', async () => {
    const { van, open } = await vertrekker();
    const sleutel = nieuweSleutel();
    const eerste = (await post('/api/overdrachten', overdracht(van), sleutel).expect(200)).body;
    const voor = t.eventCount();
    const tweede = await post('/api/overdrachten', overdracht(van), sleutel).expect(200);
    expect(tweede.body).toEqual(eerste);
    expect(tweede.headers['idempotent-replayed']).toBe('true');
    expect(t.eventCount()).toBe(voor);
    for (const o of open) expect(overgedragen(o.itemId)).toHaveLength(1);
    // The preview of a request already carried out says so and what it covered.
    const voorbeeld = (await post('/api/overdrachten/voorbeeld', overdracht(van), sleutel).expect(200)).body;
    expect(voorbeeld).toMatchObject({ id: eerste.id, eerder: { status: 'afgerond', beslotenDoor: 'test-griffier' } });
    expect(voorbeeld.items).toHaveLength(4);
  });

  it('carries nothing out without an Idempotency-Key (428); the same content later with a new key is a new bulk change', async () => {
    const { van, open } = await vertrekker();
    const voor = t.eventCount();
    for (const [pad, body] of [
      ['/api/overdrachten', overdracht(van)],
      ['/api/termijnwijzigingen', { itemIds: [open[0].itemId], termijn: { omschrijving: 'na de zomer', datum: '2025-09-30' }, datum: '2025-06-25', reden: 'Uitstel' }],
    ] as const) {
      const res = await t.http.post(pad).send(body).expect(428);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 428, code: 'idempotency-key-vereist', title: 'Voorwaarde ontbreekt' });
      expect(res.body.detail).toMatch(/^Stuur een Idempotency-Key mee: /);
    }
    expect(t.eventCount()).toBe(voor);
    // The API documentation says so.
    const doc = (await t.as('anoniem').get('/api/docs-json').expect(200)).body;
    for (const pad of ['/api/overdrachten', '/api/termijnwijzigingen']) {
      expect(doc.paths[pad].post.responses['428'].description).toContain('idempotency-key-vereist');
      expect(doc.paths[pad].post.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }));
      expect(doc.paths[`${pad}/voorbeeld`].post.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', required: false }));
    }

    // A preview may go without: it says what would happen, and belongs to no bulk change.
    const voorbeeld = (await t.http.post('/api/overdrachten/voorbeeld').send(overdracht(van)).expect(200)).body;
    expect(voorbeeld).toMatchObject({ id: null, eerder: null });
    expect(voorbeeld.items).toHaveLength(4);
    expect(t.eventCount()).toBe(voor);

    // The same content once more, later and with another key, is what it says: a new transfer of
    // what is open now (an item registered since), not a replay of the first that changes nothing.
    const eerste = (await post('/api/overdrachten', overdracht(van)).expect(200)).body;
    expect(eerste.telling.uitgevoerd).toBe(4);
    const later = await registreer('motie', van);
    const tweede = (await post('/api/overdrachten', overdracht(van)).expect(200)).body;
    expect(tweede.id).not.toBe(eerste.id);
    expect(tweede.items.map((i: { itemId: string }) => i.itemId)).toEqual([later.itemId]);
    expect(tweede.telling.uitgevoerd).toBe(1);
    for (const o of open) expect(overgedragen(o.itemId)).toHaveLength(1);
  });

  it('refuses an Idempotency-Key used before for another request, and a malformed one, appending nothing', async () => {
    const { van } = await vertrekker();
    const sleutel = nieuweSleutel();
    await post('/api/overdrachten', overdracht(van), sleutel).expect(200);
    const voor = t.eventCount();
    const anders = await post('/api/overdrachten', overdracht(van, { reden: 'Iets anders' }), sleutel).expect(422);
    expect(anders.body.code).toBe('idempotency-key-hergebruikt');
    for (const pad of ['/api/overdrachten', '/api/overdrachten/voorbeeld']) {
      const slecht = await post(pad, overdracht(van), 'met spatie').expect(400);
      expect(slecht.body.fouten).toEqual([{ veld: 'Idempotency-Key', melding: 'moet 1 tot 200 zichtbare ASCII-tekens zijn' }]);
    }
    expect(t.eventCount()).toBe(voor);
  });

  it('transfers each item once when the same request arrives twice at the same moment, and answers both alike', async () => {
    const { van, open } = await vertrekker();
    const sleutel = nieuweSleutel();
    const antwoorden = await Promise.all([1, 2, 3].map(() => post('/api/overdrachten', overdracht(van), sleutel)));
    expect(antwoorden.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(antwoorden[1].body).toEqual(antwoorden[0].body);
    expect(antwoorden[2].body).toEqual(antwoorden[0].body);
    expect(antwoorden[0].body.telling.uitgevoerd).toBe(4);
    for (const o of open) expect(overgedragen(o.itemId)).toHaveLength(1);
    const eigen = t.storedEvents().filter((e) => e.stream === `bulkwijziging-${antwoorden[0].body.id}`);
    expect(eigen.map((e) => e.type)).toEqual(['BulkwijzigingBesloten', 'BulkwijzigingAfgerond']);
  });

  it('transfers only a selection, each of which must be open and the departing minister’s; a refusal lists every item that cannot', async () => {
    const { van, open, afgedaan, ander } = await vertrekker();
    const voor = t.eventCount();
    const gesloten = await post('/api/overdrachten', overdracht(van, { itemIds: [open[0].itemId, afgedaan.itemId, ander.itemId] })).expect(422);
    expect(gesloten.body.code).toBe('selectie-ongeldig');
    expect(gesloten.body.detail).toContain(`${afgedaan.nummer} is al afgedaan op 2025-06-20`);
    expect(gesloten.body.detail).toContain(`De motie ${ander.nummer} ligt bij staatssecretaris`);
    expect(gesloten.body.weigeringen).toEqual([
      { itemId: afgedaan.itemId, nummer: afgedaan.nummer, code: 'item-al-afgedaan', melding: expect.stringContaining('is al afgedaan op 2025-06-20') },
      { itemId: ander.itemId, nummer: ander.nummer, code: 'andere-bewindspersoon', melding: expect.stringContaining('ligt bij staatssecretaris') },
    ]);
    expect((await post('/api/overdrachten/voorbeeld', overdracht(van, { itemIds: [afgedaan.itemId] })).expect(422)).body.weigeringen).toHaveLength(1);
    const onbekend = await post('/api/overdrachten', overdracht(van, { itemIds: ['00000000-0000-4000-8000-000000000000'] })).expect(422);
    expect(onbekend.body.detail).toContain('Er staat geen motie of toezegging 00000000-0000-4000-8000-000000000000 in het register');
    expect(onbekend.body.weigeringen).toEqual([{ itemId: '00000000-0000-4000-8000-000000000000', nummer: null, code: 'item-niet-gevonden', melding: expect.any(String) }]);
    expect(t.eventCount()).toBe(voor);

    // Upper case ids are the same items; the others stay with the departing minister.
    const r = (await post('/api/overdrachten', overdracht(van, { itemIds: [open[2].itemId.toUpperCase(), open[0].itemId] })).expect(200)).body;
    expect(r.items.map((i: { itemId: string }) => i.itemId)).toEqual([open[2].itemId, open[0].itemId]);
    expect(r.telling.uitgevoerd).toBe(2);
    expect(overgedragen(open[1].itemId)).toHaveLength(0);
    expect(overgedragen(open[3].itemId)).toHaveLength(0);
    // Already with the successor: a selection of only those has nothing to do.
    const niets = await post('/api/overdrachten', overdracht(van, { itemIds: [open[0].itemId], reden: 'nogmaals' })).expect(422);
    expect(niets.body.code).toBe('selectie-ongeldig');
  });

  it('refuses a selection of more than eleven bad items by naming ten and listing all of them', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const res = await post('/api/overdrachten/voorbeeld', overdracht('minister van Justitie en Veiligheid', { itemIds: ids })).expect(422);
    expect(res.body.detail).toMatch(/En nog 2 andere\.$/);
    expect(res.body.weigeringen.map((w: { itemId: string }) => w.itemId)).toEqual(ids);
  });

  it('refuses bad input with a Dutch message and appends nothing', async () => {
    const { van, open } = await vertrekker();
    const voor = t.eventCount();
    const onbekend = await post('/api/overdrachten', overdracht('minister van Nergens')).expect(422);
    expect(onbekend.body).toMatchObject({ code: 'bewindspersoon-onbekend' });
    expect(onbekend.body.detail).toContain('Er staat geen enkel item op naam van "minister van Nergens" in het register: er is niets over te dragen.');
    expect((await post('/api/overdrachten/voorbeeld', overdracht('minister van Nergens')).expect(422)).body.code).toBe('bewindspersoon-onbekend');

    const leeg = await post('/api/overdrachten', overdracht(van, { itemIds: [] })).expect(400);
    expect(leeg.body.fouten).toEqual([{ veld: 'itemIds', melding: 'moet ten minste één item bevatten; laat het veld weg om alle open items te nemen' }]);
    const gevallen: [Record<string, unknown>, string][] = [
      [{ van, naar: OPVOLGER, reden: 'x' }, 'datum'],
      [overdracht(van, { naar: { bewindspersoon: 'minister' } }), 'naar.ministerie'],
      [overdracht(van, { datum: '2025-02-30' }), 'datum'],
      [overdracht(van, { reden: '' }), 'reden'],
      [overdracht(van, { itemIds: ['geen-uuid'] }), 'itemIds'],
      [overdracht(van, { itemIds: [open[0].itemId, open[0].itemId] }), 'itemIds'],
      [overdracht(van, { itemIds: Array.from({ length: 2001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) }), 'itemIds'],
      [overdracht(van, { onbekend: 1 }), 'onbekend'],
      [overdracht(''), 'van'],
    ];
    for (const [body, veld] of gevallen) {
      const res = await post('/api/overdrachten', body).expect(400);
      expect(res.body.fouten.map((f: { veld: string }) => f.veld)).toContain(veld);
    }
    // A reason of spaces only: the item's own rule, said as a field error before anything runs.
    expect((await post('/api/overdrachten', overdracht(van, { reden: '   ' })).expect(400)).body.fouten[0].veld).toBe('reden');
    expect(t.eventCount()).toBe(voor);
    // Only closed items left: nothing to transfer.
    const klaar = `minister van Klaar ${++volgnummer}`;
    const gedaan = await registreer('motie', klaar);
    await t.http.post(`/api/items/${gedaan.itemId}/afdoening`).send(afdoening).expect(200);
    const na = t.eventCount();
    expect((await post('/api/overdrachten', overdracht(klaar)).expect(422)).body.code).toBe('niets-over-te-dragen');
    expect(t.eventCount()).toBe(na);
    await t.http.get('/api/overdrachten/geen-uuid').expect(400);
    await t.http.get('/api/overdrachten/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('leaves an item whose registration lies after the transfer date with its minister, saying why, and transfers the others', async () => {
    const { van, open } = await vertrekker();
    // The moties were registered on 2025-05-28, the toezeggingen on 2024-12-19.
    const r = (await post('/api/overdrachten', overdracht(van, { datum: '2025-01-01' })).expect(200)).body;
    expect(r.items.map((i: { itemId: string }) => i.itemId).sort()).toEqual([open[2].itemId, open[3].itemId].sort());
    expect(r.overgeslagen.map((o: { code: string }) => o.code)).toEqual(['datum-voor-registratie', 'datum-voor-registratie']);
    expect(r.overgeslagen.map((o: { itemId: string }) => o.itemId).sort()).toEqual([open[0].itemId, open[1].itemId].sort());
    expect(r.overgeslagen[0].melding).toMatch(/^De datum 2025-01-01 ligt vóór de datum van het item zelf/);
    expect(overgedragen(open[0].itemId)).toHaveLength(0);
  });

  it('gives a selection a new termijn through the single-item command, with a preview and a result', async () => {
    const { open, afgedaan } = await vertrekker();
    const termijn = { omschrijving: 'voor het zomerreces', datum: '2025-07-04' };
    const body = { itemIds: open.map((o) => o.itemId), termijn, datum: '2025-06-25', reden: 'Het onderzoek loopt uit' };
    const sleutel = nieuweSleutel();
    // One of them has this termijn already: it stays, with the reason.
    await t.http.post(`/api/items/${open[3].itemId}/termijn`).send({ datum: '2025-06-01', termijn, reden: 'Eerder al' }).expect(200);

    const voor = t.eventCount();
    const voorbeeld = (await post('/api/termijnwijzigingen/voorbeeld', body, sleutel).expect(200)).body;
    expect(t.eventCount()).toBe(voor);
    expect(voorbeeld.items.map((i: { itemId: string }) => i.itemId)).toEqual(open.slice(0, 3).map((o) => o.itemId));
    expect(voorbeeld.overgeslagen).toEqual([expect.objectContaining({ itemId: open[3].itemId, code: 'geen-wijziging', huidig: 'voor het zomerreces (2025-07-04)' })]);

    const r = (await post('/api/termijnwijzigingen', body, sleutel).expect(200)).body;
    expect(r).toMatchObject({ id: voorbeeld.id, soort: 'termijnwijziging', status: 'afgerond', telling: { uitgevoerd: 3, alGedaan: 0, geweigerd: 0 } });
    for (const o of open) expect((await t.http.get(`/api/items/${o.itemId}?minimalePositie=${r.positie}`).expect(200)).body.termijn).toEqual(termijn);
    const gewijzigd = events('TermijnGewijzigd').filter((e) => e.data.itemId === open[0].itemId);
    expect(gewijzigd).toHaveLength(1);
    expect(gewijzigd[0].data).toMatchObject({ reden: 'Het onderzoek loopt uit', datum: '2025-06-25' });
    expect((await post('/api/termijnwijzigingen', body, sleutel).expect(200)).body).toEqual(r);
    expect((await t.http.get(`/api/termijnwijzigingen/${r.id}`).expect(200)).body).toEqual(r);
    expect((await t.as('auditor').get(`/api/termijnwijzigingen/${r.id}`).expect(200)).body).toEqual(r);

    const na = t.eventCount();
    const gesloten = await post('/api/termijnwijzigingen', { ...body, itemIds: [afgedaan.itemId] }).expect(422);
    expect(gesloten.body).toMatchObject({ code: 'selectie-ongeldig', weigeringen: [{ itemId: afgedaan.itemId, nummer: afgedaan.nummer, code: 'item-al-afgedaan' }] });
    expect((await post('/api/termijnwijzigingen', { ...body, itemIds: [] }).expect(400)).body.fouten[0]).toEqual({ veld: 'itemIds', melding: 'moet ten minste één item bevatten' });
    expect((await post('/api/termijnwijzigingen', { termijn, datum: '2025-06-25', reden: 'x' }).expect(400)).body.fouten[0].veld).toBe('itemIds');
    expect((await post('/api/termijnwijzigingen', { ...body, reden: 'Weer iets', itemIds: [open[3].itemId] }).expect(422)).body.code).toBe('niets-te-wijzigen');
    expect(t.eventCount()).toBe(na);

    // Twice at the same moment, with a key: one termijn change per item, one answer.
    const tegelijkSleutel = nieuweSleutel();
    const nieuw = { ...body, termijn: { omschrijving: 'na de zomer', datum: '2025-09-30' }, itemIds: open.map((o) => o.itemId) };
    const tegelijk = await Promise.all([1, 2].map(() => post('/api/termijnwijzigingen', nieuw, tegelijkSleutel)));
    expect(tegelijk.map((a) => a.status)).toEqual([200, 200]);
    expect(tegelijk[1].body).toEqual(tegelijk[0].body);
    expect(tegelijk[0].body.telling.uitgevoerd).toBe(4);
    for (const o of open) expect(events('TermijnGewijzigd').filter((e) => e.data.itemId === o.itemId && (e.data.nieuw as { omschrijving: string }).omschrijving === 'na de zomer')).toHaveLength(1);
  });

  it('leaves a termijn a clerk set after the decision alone instead of overwriting it', async () => {
    const van = `minister van Termijnen ${++volgnummer}`;
    const items = [await registreer('motie', van), await registreer('motie', van), await registreer('motie', van)];
    const clerk = { omschrijving: 'voor de kerst', datum: '2025-12-20' };
    const body = { itemIds: items.map((i) => i.itemId), termijn: { omschrijving: 'na de zomer', datum: '2025-09-30' }, datum: '2025-06-25', reden: 'Uitstel' };

    // Once the change was decided on all three, and before any of them is changed, a clerk gives the
    // last item a termijn of its own: the item commands wait for it.
    const bus = t.app.get(CommandBus);
    const origineel = bus.execute.bind(bus);
    let tussendoor: Promise<unknown> | null = null;
    const spion = jest.spyOn(bus, 'execute').mockImplementation(async (command) => {
      if (command instanceof WijzigItemCommand && command.meta.bron?.includes('termijnwijziging')) {
        tussendoor ??= t.http.post(`/api/items/${items[2].itemId}/termijn`).send({ datum: '2025-06-26', termijn: clerk, reden: 'Afgesproken in het debat' }).expect(200);
        await tussendoor;
      }
      return origineel(command);
    });
    let r;
    try {
      r = (await post('/api/termijnwijzigingen', body).expect(200)).body;
    } finally {
      spion.mockRestore();
    }
    expect(tussendoor).not.toBeNull();
    expect(r.items[2]).toMatchObject({ itemId: items[2].itemId, uitkomst: 'geweigerd', code: 'gewijzigd-sinds-besluit' });
    expect(r.items[2].melding).toBe(
      'Na het besluit is de termijn van dit item gewijzigd in voor de kerst (2025-12-20) (bij het besluit: geen termijn); die wijziging is niet overschreven. Wijzig het item zo nodig apart.',
    );
    expect(r.telling).toEqual({ uitgevoerd: 2, alGedaan: 0, geweigerd: 1 });
    expect((await t.http.get(`/api/items/${items[2].itemId}?minimalePositie=${r.positie}`).expect(200)).body.termijn).toEqual(clerk);
    expect((await t.http.get(`/api/items/${items[0].itemId}`).expect(200)).body.termijn).toEqual(body.termijn);
  });

  describe('with many items', () => {
    // Termijnen of 500 three-byte characters: 640 items make a decision over the event size limit.
    const lang = { omschrijving: '€'.repeat(500), datum: '2025-12-31' };
    const ids: string[] = [];
    const body = () => ({ itemIds: ids, termijn: { omschrijving: 'na de zomer', datum: '2025-09-30' }, datum: '2025-06-25', reden: 'Uitstel' });

    beforeAll(async () => {
      for (let i = 0; i < 640; i += 20) {
        const rij = await Promise.all(Array.from({ length: 20 }, (_, j) => t.http.post('/api/moties').send(motie({ nummer: `30000-${1 + i + j}`, bewindspersoon: 'minister van Lange Termijnen', termijn: lang }))));
        for (const res of rij) {
          expect([res.status, res.body.fouten]).toEqual([201, undefined]);
          ids.push(res.body.itemId);
        }
      }
    });

    it('judges them while other requests get their turn', async () => {
      // Reads of the embedded stores resolve without waiting for I/O: without yielding, judging
      // every item would be one long stretch of the event loop, from the first item to the last.
      let beurten = 0;
      let meten = true;
      const tel = () => {
        beurten++;
        if (meten) setImmediate(tel);
      };
      setImmediate(tel);
      await post('/api/termijnwijzigingen/voorbeeld', body()).expect(422);
      meten = false;
      // Eight at a time, a turn after every four each: one per 32 items at least.
      expect(beurten).toBeGreaterThanOrEqual(640 / 32);
    });

    it('refuses a decision too large to record as one event with te-groot, before any item changes', async () => {
      const voor = t.eventCount();
      for (const pad of ['/api/termijnwijzigingen/voorbeeld', '/api/termijnwijzigingen']) {
        const res = await post(pad, body()).expect(422);
        expect(res.body.code).toBe('te-groot');
        expect(res.body.detail).toMatch(/^Deze bulkwijziging van 640 items is te groot om in één keer vast te leggen \([\d.]+ kB, ten hoogste 960 kB\); er is niets gewijzigd\. Splits de selectie/);
      }
      expect(t.eventCount()).toBe(voor);
      // Half of it fits.
      const helft = (await post('/api/termijnwijzigingen', { ...body(), itemIds: ids.slice(0, 320) }).expect(200)).body;
      expect(helft.telling.uitgevoerd).toBe(320);
    });
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
