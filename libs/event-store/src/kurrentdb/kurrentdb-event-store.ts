import { BACKWARDS, END, FORWARDS, KurrentDBClient, START, StreamNotFoundError, eventTypeFilter, excludeSystemEvents, jsonEvent } from '@kurrent/kurrentdb-client';
import { StreamRevisionConflictError } from '../event-store.errors';
import { AppendResult, EventStore, ExpectedRevision, NewEvent, ReadStreamResult, StoredEvent, Subscription, SubscriptionHandler } from '../event-store.port';
import { Anker, GENESIS, Ketencontrole, VerificationReport, eventHash } from '../hash-chain';
import { appendError, appendOutcome, streamState } from './append-outcome';
import { CommitBatcher } from './commit-batcher';
import { checkpointOf, isAfter, positionOf, resumeFrom } from './log-position';
import { toLoggedEvent } from './recorded-event';
import { chainedEventOf, hashOf, metadataWithHash } from './stream-hash';
import { feedSubscriber } from './subscription-feed';

/** How often an append with `any` reads the stream's end again when another writer got there first. */
const ANY_ATTEMPTS = 10;

/**
 * EventStoreDB / KurrentDB through the official client. Accepts `esdb://` and `kurrentdb://`
 * connection strings (the client understands both schemes).
 *
 * Global position = the event's commit position (see log-position.ts for what commit and prepare
 * are). Every event appended through gRPC is a commit of its own; only the events of a legacy
 * explicit transaction share one. Batches from readAll and the subscription end where a commit is
 * complete (CommitBatcher), so a checkpoint at a commit position never leaves part of one unread.
 * Events that are not JSON objects stop a read with UnreadableEventError instead of being skipped.
 * Each event carries its stream hash in its metadata (stream-hash.ts), so `verify` works here too.
 */
export class KurrentDbEventStore implements EventStore {
  readonly name = 'kurrentdb';
  private readonly client: KurrentDBClient;

  constructor(connectionString: string) {
    this.client = KurrentDBClient.connectionString(connectionString);
  }

  /**
   * Each event carries its stream hash in its metadata (stream-hash.ts), chained from the previous
   * event of its stream: for an expected revision n the hash of the event at n is read first; for
   * `no-stream` the chain starts at GENESIS. `any` appends at the revision it found at the end of the
   * stream, so that the chain it computed is the one the server accepts, and reads the end again
   * when another writer appended in between: it still never fails for a revision.
   */
  async appendToStream(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('Er is niets om toe te voegen.');
    if (expected !== 'any') return this.appendChained(stream, events, expected, await this.previousHash(stream, expected));
    for (let attempt = 1; ; attempt++) {
      const end = await this.streamEnd(stream);
      // An identical retry of an append that was written: answered as the server answers one.
      if (end && end.eventId === events[events.length - 1].eventId) return { nextRevision: end.revision, position: await this.lastPositionOf(stream) };
      try {
        return await this.appendChained(stream, events, end ? end.revision : 'no-stream', end?.hash ?? GENESIS);
      } catch (error) {
        if (!(error instanceof StreamRevisionConflictError) || attempt >= ANY_ATTEMPTS) throw error;
      }
    }
  }

  private async appendChained(stream: string, events: NewEvent[], expected: 'no-stream' | number, previous: string): Promise<AppendResult> {
    let revision = expected === 'no-stream' ? -1 : expected;
    let hash = previous;
    const chained = events.map((e) => {
      hash = eventHash(hash, { stream, revision: ++revision, eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata });
      return jsonEvent({ id: e.eventId, type: e.type, data: e.data, metadata: metadataWithHash(e.metadata, hash) });
    });
    let outcome: ReturnType<typeof appendOutcome>;
    try {
      const result = await this.client.appendToStream(stream, chained, { streamState: streamState(expected) });
      outcome = appendOutcome(stream, expected, result);
    } catch (error) {
      throw appendError(stream, expected, error);
    }
    // Without a position from the server, the last event's own: never a made-up -1.
    const position = outcome.commit ?? (await this.lastPositionOf(stream));
    return { nextRevision: outcome.nextRevision, position };
  }

  /** The hash the chain continues from for an append at `expected`; a conflict when the stream is not there. */
  private async previousHash(stream: string, expected: 'no-stream' | number): Promise<string> {
    if (expected === 'no-stream') return GENESIS;
    try {
      for await (const resolved of this.client.readStream(stream, { fromRevision: BigInt(expected), direction: FORWARDS, maxCount: 1 })) {
        if (resolved.event && Number(resolved.event.revision) === expected) return hashOf(resolved) ?? GENESIS;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    // The stream ends before `expected` (or does not exist): the server would refuse the append too.
    throw new StreamRevisionConflictError(stream, String(expected), (await this.streamEnd(stream))?.revision ?? -1);
  }

  /** The last event of a stream: revision, id and stream hash; undefined when there is none. */
  private async streamEnd(stream: string): Promise<{ revision: number; eventId: string; hash: string | null } | undefined> {
    try {
      for await (const resolved of this.client.readStream(stream, { fromRevision: END, direction: BACKWARDS, maxCount: 1 })) {
        if (resolved.event) return { revision: Number(resolved.event.revision), eventId: resolved.event.id, hash: hashOf(resolved) };
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return undefined;
  }

  async readStream(stream: string): Promise<ReadStreamResult> {
    const events: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, { fromRevision: START, direction: FORWARDS })) events.push(toLoggedEvent(resolved).stored);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { revision: -1, events: [] };
      throw error;
    }
    return { revision: events.length === 0 ? -1 : events[events.length - 1].revision, events };
  }

  async *readAll(from: bigint, batchSize = 1000, typePrefixes?: readonly string[]): AsyncIterable<StoredEvent[]> {
    const filter = typePrefixes?.length ? eventTypeFilter({ prefixes: [...typePrefixes] }) : excludeSystemEvents();
    const batcher = new CommitBatcher();
    for await (const resolved of this.client.readAll({ fromPosition: resumeFrom(from), direction: FORWARDS, filter })) {
      const event = toLoggedEvent(resolved);
      if (!isAfter(event.log, from)) continue;
      batcher.add(event);
      if (batcher.size >= batchSize) {
        const batch = batcher.takeComplete();
        if (batch.length > 0) yield batch.map((e) => e.stored);
      }
    }
    const rest = batcher.takeAll();
    if (rest.length > 0) yield rest.map((e) => e.stored);
  }

  subscribeToAll(from: bigint, handler: SubscriptionHandler): Subscription {
    return feedSubscriber(this.client.subscribeToAll({ fromPosition: resumeFrom(from), filter: excludeSystemEvents() }), from, handler);
  }

  async headPosition(): Promise<bigint> {
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1, filter: excludeSystemEvents() })) {
      return checkpointOf(positionOf(resolved));
    }
    return -1n;
  }

  /**
   * How many events follow a checkpoint, counted up to `max`: the lag a health check reports in
   * events. Commit positions are byte offsets in the log, so their difference is no count.
   */
  async eventsAfter(checkpoint: bigint, max = 1000): Promise<number> {
    let count = 0;
    // One more than max: the read may start with the event at the checkpoint itself.
    for await (const resolved of this.client.readAll({ fromPosition: resumeFrom(checkpoint), direction: FORWARDS, maxCount: max + 1, filter: excludeSystemEvents() })) {
      if (isAfter(positionOf(resolved), checkpoint) && ++count >= max) break;
    }
    return count;
  }

  /**
   * Reads the whole log ($all, without system events) and checks every event against its stream's
   * hash chain: the first broken revision of each damaged stream, with its position. The log chain
   * is laid over the stored stream hashes in log order (it is not stored here, see stream-hash.ts):
   * its head is the report's anchor, and given an anchor, whether the log still extends it.
   * `totaal` in the progress is an estimate from the commit positions (byte offsets), exact at the end.
   */
  async verify(onProgress?: (events: number, totaal: number) => void, anker?: Anker): Promise<VerificationReport> {
    const controle = new Ketencontrole(anker, true);
    const head = await this.headPosition();
    let events = 0;
    for await (const resolved of this.client.readAll({ fromPosition: START, direction: FORWARDS, filter: excludeSystemEvents() })) {
      const event = chainedEventOf(resolved);
      controle.controleer(event);
      if (++events % 10_000 === 0) {
        const positie = BigInt(event.positie);
        onProgress?.(events, positie > 0n && head > positie ? Math.round(Number((BigInt(events) * head) / positie)) : events);
        // The check is CPU work between reads: let the server answer requests meanwhile.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (events > 0) onProgress?.(events, events);
    return controle.rapport();
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  private async lastPositionOf(stream: string): Promise<bigint> {
    for await (const resolved of this.client.readStream(stream, { fromRevision: END, direction: BACKWARDS, maxCount: 1 })) return checkpointOf(positionOf(resolved));
    throw new Error(`De server bevestigde het toevoegen aan ${stream} zonder positie, en de stream is leeg.`);
  }
}
