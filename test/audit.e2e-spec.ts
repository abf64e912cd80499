import Database from 'better-sqlite3';
import { join } from 'node:path';
import { TestApp, motie, startTestApp } from './support/app';

describe('auditors: history and verification', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('shows every step of an item with its business date, who recorded it, and what changed', async () => {
    const { itemId } = (await t.http.post('/api/moties').send(motie({ nummer: '29628-1244' })).expect(201)).body;
    await t.http.post(`/api/items/${itemId}/correcties`).send({ correcties: { nummer: '29628-1243', leden: [{ naam: 'Mutluer', fractie: 'GL-PvdA' }] }, reden: 'Verkeerde voetnoot overgenomen' }).expect(200);
    await t.http.post(`/api/items/${itemId}/voortgang`).send({ datum: '2025-06-20', tekst: 'Onderzoek loopt.' }).expect(200);
    await t.http.post(`/api/items/${itemId}/afdoening`).send({ datum: '2025-12-15', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2025/26, 29628, nr. 1300' }, toelichting: 'Afgedaan per brief.' }).expect(200);
    await t.http.post(`/api/items/${itemId}/heropening`).send({ datum: '2026-01-20', reden: 'De Kamer aanvaardt de afdoening niet.' }).expect(200);

    const { body } = await t.as('auditor').get(`/api/items/${itemId}/historie`).expect(200);
    expect(body.events.map((e: { event: string }) => e.event)).toEqual(['MotieGeregistreerd', 'MotieRegistratieGecorrigeerd', 'MotieVoortgangGerapporteerd', 'MotieAfgedaan', 'MotieHeropend']);
    expect(body.events.map((e: { datum: string | null }) => e.datum)).toEqual(['2025-05-28', null, '2025-06-20', '2025-12-15', '2026-01-20']);
    expect(body.events.every((e: { door: string; vastgelegdOp: string; commandId: string }) => e.door === 'test-griffier' && /Z$/.test(e.vastgelegdOp) && e.commandId)).toBe(true);
    expect(body.events[1].wijzigingen).toEqual([
      { veld: 'nummer', oud: '29628-1244', nieuw: '29628-1243' },
      { veld: 'leden', oud: 'Boswijk (CDA), Six Dijkstra (NSC)', nieuw: 'Mutluer (GL-PvdA)' },
    ]);
    expect(body.events[1].samenvatting).toContain('Verkeerde voetnoot overgenomen');
    expect(body.events[4].samenvatting).toBe('Heropend: De Kamer aanvaardt de afdoening niet.');
    await t.as('liaison').get(`/api/items/${itemId}/historie`).expect(403);
  });

  it('verifies the hash chains, and names the event that was changed behind the register\'s back', async () => {
    const goed = await t.as('auditor').get('/api/audit/verificatie').expect(200);
    expect(goed.body).toMatchObject({ intact: true, problemen: [] });
    expect(goed.body.events).toBe(t.eventCount());

    const { itemId } = (await t.http.post('/api/moties').send(motie({ nummer: '29628-1250' })).expect(201)).body;
    const db = new Database(join(t.dataDir, 'events.sqlite'));
    db.prepare(`UPDATE events SET data = replace(data, 'Boswijk', 'Bosman') WHERE stream = ?`).run(`motie-${itemId}`);
    db.close();
    const fout = await t.as('auditor').get('/api/audit/verificatie').expect(200);
    expect(fout.body.intact).toBe(false);
    expect(fout.body.problemen).toEqual([{ stream: `motie-${itemId}`, revision: 0, reden: 'de inhoud past niet bij de opgeslagen hash: het event is gewijzigd' }]);
  });
});
