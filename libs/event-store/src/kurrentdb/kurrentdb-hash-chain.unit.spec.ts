import { randomUUID } from 'node:crypto';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { EventMetadata, NewEvent } from '../event-store.port';
import { Anker, GENESIS, eventHash, logLink } from '../hash-chain';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { FakeKurrentDb, LogRecord } from './fake-kurrentdb.spec';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { STREAM_HASH } from './stream-hash';

/**
 * The hash chain on KurrentDB, behind the stand-in wire (fake-kurrentdb.spec.ts: the client's own
 * conversion code, a log as the server's AllReader reports it). Tampering is done the way only
 * someone with access to the server's files could: by changing, removing or replacing records in
 * the stand-in's log, which the server's API cannot do.
 */
let fake: FakeKurrentDb;

function storeOn(): KurrentDbEventStore {
  fake = new FakeKurrentDb();
  jest.spyOn(KurrentDBClient, 'connectionString').mockReturnValue(fake as unknown as KurrentDBClient);
  return new KurrentDbEventStore('kurrentdb://fake:2113?tls=false');
}

afterEach(() => jest.restoreAllMocks());

const metadata = (eventId: string): EventMetadata => ({ eventId, commandId: 'cmd-1', correlationId: 'c-1', causationId: 'c-1', actor: 'griffier@test', recordedAt: '2025-06-20T09:00:00.000Z', schemaVersion: 1 });
const event = (type = 'IetsGebeurd', data: Record<string, unknown> = { waarde: 1 }): NewEvent => {
  const eventId = randomUUID();
  return { eventId, type, data, metadata: metadata(eventId) };
};
const stored = (r: LogRecord) => JSON.parse(Buffer.from(r.metadata).toString('utf8')) as Record<string, unknown>;
const GEWIJZIGD = 'de inhoud past niet bij de opgeslagen hash: het event is gewijzigd';

/** Replaces a record of the stand-in's log in place (the same position), as an edit of the server's files would. */
function vervang(index: number, wijzig: (data: Record<string, unknown>, meta: Record<string, unknown>) => void): void {
  const r = fake.log[index];
  const data = JSON.parse(Buffer.from(r.data).toString('utf8')) as Record<string, unknown>;
  const meta = stored(r);
  wijzig(data, meta);
  fake.log[index] = { ...r, data: Buffer.from(JSON.stringify(data)), metadata: Buffer.from(JSON.stringify(meta)) };
}

async function schrijfRegister(store: KurrentDbEventStore): Promise<void> {
  await store.appendToStream('motie-a', [event('A0'), event('A1')], 'no-stream');
  await store.appendToStream('motie-b', [event('B0')], 'no-stream');
  await store.appendToStream('motie-a', [event('A2')], 1);
  await store.appendToStream('motie-b', [event('B1')], 'any');
}

describe('KurrentDB adapter: each event carries its stream hash in its metadata', () => {
  it('chains the hash over the stream, as the embedded store computes it, and reads the metadata back without it', async () => {
    const store = storeOn();
    const written = [event('A0'), event('A1', { tekst: 'één' })];
    await store.appendToStream('motie-a', written, 'no-stream');
    const next = event('A2');
    await store.appendToStream('motie-a', [next], 1);
    const h0 = eventHash(GENESIS, { stream: 'motie-a', revision: 0, ...written[0] });
    const h1 = eventHash(h0, { stream: 'motie-a', revision: 1, ...written[1] });
    const h2 = eventHash(h1, { stream: 'motie-a', revision: 2, ...next });
    expect(fake.log.map((r) => stored(r)[STREAM_HASH])).toEqual([h0, h1, h2]);
    const { events } = await store.readStream('motie-a');
    expect(events.map((e) => e.metadata)).toEqual([...written, next].map((e) => e.metadata));
    expect((await collectAll(store)).every((e) => !(STREAM_HASH in e.metadata))).toBe(true);
  });

  it('stores the same hashes as the embedded store for the same events, and so the same anchor', async () => {
    const store = storeOn();
    const sqlite = new SqliteEventStore(':memory:');
    try {
      const appends: [string, NewEvent[], 'no-stream' | 'any' | number][] = [
        ['motie-a', [event('A0'), event('A1')], 'no-stream'],
        ['motie-b', [event('B0', { lijst: [3, 1, 2], genest: { z: 1, a: null } })], 'no-stream'],
        ['motie-a', [event('A2')], 1],
        ['motie-b', [event('B1')], 'any'],
      ];
      for (const [s, e, x] of appends) {
        await store.appendToStream(s, e, x);
        await sqlite.appendToStream(s, e, x);
      }
      const rows = sqlite.database.prepare('SELECT hash FROM events ORDER BY position').all() as { hash: string }[];
      expect(fake.log.map((r) => stored(r)[STREAM_HASH])).toEqual(rows.map((r) => r.hash));
      const [kurrent, embedded] = [await store.verify(), sqlite.verify()];
      expect(kurrent.kop?.keten).toBe(embedded.kop?.keten);
      expect(kurrent.kop?.aantal).toBe(5);
    } finally {
      await sqlite.close();
    }
  });

  it('continues the chain on an append with any, also when another writer appended in between', async () => {
    const store = storeOn();
    await store.appendToStream('motie-a', [event()], 'any');
    // Two at once: both read revision 0 as the end; one is refused by the server and reads the end again.
    const appends = jest.spyOn(fake, 'appendToStream');
    const results = await Promise.all([store.appendToStream('motie-a', [event()], 'any'), store.appendToStream('motie-a', [event(), event()], 'any')]);
    expect([[1, 3], [2, 3]]).toContainEqual(results.map((r) => r.nextRevision).sort());
    expect(appends).toHaveBeenCalledTimes(3);
    expect(fake.log.map((r) => r.revision)).toEqual([0n, 1n, 2n, 3n]);
    expect(await store.verify()).toMatchObject({ streams: 1, events: 4, problemen: [] });
  });

  it('answers an identical retry with any as the server answers one, without writing it twice', async () => {
    const store = storeOn();
    const e = event();
    const first = await store.appendToStream('motie-a', [e], 'any');
    expect(await store.appendToStream('motie-a', [e], 'any')).toEqual(first);
    expect(fake.log).toHaveLength(1);
  });

  it('refuses metadata that already holds the key the store uses for the hash', async () => {
    const store = storeOn();
    const e = event();
    await expect(store.appendToStream('motie-a', [{ ...e, metadata: { ...e.metadata, [STREAM_HASH]: 'x' } }], 'no-stream')).rejects.toThrow(/streamHash/);
    expect(fake.log).toHaveLength(0);
  });
});

describe('KurrentDB adapter: verification', () => {
  it('finds an intact log intact, with the head of the log chain laid over the stream hashes as its anchor', async () => {
    const store = storeOn();
    await schrijfRegister(store);
    const voortgang: [number, number][] = [];
    const rapport = await store.verify((n, totaal) => voortgang.push([n, totaal]));
    let keten = GENESIS;
    for (const r of [...fake.log].sort((a, b) => Number(a.commit - b.commit))) keten = logLink(keten, stored(r)[STREAM_HASH] as string);
    expect(rapport).toEqual({ streams: 2, events: 5, problemen: [], kop: { positie: fake.log[4].commit.toString(), aantal: 5, keten } });
    expect(voortgang).toEqual([[5, 5]]);
  });

  it('names the first broken revision of a stream whose event was changed, and goes on checking the others', async () => {
    const store = storeOn();
    await schrijfRegister(store);
    vervang(1, (data) => (data.waarde = 2)); // motie-a revision 1
    vervang(2, (_, meta) => (meta.actor = 'indringer')); // motie-b revision 0: metadata counts too
    const rapport = await store.verify();
    expect(rapport.problemen).toEqual([
      { stream: 'motie-a', revision: 1, positie: fake.log[1].commit.toString(), reden: GEWIJZIGD },
      { stream: 'motie-b', revision: 0, positie: fake.log[2].commit.toString(), reden: GEWIJZIGD },
    ]);
  });

  it('names a removed event by the revision that is missing', async () => {
    const store = storeOn();
    await schrijfRegister(store);
    fake.log.splice(1, 1); // motie-a revision 1
    expect((await store.verify()).problemen).toEqual([{ stream: 'motie-a', revision: 1, positie: fake.log[2].commit.toString(), reden: 'revisie 1 ontbreekt (de volgende is 2)' }]);
  });

  it('proves with an anchor from before that the history was rewritten, even with every hash recomputed', async () => {
    const store = storeOn();
    await schrijfRegister(store);
    const anker = (await store.verify()).kop!;
    // The attacker changes motie-a revision 1 and recomputes the stream hashes after it.
    vervang(1, (data) => (data.waarde = 2));
    let vorige = stored(fake.log[0])[STREAM_HASH] as string;
    for (const i of [1, 3]) {
      vervang(i, (data, meta) => {
        const r = fake.log[i];
        const { [STREAM_HASH]: _oud, ...rest } = meta;
        vorige = eventHash(vorige, { stream: r.streamId, revision: Number(r.revision), eventId: r.id, type: r.type, data, metadata: rest });
        meta[STREAM_HASH] = vorige;
      });
    }
    const rapport = await store.verify(undefined, anker);
    expect(rapport.problemen).toEqual([]);
    expect(rapport.anker).toEqual({ anker, voortgezet: false, reden: `het 5e event (positie ${anker.positie} in het anker) heeft niet meer de schakel van het anker: de geschiedenis tot daar is herschreven` });
  });

  it('holds an anchor when the log was only extended after it, and notices events removed at the end', async () => {
    const store = storeOn();
    await schrijfRegister(store);
    const anker: Anker = (await store.verify()).kop!;
    await store.appendToStream('motie-c', [event()], 'no-stream');
    expect(await store.verify(undefined, anker)).toMatchObject({ events: 6, problemen: [], anker: { anker, voortgezet: true } });
    fake.log.splice(3, 3);
    expect((await store.verify(undefined, anker)).anker).toEqual({ anker, voortgezet: false, reden: 'het log heeft 3 events, minder dan de 5 van het anker: er zijn events aan het eind verwijderd' });
  });

  it('reports events without a hash (written before the chain) and events that are no longer JSON, instead of stopping', async () => {
    const store = storeOn();
    const id = randomUUID();
    fake.appendRaw('motie-oud', [{ id, type: 'Oud', data: '{"waarde":1}', metadata: JSON.stringify(metadata(id)) }]);
    await store.appendToStream('motie-a', [event(), event()], 'no-stream');
    fake.log[2] = { ...fake.log[2], data: Buffer.from('{"waarde": 1') };
    const rapport = await store.verify();
    expect(rapport.problemen).toEqual([
      { stream: 'motie-oud', revision: 0, positie: fake.log[0].commit.toString(), reden: 'het event heeft geen hash' },
      { stream: 'motie-a', revision: 1, positie: fake.log[2].commit.toString(), reden: 'de inhoud is geen geldige JSON meer' },
    ]);
    expect(rapport.events).toBe(3);
  });

  it('continues the chain of a stream after an event written before it, from the start again', async () => {
    const store = storeOn();
    const id = randomUUID();
    fake.appendRaw('motie-oud', [{ id, type: 'Oud', data: '{"waarde":1}', metadata: JSON.stringify(metadata(id)) }]);
    const e = event();
    await store.appendToStream('motie-oud', [e], 0);
    expect(stored(fake.log[1])[STREAM_HASH]).toBe(eventHash(GENESIS, { stream: 'motie-oud', revision: 1, ...e }));
  });
});

async function collectAll(store: KurrentDbEventStore) {
  const all = [];
  for await (const batch of store.readAll(-1n)) all.push(...batch);
  return all;
}
