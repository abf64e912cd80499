import Database from 'better-sqlite3';
import { ConflictException } from '@nestjs/common';
import { VerificatieJob } from '../libs/application/src/audit/verificatie.job';
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

  it('travels in time on both axes: as recorded at a moment, and as of a business date', async () => {
    const pauze = () => new Promise((r) => setTimeout(r, 15));
    const t0 = new Date().toISOString();
    await pauze();
    const { itemId } = (await t.http.post('/api/moties').send(motie({ nummer: '29628-1300', titel: 'Oorspronkelijke titel' })).expect(201)).body;
    await pauze();
    const t1 = new Date().toISOString();
    await pauze();
    await t.http.post(`/api/items/${itemId}/voortgang`).send({ datum: '2025-06-20', tekst: 'Onderzoek loopt.' }).expect(200);
    await t.http.post(`/api/items/${itemId}/afdoening`).send({ datum: '2025-12-15', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2025/26, 29628, nr. 1301' }, toelichting: 'Afgedaan.' }).expect(200);
    await pauze();
    const t2 = new Date().toISOString();
    await pauze();
    await t.http.post(`/api/items/${itemId}/correcties`).send({ correcties: { titel: 'Gecorrigeerde titel' }, reden: 'Typfout' }).expect(200);
    await t.http.post(`/api/items/${itemId}/heropening`).send({ datum: '2026-01-20', reden: 'Kamer niet akkoord.' }).expect(200);

    const opMoment = async (moment: string) => (await t.as('auditor').get(`/api/audit/items/${itemId}?opMoment=${moment}`).expect(200)).body;
    const opDatum = async (datum: string) => (await t.as('auditor').get(`/api/audit/items/${itemId}?opDatum=${datum}`).expect(200)).body;

    expect((await opMoment(t0)).bestond).toBe(false);
    expect((await opMoment(t1)).item).toMatchObject({ status: 'InBehandeling', titel: 'Oorspronkelijke titel', voortgang: [] });
    expect((await opMoment(t2)).item).toMatchObject({ status: 'Afgedaan', titel: 'Oorspronkelijke titel' });
    expect((await opMoment(t2)).peilmoment).toEqual({ as: 'vastgelegd', moment: t2 });

    expect((await opDatum('2025-05-01')).bestond).toBe(false);
    // Knowing what we know now: the corrected title holds on every date.
    expect((await opDatum('2025-06-01')).item).toMatchObject({ status: 'InBehandeling', titel: 'Gecorrigeerde titel', voortgang: [] });
    expect((await opDatum('2025-12-31')).item).toMatchObject({ status: 'Afgedaan', voortgang: [{ datum: '2025-06-20', tekst: 'Onderzoek loopt.' }] });
    expect((await opDatum('2026-02-01')).item).toMatchObject({ status: 'InBehandeling', heropendOp: '2026-01-20' });
    expect((await opDatum('2026-02-01')).peilmoment).toEqual({ as: 'zakelijk', datum: '2026-02-01' });

    const openOpDatum = async (datum: string) => (await t.as('auditor').get(`/api/audit/register?opDatum=${datum}&status=open`).expect(200)).body.items.map((i: { itemId: string }) => i.itemId);
    expect(await openOpDatum('2025-07-01')).toContain(itemId);
    expect(await openOpDatum('2025-12-31')).not.toContain(itemId);
    expect(await openOpDatum('2026-02-01')).toContain(itemId);

    await t.as('auditor').get(`/api/audit/items/${itemId}?opDatum=2025-07-01&opMoment=${t1}`).expect(400);
    await t.as('auditor').get(`/api/audit/items/${itemId}`).expect(400);
    await t.as('liaison').get(`/api/audit/register?opDatum=2025-07-01`).expect(403);
  });

  it('shows a halfjaarbericht as it was: a draft before it was sent, on both axes', async () => {
    const { itemId } = (await t.http.post('/api/moties').send(motie({ nummer: '29628-1400' })).expect(201)).body;
    const { berichtId } = (await t.http.post('/api/halfjaarberichten').send({ jaar: 2025, helft: 2, titel: 'Tweede halfjaarbericht 2025', peildatum: '2025-12-01', secties: ['A'] }).expect(201)).body;
    await t.http.post(`/api/halfjaarberichten/${berichtId}/items`).send({ itemId, sectie: 'A', tekst: 'Loopt.', status: 'in-behandeling' }).expect(200);
    await new Promise((r) => setTimeout(r, 15));
    const voorVerzending = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 15));
    await t.http.post(`/api/halfjaarberichten/${berichtId}/verzending`).send({ datum: '2025-12-15', kenmerk: 'K-2' }).expect(200);

    const vastgelegd = (await t.as('auditor').get(`/api/audit/halfjaarberichten/${berichtId}?opMoment=${voorVerzending}`).expect(200)).body;
    expect(vastgelegd.bericht).toMatchObject({ status: 'Concept', verzondenOp: null, items: [{ itemId, status: 'in-behandeling' }] });
    expect((await t.as('auditor').get(`/api/audit/halfjaarberichten/${berichtId}?opDatum=2025-12-10`).expect(200)).body.bericht.status).toBe('Concept');
    expect((await t.as('auditor').get(`/api/audit/halfjaarberichten/${berichtId}?opDatum=2025-12-15`).expect(200)).body.bericht).toMatchObject({ status: 'Verzonden', verzondenOp: '2025-12-15' });
  });

  /** Starts a verification and waits for its outcome, as the web app does. */
  const verifieer = async (body: object = {}) => {
    const start = await t.as('auditor').post('/api/audit/verificatie').send(body).expect(202);
    expect(start.body).toMatchObject({ status: expect.stringMatching(/^(bezig|klaar)$/), gestartDoor: 'test-auditor' });
    for (let i = 0; i < 200; i++) {
      const stand = (await t.as('auditor').get('/api/audit/verificatie').expect(200)).body;
      if (stand.status !== 'bezig') return stand;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('verification did not finish');
  };

  it('verifies the hash chains in the background, and names the event that was changed behind the register\'s back', async () => {
    const goed = await verifieer();
    expect(goed).toMatchObject({ status: 'klaar', rapport: { intact: true, problemen: [] } });
    expect(goed.rapport.events).toBe(t.eventCount());
    expect(goed.voortgang).toEqual({ events: t.eventCount(), totaal: t.eventCount() });
    const anker = goed.rapport.kop.tekst as string;
    expect(anker).toMatch(/^mtr-anker:1:\d+:\d+:[0-9a-f]{64}$/);

    const { itemId } = (await t.http.post('/api/moties').send(motie({ nummer: '29628-1250' })).expect(201)).body;
    expect((await verifieer({ tegen: anker })).rapport).toMatchObject({ intact: true, anker: { voortgezet: true } });
    const db = new Database(join(t.dataDir, 'events.sqlite'));
    db.prepare(`UPDATE events SET data = replace(data, 'Boswijk', 'Bosman') WHERE stream = ?`).run(`motie-${itemId}`);
    db.close();
    const fout = await verifieer();
    expect(fout.rapport.intact).toBe(false);
    expect(fout.rapport.problemen).toEqual([{ stream: `motie-${itemId}`, revision: 0, positie: expect.any(String), reden: 'de inhoud past niet bij de opgeslagen hash: het event is gewijzigd' }]);
    expect((await t.as('auditor').post('/api/audit/verificatie').send({ tegen: 'mtr-anker:kapot' }).expect(400)).body.fouten[0].veld).toBe('tegen');
  });

  it('does not silently drop an anchor: while a check runs, one against another anchor is refused', async () => {
    const job = t.app.get(VerificatieJob);
    const lopend = job.start('test-auditor');
    expect(lopend.status).toBe('bezig');
    expect(job.start('iemand-anders')).toBe(lopend);
    expect(() => job.start('iemand-anders', { positie: '1', aantal: 1, keten: 'a'.repeat(64) })).toThrow(ConflictException);
    for (let i = 0; i < 200 && job.huidige()?.status === 'bezig'; i++) await new Promise((r) => setTimeout(r, 25));
    expect(job.huidige()?.status).toBe('klaar');
  });
});
