import { randomUUID } from 'node:crypto';
import { AccessDeniedError, KurrentDBClient, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { eventStoreContract } from '../event-store.contract';
import { StreamRevisionConflictError } from '../event-store.errors';
import { EventStore, NewEvent, StoredEvent } from '../event-store.port';
import { FakeKurrentDb, FakeOptions, RawEvent } from './fake-kurrentdb.spec';
import { KurrentDbEventStore } from './kurrentdb-event-store';

/**
 * The adapter behind the real client's own conversion code, fed what a server sends (see
 * fake-kurrentdb.spec.ts for which client and server source each answer follows). Only the wire is
 * a stand-in; these specs say nothing about a real server's timing, TLS, clustering or limits.
 */
let fake: FakeKurrentDb;

function storeOn(options: FakeOptions = {}): EventStore {
  fake = new FakeKurrentDb(options);
  jest.spyOn(KurrentDBClient, 'connectionString').mockReturnValue(fake as unknown as KurrentDBClient);
  return new KurrentDbEventStore('kurrentdb://fake:2113?tls=false');
}

afterEach(() => jest.restoreAllMocks());

const metadata = (eventId: string) => ({ eventId, commandId: 'cmd-1', correlationId: 'c-1', causationId: 'c-1', actor: 'griffier@test', recordedAt: '2025-06-20T09:00:00.000Z', schemaVersion: 1 });
const raw = (type: string, data: unknown = { waarde: 1 }): RawEvent => {
  const id = randomUUID();
  return { id, type, data: JSON.stringify(data), metadata: JSON.stringify(metadata(id)) };
};
const newEvent = (type = 'IetsGebeurd'): NewEvent => {
  const eventId = randomUUID();
  return { eventId, type, data: { waarde: 1 }, metadata: metadata(eventId) };
};

describe('KurrentDB adapter: caught-up after the events before it are handled', () => {
  it('signals caught-up only once every event read before the server said so has been handled', async () => {
    const store = storeOn();
    fake.appendRaw('motie-1', [raw('A'), raw('B'), raw('C')]);
    const seen: string[] = [];
    const atCaughtUp: { seen: string[]; position: bigint }[] = [];
    let caughtUp!: () => void;
    const caughtUpPromise = new Promise<void>((resolve) => (caughtUp = resolve));
    const subscription = store.subscribeToAll(-1n, {
      onEvents: async (events) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        seen.push(...events.map((e) => e.type));
      },
      onCaughtUp: (position) => {
        atCaughtUp.push({ seen: [...seen], position });
        caughtUp();
      },
    });
    try {
      await caughtUpPromise;
      expect(atCaughtUp).toEqual([{ seen: ['A', 'B', 'C'], position: fake.log[2].commit }]);
      fake.appendRaw('motie-1', [raw('D')]);
      await waitFor(() => seen.length === 4);
      expect(seen).toEqual(['A', 'B', 'C', 'D']);
      expect(atCaughtUp).toHaveLength(1);
    } finally {
      await subscription.close();
    }
  });

  it('is caught up at once, at its start position, when nothing follows it', async () => {
    const store = storeOn();
    const [only] = fake.appendRaw('motie-1', [raw('A')]);
    const handled: StoredEvent[] = [];
    const position = await new Promise<bigint>((resolve) => {
      const subscription = store.subscribeToAll(only.commit, { onEvents: async (e) => void handled.push(...e), onCaughtUp: (p) => void subscription.close().then(() => resolve(p)) });
    });
    expect({ position, handled }).toEqual({ position: only.commit, handled: [] });
  });
});

describe('KurrentDB adapter: positions, both commit and prepare', () => {
  it('gives each event of one append its own position: commit and prepare are both its offset', async () => {
    const store = storeOn();
    const { position } = await store.appendToStream('motie-1', [newEvent(), newEvent(), newEvent()], 'no-stream');
    const { events } = await store.readStream('motie-1');
    expect(events.map((e) => e.position)).toEqual(fake.log.map((r) => r.prepare));
    expect(fake.log.every((r) => r.commit === r.prepare)).toBe(true);
    expect(position).toBe(events[2].position);
  });

  it('reads a legacy transaction at its commit position, its events in prepare order', async () => {
    const store = storeOn();
    const legacy = fake.appendLegacyTransaction('motie-oud', [raw('Een'), raw('Twee')]);
    const [later] = fake.appendRaw('motie-1', [raw('Drie')]);
    const read = await collect(store.readAll(-1n));
    expect(read.map((e) => [e.type, e.position])).toEqual([
      ['Een', legacy[0].commit],
      ['Twee', legacy[0].commit],
      ['Drie', later.commit],
    ]);
    expect(legacy[0].prepare < legacy[1].prepare && legacy[1].prepare < legacy[0].commit).toBe(true);
  });

  it('goes on after a checkpoint at a legacy commit without handing its events again', async () => {
    const store = storeOn();
    const legacy = fake.appendLegacyTransaction('motie-oud', [raw('Een'), raw('Twee')]);
    fake.appendRaw('motie-1', [raw('Drie')]);
    expect((await collect(store.readAll(legacy[0].commit))).map((e) => e.type)).toEqual(['Drie']);
    const seen: string[] = [];
    await new Promise<void>((resolve) => {
      const subscription = store.subscribeToAll(legacy[0].commit, { onEvents: async (e) => void seen.push(...e.map((x) => x.type)), onCaughtUp: () => void subscription.close().then(resolve) });
    });
    expect(seen).toEqual(['Drie']);
  });

  it('refuses events the server sent without a position instead of calling their position -1', async () => {
    const store = storeOn({ positionsOnStreamReads: false });
    fake.appendRaw('motie-1', [raw('A')]);
    await expect(store.readStream('motie-1')).rejects.toThrow(/zonder positie/);
  });

  it('answers an append the server confirmed without a position with the last event’s own position', async () => {
    const store = storeOn({ positionOnAppend: false });
    const result = await store.appendToStream('motie-1', [newEvent(), newEvent()], 'no-stream');
    expect(result).toEqual({ nextRevision: 1, position: fake.log[1].commit });
  });
});

describe('KurrentDB adapter: batches end where a commit is complete', () => {
  it('never splits a legacy transaction over two batches of the subscription, however the server pages it', async () => {
    const store = storeOn({ catchUpPage: 1 });
    fake.appendRaw('motie-1', [raw('A')]);
    fake.appendLegacyTransaction('motie-oud', [raw('L1'), raw('L2'), raw('L3')]);
    fake.appendRaw('motie-1', [raw('B')]);
    fake.appendLegacyTransaction('motie-oud', [raw('M1'), raw('M2')]);
    const batches: StoredEvent[][] = [];
    let caughtUp!: () => void;
    const done = new Promise<void>((resolve) => (caughtUp = resolve));
    const subscription = store.subscribeToAll(-1n, { onEvents: async (e) => void batches.push(e), onCaughtUp: () => caughtUp() });
    try {
      await done;
      expect(batches.flat().map((e) => e.type)).toEqual(['A', 'L1', 'L2', 'L3', 'B', 'M1', 'M2']);
      for (let i = 1; i < batches.length; i++) expect(batches[i][0].position).not.toBe(batches[i - 1][batches[i - 1].length - 1].position);
    } finally {
      await subscription.close();
    }
  });

  it('ends readAll batches only between commits', async () => {
    const store = storeOn();
    fake.appendLegacyTransaction('motie-oud', [raw('L1'), raw('L2'), raw('L3')]);
    fake.appendRaw('motie-1', [raw('A'), raw('B'), raw('C')]);
    const batches: StoredEvent[][] = [];
    for await (const batch of store.readAll(-1n, 2)) batches.push(batch);
    expect(batches.flat().map((e) => e.type)).toEqual(['L1', 'L2', 'L3', 'A', 'B', 'C']);
    for (let i = 1; i < batches.length; i++) expect(batches[i][0].position).not.toBe(batches[i - 1][batches[i - 1].length - 1].position);
  });
});

describe('KurrentDB adapter: lag in events', () => {
  it('counts the events after a checkpoint, not the bytes of log between two positions', async () => {
    const store = storeOn();
    const records = fake.appendRaw('motie-1', [raw('A'), raw('B'), raw('C'), raw('D'), raw('E')]);
    const checkpoint = records[1].commit;
    const head = await store.headPosition();
    expect(head - checkpoint).toBeGreaterThan(3n);
    expect(await store.eventsAfter?.(checkpoint)).toBe(3);
    expect(await store.eventsAfter?.(head)).toBe(0);
    expect(await store.eventsAfter?.(-1n, 2)).toBe(2);
  });
});

describe('KurrentDB adapter: events that are not JSON are not skipped', () => {
  it('refuses to read a stream with a binary event in it, naming the event', async () => {
    const store = storeOn();
    fake.appendRaw('motie-1', [raw('A'), { type: 'Bijlage', data: new Uint8Array([0xff, 0x00]), contentType: 'application/octet-stream' }, raw('C')]);
    await expect(store.readStream('motie-1')).rejects.toThrow(/Event 1 van stream motie-1 .* onleesbaar: het is geen JSON/);
  });

  it('refuses an event whose JSON data does not parse, or that has no metadata', async () => {
    const store = storeOn();
    fake.appendRaw('motie-1', [{ type: 'A', data: '{"waarde": 1', metadata: JSON.stringify(metadata('x')) }]);
    await expect(store.readStream('motie-1')).rejects.toThrow(/de data is geen geldige JSON/);
    fake.appendRaw('motie-2', [{ type: 'A', data: '{"waarde": 1}' }]);
    await expect(store.readStream('motie-2')).rejects.toThrow(/het heeft geen metadata/);
  });

  it('stops readAll and the subscription at such an event with an error', async () => {
    const store = storeOn();
    fake.appendRaw('motie-1', [raw('A'), { type: 'Bijlage', data: new Uint8Array([1, 2, 3]), contentType: 'application/octet-stream' }, raw('C')]);
    await expect(collect(store.readAll(-1n))).rejects.toThrow(/onleesbaar/);
    const seen: string[] = [];
    let caughtUp = false;
    const error = await new Promise<unknown>((resolve) => {
      const subscription = store.subscribeToAll(-1n, { onEvents: async (e) => void seen.push(...e.map((x) => x.type)), onCaughtUp: () => (caughtUp = true), onError: (e) => void subscription.close().then(() => resolve(e)) });
    });
    expect({ message: (error as Error).message, seen, caughtUp }).toEqual({ message: expect.stringMatching(/Event 1 van stream motie-1 .* onleesbaar/), seen: ['A'], caughtUp: false });
  });
});

describe('KurrentDB adapter: append errors', () => {
  it('reports a stale revision as a conflict also when the connection string says throwOnAppendFailure=false', async () => {
    const store = storeOn({ throwOnAppendFailure: false });
    await store.appendToStream('motie-1', [newEvent()], 'no-stream');
    await expect(store.appendToStream('motie-1', [newEvent()], 'no-stream')).rejects.toBeInstanceOf(StreamRevisionConflictError);
    await expect(store.appendToStream('motie-1', [newEvent()], 5)).rejects.toBeInstanceOf(StreamRevisionConflictError);
    expect(fake.log).toHaveLength(1);
  });

  it('maps the client’s WrongExpectedVersionError to a conflict with the actual revision', async () => {
    const store = storeOn();
    await store.appendToStream('motie-1', [newEvent(), newEvent()], 'no-stream');
    await expect(store.appendToStream('motie-1', [newEvent()], 0)).rejects.toMatchObject({ name: 'StreamRevisionConflictError', stream: 'motie-1', expected: '0', actual: 1 });
    await expect(store.appendToStream('motie-2', [newEvent()], 3)).rejects.toMatchObject({ name: 'StreamRevisionConflictError', actual: -1 });
    expect(new WrongExpectedVersionError(null as never, { streamName: 's', current: 'no_stream', expected: 0n } as never).actualState).toBe('no_stream');
  });

  it('passes other failures on unchanged and refuses an empty append as the embedded store does', async () => {
    const store = storeOn();
    const denied = new AccessDeniedError();
    jest.spyOn(fake, 'appendToStream').mockRejectedValueOnce(denied);
    await expect(store.appendToStream('motie-1', [newEvent()], 'any')).rejects.toBe(denied);
    await expect(store.appendToStream('motie-1', [], 'any')).rejects.toThrow('Er is niets om toe te voegen.');
  });
});

eventStoreContract('KurrentDB adapter on the stand-in server', async () => storeOn());

async function collect(iterable: AsyncIterable<StoredEvent[]>): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for await (const batch of iterable) all.push(...batch);
  return all;
}

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
