import autocannon from 'autocannon';
import { SqliteEventStore } from '@register/event-store';
import { ProjectionRunner, RegisterItem, RegisterProjection } from '@register/read-models';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { openReadModel } from './support/read-model-databases';
import { TestApp, motie, startTestApp } from './support/app';

jest.setTimeout(120_000);

// A fixed number of requests rather than a duration: a duration cuts off requests in flight, whose
// commands may still commit after the client stopped counting.
const SCHRIJFVERZOEKEN = Number(process.env.LOAD_WRITES ?? 1500);
const LEESVERZOEKEN = Number(process.env.LOAD_READS ?? 750);

/**
 * Concurrent writers on overlapping items and readers together, on loopback, bounded in time.
 * The only errors allowed are 409s; afterwards the store holds exactly one event per successful
 * command, and a rebuild from the log gives the same register as the live projection.
 */
describe('load without loss', () => {
  let t: TestApp;
  let url: string;
  let items: string[];

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    items = [];
    for (let i = 0; i < 12; i++) items.push((await t.http.post('/api/moties').send(motie({ nummer: `29628-${6000 + i}` })).expect(201)).body.itemId);
  });

  afterAll(async () => {
    await t.close();
  });

  it('keeps every successful command exactly once and rebuilds to the live register', async () => {
    const voor = t.eventCount();
    let teller = 0;
    const schrijvers = autocannon({
      url,
      connections: 16,
      amount: SCHRIJFVERZOEKEN,
      timeout: 30,
      headers: { authorization: `Bearer ${t.tokens.griffier}`, 'content-type': 'application/json' },
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            teller++;
            const item = items[teller % items.length];
            // Every fifth writer claims to have seen revision 0: stale on purpose, so it must get 409.
            const body = teller % 5 === 0 ? { datum: '2025-06-20', tekst: `stand ${teller}`, verwachteRevisie: 0 } : { datum: '2025-06-20', tekst: `stand ${teller}` };
            return { ...req, path: `/api/items/${item}/voortgang`, body: JSON.stringify(body) };
          },
        },
      ],
    });
    const lezers = autocannon({
      url: `${url}/api/items?status=open&lid=Boswijk&perPagina=25`,
      connections: 8,
      amount: LEESVERZOEKEN,
      timeout: 30,
      headers: { authorization: `Bearer ${t.tokens.liaison}` },
    });
    const [w, r] = await Promise.all([schrijvers, lezers]);
    const statussen = (res: autocannon.Result) => Object.fromEntries(Object.entries((res as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats).map(([k, v]) => [k, v.count]));
    const ws = statussen(w);
    const rs = statussen(r);
    const geslaagd = Object.entries(ws).filter(([k]) => k.startsWith('2')).reduce((a, [, n]) => a + n, 0);
    const na = t.eventCount();
    process.stdout.write(
      `load: ${w.duration.toFixed(1)}s, writers ${w.requests.total} requests ${JSON.stringify(ws)} (p99 ${w.latency.p99} ms), readers ${r.requests.total} requests ${JSON.stringify(rs)} (p99 ${r.latency.p99} ms), events before/after ${voor}/${na}\n`,
    );
    expect(w.errors).toBe(0);
    expect(r.errors).toBe(0);
    expect(Object.keys(ws).filter((k) => !['200', '409'].includes(k))).toEqual([]);
    expect(Object.keys(rs)).toEqual(['200']);
    expect(ws['409']).toBeGreaterThan(0);
    expect(na).toBe(voor + geslaagd);

    // The live register, once it has everything, equals a rebuild from the log into a fresh database.
    const head = (await t.http.get('/health').expect(200)).body.details.eventstore.positie;
    await t.http.get(`/api/items?minimalePositie=${head}`).expect(200);
    const live = await t.app.get(DataSource).getRepository(RegisterItem).find({ order: { itemId: 'ASC' } });
    const schaduw = await openReadModel('sqlite');
    const store = new SqliteEventStore(join(t.dataDir, 'events.sqlite'));
    try {
      await new ProjectionRunner(store, schaduw.dataSource, [new RegisterProjection()]).rebuild();
      const herbouwd = await schaduw.dataSource.getRepository(RegisterItem).find({ order: { itemId: 'ASC' } });
      expect(herbouwd).toEqual(live);
      expect(herbouwd.reduce((a, i) => a + i.voortgang.length, 0)).toBe(geslaagd);
    } finally {
      await store.close();
      await schaduw.drop();
    }
  });
});
