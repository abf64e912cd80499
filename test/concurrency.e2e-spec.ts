import { nummerStream } from '@register/domain';
import { EVENT_STORE, EventStore } from '@register/event-store';
import { randomUUID } from 'node:crypto';
import { TestApp, motie, startTestApp } from './support/app';

describe('concurrent commands on one item', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const afdoening = (verwachteRevisie: number, referentie: string) => ({
    datum: '2025-06-20',
    verwachteRevisie,
    wijze: { soort: 'kamerstuk', referentie },
    toelichting: 'Hiermee beschouw ik de motie als afgedaan.',
  });

  it('lets exactly one of two conflicting commands win; the other gets 409; nothing is lost or doubled', async () => {
    for (let ronde = 0; ronde < 10; ronde++) {
      const { itemId } = (await t.http.post('/api/moties').send(motie({ nummer: `29628-${1400 + ronde}` })).expect(201)).body;
      const voor = t.eventCount();
      const [a, b] = await Promise.all([
        t.http.post(`/api/items/${itemId}/afdoening`).send(afdoening(0, 'brief A')),
        t.http.post(`/api/items/${itemId}/afdoening`).send(afdoening(0, 'brief B')),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const verliezer = a.status === 409 ? a : b;
      expect(verliezer.body.code).toBe('revisie-conflict');
      expect(t.eventCount()).toBe(voor + 1);
      const stream = t.storedEvents().filter((e) => e.stream === `motie-${itemId}`);
      expect(stream.map((e) => e.revision)).toEqual([0, 1]);
    }
  });

  it('retries a conflict for a client that gave no expected revision, deciding again on fresh state', async () => {
    const { itemId } = (await t.http.post('/api/moties').send(motie({ nummer: '29628-1500' })).expect(201)).body;
    const voor = t.eventCount();
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => t.http.post(`/api/items/${itemId}/voortgang`).send({ datum: '2025-06-20', tekst: `stand ${i}` })),
    );
    const geslaagd = results.filter((r) => r.status === 200).length;
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect(t.eventCount()).toBe(voor + geslaagd);
    const revisies = results.filter((r) => r.status === 200).map((r) => r.body.revisie).sort();
    expect(new Set(revisies).size).toBe(geslaagd);
  });

  it('gives two clerks claiming the same new number at once one 201 and one 409', async () => {
    const [a, b] = await Promise.all([
      t.http.post('/api/moties').send(motie({ nummer: '29628-1600', titel: 'Eerste' })),
      t.http.post('/api/moties').send(motie({ nummer: '29628-1600', titel: 'Tweede' })),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(t.storedEvents().filter((e) => e.type === 'MotieGeregistreerd' && e.data.nummer === '29628-1600')).toHaveLength(1);
  });

  it('records who, when and why in every event\'s metadata', async () => {
    const correlationId = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
    const res = await t.http.post('/api/moties').set('X-Gebruiker', 'iemand.anders').set('X-Correlation-Id', correlationId).send(motie({ nummer: '29628-1700' })).expect(201);
    const [event] = t.storedEvents().filter((e) => e.stream === `motie-${res.body.itemId}`);
    expect(event.metadata).toEqual({
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      commandId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      correlationId,
      causationId: event.metadata.commandId,
      actor: 'test-griffier',
      recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      schemaVersion: 2,
    });
    expect(event.data.datum).toBe('2025-05-28');
  });

  it('takes over a number only from a claim left behind by a crash (old, its item never written), never from a fresh one', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const claim = (nummer: string, recordedAt: string) => {
      const eventId = randomUUID();
      const data = { nummer, itemId: randomUUID(), soort: 'motie', titel: 'Nooit geschreven' };
      const metadata = { eventId, commandId: eventId, correlationId: eventId, causationId: eventId, actor: 'griffier', recordedAt, schemaVersion: 1 };
      return store.appendToStream(nummerStream(nummer), [{ eventId, type: 'NummerGereserveerd', data, metadata }], 'no-stream');
    };
    await claim('29628-1701', new Date(Date.now() - 10 * 60_000).toISOString());
    await claim('29628-1702', new Date().toISOString());
    await t.http.post('/api/moties').send(motie({ nummer: '29628-1701' })).expect(201);
    const { body } = await t.http.post('/api/moties').send(motie({ nummer: '29628-1702' })).expect(409);
    expect(body.detail).toContain('29628-1702');
  });
});
