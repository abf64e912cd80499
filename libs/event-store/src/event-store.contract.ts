import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError, StreamRevisionConflictError } from './event-store.errors';
import { EventStore, NewEvent, StoredEvent } from './event-store.port';

/**
 * What one run of the contract writes under: its streams are in the category `contract<run>`, and its
 * event types start with `Contract<run>.` (no `_` or `%`: the embedded store drops those from a type prefix). Against a shared server nothing it writes lands in a
 * category the application projects or has a type a projection handles (no `MotieGeregistreerd`
 * in the register), and two runs never see each other's events.
 */
export function contractNamespace(run: string = randomUUID().replace(/-/g, '').slice(0, 12)) {
  return {
    category: `contract${run}`,
    typePrefix: `Contract${run}.`,
    stream: () => `contract${run}-${randomUUID()}`,
    type: (name: string) => `Contract${run}.${name}`,
  };
}

/**
 * The behaviour every EventStore adapter must show (after emmett's shared eventStore features).
 * Streams are unique per test, reads of the whole log start at the head seen before the test, and
 * every stream and event type is in the run's own namespace (contractNamespace), so the suite also
 * runs against a shared EventStoreDB server that holds other data, without writing into it.
 */
export function eventStoreContract(name: string, create: () => Promise<EventStore>, cleanup?: () => Promise<void>, namespace = contractNamespace()) {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;

    beforeEach(async () => {
      store = await create();
    });

    afterEach(async () => {
      await store.close();
      await cleanup?.();
    });

    const stream = namespace.stream;
    const t = namespace.type;
    const event = (type = t('IetsGebeurd'), data: Record<string, unknown> = { waarde: 1 }): NewEvent => {
      const eventId = randomUUID();
      return {
        eventId,
        type,
        data,
        metadata: { eventId, commandId: randomUUID(), correlationId: 'c-1', causationId: 'c-1', actor: 'griffier@test', recordedAt: '2025-06-20T09:00:00.000Z', schemaVersion: 1 },
      };
    };

    it('creates a stream with no-stream and answers revision 0', async () => {
      const s = stream();
      const result = await store.appendToStream(s, [event()], 'no-stream');
      expect(result.nextRevision).toBe(0);
      expect(result.position).toBeGreaterThanOrEqual(0n);
    });

    it('refuses no-stream on a stream that exists', async () => {
      const s = stream();
      await store.appendToStream(s, [event()], 'no-stream');
      await expect(store.appendToStream(s, [event()], 'no-stream')).rejects.toBeInstanceOf(StreamRevisionConflictError);
      expect((await store.readStream(s)).events).toHaveLength(1);
    });

    it('appends at the expected revision and refuses a stale one', async () => {
      const s = stream();
      await store.appendToStream(s, [event(), event()], 'no-stream');
      const result = await store.appendToStream(s, [event()], 1);
      expect(result.nextRevision).toBe(2);
      await expect(store.appendToStream(s, [event()], 1)).rejects.toBeInstanceOf(StreamRevisionConflictError);
      expect((await store.readStream(s)).revision).toBe(2);
    });

    it('refuses an expected revision on a stream that does not exist', async () => {
      await expect(store.appendToStream(stream(), [event()], 0)).rejects.toBeInstanceOf(StreamRevisionConflictError);
    });

    it('appends without a check when asked for any', async () => {
      const s = stream();
      await store.appendToStream(s, [event()], 'any');
      await store.appendToStream(s, [event()], 'any');
      expect((await store.readStream(s)).revision).toBe(1);
    });

    it('reads a missing stream as revision -1 and no events', async () => {
      expect(await store.readStream(stream())).toEqual({ revision: -1, events: [] });
    });

    it('reads a stream back in order with type, data and metadata intact', async () => {
      const s = stream();
      const written = [event(t('MotieGeregistreerd'), { nummer: '29628-1230', leden: [{ naam: 'Boswijk', fractie: 'CDA' }] }), event(t('MotieAfgedaan'), { datum: '2025-06-20' })];
      await store.appendToStream(s, written, 'no-stream');
      const { revision, events } = await store.readStream(s);
      expect(revision).toBe(1);
      expect(events.map((e) => [e.stream, e.revision, e.eventId, e.type, e.data, e.metadata])).toEqual(
        written.map((w, i) => [s, i, w.eventId, w.type, w.data, w.metadata]),
      );
    });

    it('keeps unicode and long texts exactly', async () => {
      const s = stream();
      const tekst = 'Motie inzake camera’s met gezichtsherkenning — “Den Haag” ë ï é 🇳🇱 '.repeat(500);
      await store.appendToStream(s, [event(t('T'), { tekst })], 'no-stream');
      expect((await store.readStream(s)).events[0].data).toEqual({ tekst });
    });

    it('reads the whole log after a position, in commit order with increasing positions', async () => {
      const head = await store.headPosition();
      const a = stream();
      const b = stream();
      const written = [event(), event(), event(), event()];
      await store.appendToStream(a, [written[0]], 'no-stream');
      await store.appendToStream(b, [written[1]], 'no-stream');
      await store.appendToStream(a, [written[2], written[3]], 0);
      const read = await collect(store.readAll(head, 2));
      const ours = read.filter((e) => e.stream === a || e.stream === b);
      expect(ours.map((e) => e.eventId)).toEqual(written.map((w) => w.eventId));
      for (let i = 1; i < read.length; i++) expect(read[i].position >= read[i - 1].position).toBe(true);
      const fromSecond = await collect(store.readAll(ours[1].position));
      expect(fromSecond.map((e) => e.eventId)).not.toContain(written[0].eventId);
      expect(fromSecond.map((e) => e.eventId)).not.toContain(written[1].eventId);
      expect(fromSecond.map((e) => e.eventId)).toEqual(expect.arrayContaining([written[2].eventId, written[3].eventId]));
    });

    it('reads only the event types asked for', async () => {
      const head = await store.headPosition();
      const s = stream();
      await store.appendToStream(s, [event(t('MotieGeregistreerd')), event(t('HalfjaarberichtVerzonden')), event(t('MotieAfgedaan'))], 'no-stream');
      const read = (await collect(store.readAll(head, 10, [t('Halfjaarbericht')]))).filter((e) => e.stream === s);
      expect(read.map((e) => e.type)).toEqual([t('HalfjaarberichtVerzonden')]);
    });

    it('gives each event of one append its own position and answers with the last one', async () => {
      const s = stream();
      const written = [event(), event(), event()];
      const { position } = await store.appendToStream(s, written, 'no-stream');
      const { events } = await store.readStream(s);
      expect(new Set(events.map((e) => e.position)).size).toBe(3);
      for (let i = 1; i < events.length; i++) expect(events[i].position > events[i - 1].position).toBe(true);
      expect(position).toBe(events[2].position);
    });

    it('moves the head position forward with every append', async () => {
      const before = await store.headPosition();
      const { position } = await store.appendToStream(stream(), [event()], 'no-stream');
      expect(position > before).toBe(true);
      expect(await store.headPosition()).toBe(position);
    });

    it('never stores an event id twice', async () => {
      const s = stream();
      const e = event();
      await store.appendToStream(s, [e], 'no-stream');
      // EventStoreDB answers an identical retry idempotently; the embedded store refuses it. Neither doubles it.
      await store.appendToStream(s, [e], 'no-stream').catch((error) => {
        expect([DuplicateEventIdError, StreamRevisionConflictError].some((c) => error instanceof c)).toBe(true);
      });
      expect((await store.readStream(s)).events).toHaveLength(1);
    });

    it('lets exactly one of two concurrent writers at the same revision win', async () => {
      const s = stream();
      await store.appendToStream(s, [event()], 'no-stream');
      const results = await Promise.allSettled([store.appendToStream(s, [event()], 0), store.appendToStream(s, [event()], 0)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(StreamRevisionConflictError);
      expect((await store.readStream(s)).revision).toBe(1);
    });

    it('keeps concurrent appends to many streams apart: a conflict in one undoes only that one', async () => {
      const streams = Array.from({ length: 20 }, () => stream());
      const contested = stream();
      await store.appendToStream(contested, [event()], 'no-stream');
      const results = await Promise.allSettled([
        ...streams.map((s, i) => store.appendToStream(s, [event(t('Een'), { i }), event(t('Twee'), { i })], 'no-stream')),
        store.appendToStream(contested, [event()], 5), // stale: the stream is at 0
        store.appendToStream(streams[3], [event()], 'no-stream'), // the same stream twice: the second finds it created
      ]);
      expect(results.slice(0, 20).every((r) => r.status === 'fulfilled' && r.value.nextRevision === 1)).toBe(true);
      expect(results.slice(20).map((r) => (r.status === 'rejected' ? r.reason.constructor : r.status))).toEqual([StreamRevisionConflictError, StreamRevisionConflictError]);
      for (const [i, s] of streams.entries()) expect((await store.readStream(s)).events.map((e) => [e.type, e.data])).toEqual([[t('Een'), { i }], [t('Twee'), { i }]]);
      expect((await store.readStream(contested)).revision).toBe(0);
      const positions = results.slice(0, 20).map((r) => (r as PromiseFulfilledResult<{ position: bigint }>).value.position);
      expect(new Set(positions).size).toBe(20);
    });

    it('subscribes: catches up on what exists, says so, then follows new events live', async () => {
      const head = await store.headPosition();
      const s = stream();
      const first = event();
      const second = event();
      await store.appendToStream(s, [first], 'no-stream');
      const seen: StoredEvent[] = [];
      let caughtUp!: () => void;
      const caughtUpPromise = new Promise<void>((resolve) => (caughtUp = resolve));
      const subscription = store.subscribeToAll(head, {
        onEvents: async (events) => void seen.push(...events.filter((e) => e.stream === s)),
        onCaughtUp: () => caughtUp(),
      });
      try {
        await caughtUpPromise;
        expect(seen.map((e) => e.eventId)).toEqual([first.eventId]);
        await store.appendToStream(s, [second], 0);
        await waitFor(() => seen.length === 2);
        expect(seen.map((e) => e.eventId)).toEqual([first.eventId, second.eventId]);
      } finally {
        await subscription.close();
      }
    });
  });
}

async function collect(iterable: AsyncIterable<StoredEvent[]>): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for await (const batch of iterable) all.push(...batch);
  return all;
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the subscription');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
