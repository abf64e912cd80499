import { DataSource } from 'typeorm';
import { TestApp, motie, startTestApp } from './support/app';

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
  });

  it('keys are per user: another user may use the same key', async () => {
    const auditor = await t.as('auditor').post('/api/moties').set('Idempotency-Key', 'reg-1').send(motie({ nummer: '29628-7009' })).expect(403);
    expect(auditor.body.status).toBe(403);
  });

  it('rejects a malformed key', async () => {
    const res = await t.http.post('/api/moties').set('Idempotency-Key', 'x'.repeat(201)).send(motie({ nummer: '29628-7010' })).expect(400);
    expect(res.body.fouten[0].veld).toBe('Idempotency-Key');
  });

  it('writes nothing twice when the first attempt appended but never recorded its answer (a crash in between)', async () => {
    const { itemId } = (await t.http.post('/api/moties').send(motie({ nummer: '29628-7011' })).expect(201)).body;
    const eerste = await t.http.post(`/api/items/${itemId}/voortgang`).set('Idempotency-Key', 'crash-1').send({ datum: '2025-06-20', tekst: 'stand' }).expect(200);
    // Make it look as if the process died after the append, before the answer was stored.
    await t.app.get(DataSource).query('UPDATE idempotente_verzoeken SET status = NULL, antwoord = NULL');
    const voor = t.eventCount();
    const nogEens = await t.http.post(`/api/items/${itemId}/voortgang`).set('Idempotency-Key', 'crash-1').send({ datum: '2025-06-20', tekst: 'stand' }).expect(200);
    expect({ ...nogEens.body }).toEqual(eerste.body);
    expect(t.eventCount()).toBe(voor);

    const registratie = await t.http.post('/api/moties').set('Idempotency-Key', 'crash-2').send(motie({ nummer: '29628-7012' })).expect(201);
    await t.app.get(DataSource).query('UPDATE idempotente_verzoeken SET status = NULL, antwoord = NULL');
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
});
