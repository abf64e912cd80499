import { RegistreerMotie } from '@register/domain';
import { CommandMetadata, ItemCommandService, deterministicId } from '@register/application';
import { DataSource } from 'typeorm';
import { TestApp, motie, startTestApp } from './support/app';

const DOOD_GECLAIMD = "UPDATE idempotente_verzoeken SET status = NULL, antwoord = NULL, in_behandeling_sinds = '2000-01-01T00:00:00.000Z'";

describe('Idempotency-Key', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const afdoening = { datum: '2025-06-20', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2024/25, 29628, nr. 1260' }, toelichting: 'Afgedaan.' };

  it('answers a retried registration with the original answer and appends nothing', async () => {
    const eerste = await t.http.post('/api/moties').set('Idempotency-Key', 'reg-1').send(motie({ nummer: '29628-7001' })).expect(201);
    const voor = t.eventCount();
    const nogEens = await t.http.post('/api/moties').set('Idempotency-Key', 'reg-1').send(motie({ nummer: '29628-7001' })).expect(201);
    expect(nogEens.body).toEqual(eerste.body);
    expect(nogEens.headers['idempotent-replayed']).toBe('true');
    expect(t.eventCount()).toBe(voor);
    process.stdout.write(`idempotency: registration retried, events before/after ${voor}/${t.eventCount()}\n`);
  });

  it('treats the same body with keys in another order as the same request', async () => {
    const body = motie({ nummer: '29628-7002' });
    const eerste = await t.http.post('/api/moties').set('Idempotency-Key', 'reg-2').send(body).expect(201);
    const omgekeerd = Object.fromEntries(Object.entries(body).reverse());
    const voor = t.eventCount();
    expect((await t.http.post('/api/moties').set('Idempotency-Key', 'reg-2').send(omgekeerd).expect(201)).body).toEqual(eerste.body);
    expect(t.eventCount()).toBe(voor);
  });

  it('answers the same key with another body with 422 and appends nothing', async () => {
    await t.http.post('/api/moties').set('Idempotency-Key', 'reg-3').send(motie({ nummer: '29628-7003' })).expect(201);
    const voor = t.eventCount();
    const anders = await t.http.post('/api/moties').set('Idempotency-Key', 'reg-3').send(motie({ nummer: '29628-7004' })).expect(422);
    expect(anders.body.code).toBe('idempotency-key-hergebruikt');
    expect(t.eventCount()).toBe(voor);
  });

  it('gives a retried change its original answer, not a 422 for afdoen twice', async () => {
    const { itemId } = (await t.http.post('/api/moties').send(motie({ nummer: '29628-7005' })).expect(201)).body;
    const eerste = await t.http.post(`/api/items/${itemId}/afdoening`).set('Idempotency-Key', 'af-1').send(afdoening).expect(200);
    const voor = t.eventCount();
    const nogEens = await t.http.post(`/api/items/${itemId}/afdoening`).set('Idempotency-Key', 'af-1').send(afdoening).expect(200);
    expect(nogEens.body).toEqual(eerste.body);
    expect(t.eventCount()).toBe(voor);
    // Without the key the same request is a new command, and the domain refuses it.
    await t.http.post(`/api/items/${itemId}/afdoening`).send(afdoening).expect(422);
  });

  it('replays an error answer as it was given', async () => {
    const dubbel = motie({ nummer: '29628-7001' });
    const eerste = await t.http.post('/api/moties').set('Idempotency-Key', 'fout-1').send(dubbel).expect(409);
    const nogEens = await t.http.post('/api/moties').set('Idempotency-Key', 'fout-1').send(dubbel).expect(409);
    expect(nogEens.body).toEqual(eerste.body);
    expect(eerste.headers['idempotent-replayed']).toBeUndefined();
    expect(nogEens.headers['idempotent-replayed']).toBe('true');
  });

  it('keys are per user: two clerks may use one key, each for their own request', async () => {
    const collega = await t.nieuweGebruiker('griffier.collega', 'griffier');
    const eigen = await t.http.post('/api/moties').set('Idempotency-Key', 'gedeeld-1').send(motie({ nummer: '29628-7007' })).expect(201);
    const ander = await t
      .as('anoniem')
      .post('/api/moties')
      .set('Authorization', `Bearer ${collega}`)
      .set('Idempotency-Key', 'gedeeld-1')
      .send(motie({ nummer: '29628-7008' }))
      .expect(201);
    expect(ander.headers['idempotent-replayed']).toBeUndefined();
    expect(ander.body.itemId).not.toBe(eigen.body.itemId);
    expect(ander.body.nummer).toBe('29628-7008');
  });

  it('rejects a malformed key', async () => {
    const res = await t.http.post('/api/moties').set('Idempotency-Key', 'x'.repeat(201)).send(motie({ nummer: '29628-7010' })).expect(400);
    expect(res.body.fouten[0].veld).toBe('Idempotency-Key');
  });

  it('writes nothing twice when the first attempt appended but never recorded its answer (a crash in between)', async () => {
    const { itemId } = (await t.http.post('/api/moties').send(motie({ nummer: '29628-7011' })).expect(201)).body;
    const eerste = await t.http.post(`/api/items/${itemId}/voortgang`).set('Idempotency-Key', 'crash-1').send({ datum: '2025-06-20', tekst: 'stand' }).expect(200);
    // Make it look as if the process died after the append, before the answer was stored, long enough
    // ago that the claim is no longer taken to be a request still running.
    await t.app.get(DataSource).query(DOOD_GECLAIMD);
    const voor = t.eventCount();
    const nogEens = await t.http.post(`/api/items/${itemId}/voortgang`).set('Idempotency-Key', 'crash-1').send({ datum: '2025-06-20', tekst: 'stand' }).expect(200);
    expect({ ...nogEens.body }).toEqual(eerste.body);
    expect(t.eventCount()).toBe(voor);

    const registratie = await t.http.post('/api/moties').set('Idempotency-Key', 'crash-2').send(motie({ nummer: '29628-7012' })).expect(201);
    await t.app.get(DataSource).query(DOOD_GECLAIMD);
    const voorReg = t.eventCount();
    const regNogEens = await t.http.post('/api/moties').set('Idempotency-Key', 'crash-2').send(motie({ nummer: '29628-7012' })).expect(201);
    expect(regNogEens.body).toEqual(registratie.body);
    expect(t.eventCount()).toBe(voorReg);
  });

  it('holds across a restart', async () => {
    const eerste = await t.http.post('/api/moties').set('Idempotency-Key', 'herstart-1').send(motie({ nummer: '29628-7020' })).expect(201);
    await t.stop();
    t = await startTestApp({}, t.dataDir);
    const voor = t.eventCount();
    const nogEens = await t.http.post('/api/moties').set('Idempotency-Key', 'herstart-1').send(motie({ nummer: '29628-7020' })).expect(201);
    expect(nogEens.body).toEqual(eerste.body);
    expect(t.eventCount()).toBe(voor);
  });

  it('lets the second of two simultaneous requests with one key wait for or refuse with the first one\'s outcome, and never frees the number', async () => {
    for (let i = 0; i < 20; i++) {
      const nummer = `29628-${7100 + i}`;
      const sleutel = `gelijk-${i}`;
      const [a, b] = await Promise.all([
        t.http.post('/api/moties').set('Idempotency-Key', sleutel).send(motie({ nummer })),
        t.http.post('/api/moties').set('Idempotency-Key', sleutel).send(motie({ nummer })),
      ]);
      const statussen = [a.status, b.status].sort();
      expect([[201, 201], [201, 409]]).toContainEqual(statussen);
      const winnaar = a.status === 201 ? a : b;
      const ander = a.status === 201 ? b : a;
      if (ander.status === 409) {
        expect(ander.body.code).toBe('idempotent-verzoek-in-behandeling');
        expect(ander.headers['retry-after']).toBe('1');
      } else {
        expect(ander.body).toEqual(winnaar.body);
      }
      // The number stays taken: another key cannot register it again, and the key replays its success.
      const opnieuw = await t.http.post('/api/moties').set('Idempotency-Key', `${sleutel}-ander`).send(motie({ nummer, titel: 'Een andere motie met hetzelfde nummer' })).expect(409);
      expect(opnieuw.body.code).toBe('nummer-in-gebruik');
      const herhaald = await t.http.post('/api/moties').set('Idempotency-Key', sleutel).send(motie({ nummer })).expect(201);
      expect(herhaald.body).toEqual(winnaar.body);
    }
    const vrijgegeven = t.storedEvents().filter((e) => e.type === 'NummerVrijgegeven' && String(e.data.nummer).startsWith('29628-71'));
    expect(vrijgegeven).toEqual([]);
    const rijen = await t.http.get('/api/items?zoek=29628&perPagina=100').expect(200);
    const nummers = (rijen.body.items as { nummer: string }[]).map((r) => r.nummer).filter((n) => n.startsWith('29628-71'));
    expect(new Set(nummers).size).toBe(nummers.length);
  });

  it('never stores a new user\'s token in the replay record, and does not show it twice', async () => {
    const beheer = t.as('beheerder');
    const eerste = await beheer.post('/api/beheer/gebruikers').set('Idempotency-Key', 'gebruiker-1').send({ naam: 'griffier.geheim', rol: 'griffier' }).expect(201);
    const token = eerste.body.token as string;
    expect(token).toMatch(/^mtr_/);
    const opgeslagen = JSON.stringify(await t.app.get(DataSource).query('SELECT * FROM idempotente_verzoeken'));
    expect(opgeslagen).not.toContain(token);
    expect(opgeslagen).not.toContain(token.slice(4, 20));
    const nogEens = await beheer.post('/api/beheer/gebruikers').set('Idempotency-Key', 'gebruiker-1').send({ naam: 'griffier.geheim', rol: 'griffier' });
    expect(nogEens.status).toBe(409);
    expect(nogEens.body.code).toBe('antwoord-niet-herhaalbaar');
    expect(JSON.stringify(nogEens.body)).not.toContain(token);
    // The user exists once and the token works.
    await t.as('anoniem').get('/api/ik').set('Authorization', `Bearer ${token}`).expect(200);
  });

  it('a registration that loses a race with its own retry (both past the key check) undoes nothing of the winner', async () => {
    // What a claim taken over after its lease (a first attempt still running after 30 s) leads to:
    // the same command twice at once, below the HTTP layer.
    const service = t.app.get(ItemCommandService);
    for (let i = 0; i < 10; i++) {
      const sleutelId = deterministicId(`race-${i}`, 'sleutel');
      const meta: CommandMetadata = { commandId: sleutelId, correlationId: sleutelId, causationId: sleutelId, actor: 'test-griffier', idempotencyKeyId: sleutelId };
      const itemId = deterministicId(sleutelId, 'item');
      const m = motie({ nummer: `29628-${7200 + i}` });
      const command = { type: 'RegistreerMotie', itemId, termijn: null, ...m } as RegistreerMotie;
      const uitkomsten = await Promise.allSettled([service.registreer(command, meta), service.registreer(command, meta)]);
      expect(uitkomsten.map((u) => u.status)).toEqual(['fulfilled', 'fulfilled']);
      const [a, b] = uitkomsten.map((u) => (u as PromiseFulfilledResult<unknown>).value);
      expect(b).toEqual(a);
    }
    const nummerEvents = t.storedEvents().filter((e) => e.stream.startsWith('kamernummer-29628-72'));
    expect(nummerEvents.map((e) => e.type)).toEqual(Array(10).fill('NummerGereserveerd'));
  });
});
