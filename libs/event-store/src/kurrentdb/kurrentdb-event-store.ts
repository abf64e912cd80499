import { BACKWARDS, END, FORWARDS, KurrentDBClient, START, StreamNotFoundError, eventTypeFilter, excludeSystemEvents, jsonEvent } from '@kurrent/kurrentdb-client';
import { AppendResult, EventStore, ExpectedRevision, NewEvent, ReadStreamResult, StoredEvent, Subscription, SubscriptionHandler } from '../event-store.port';
import { appendError, appendOutcome, streamState } from './append-outcome';
import { CommitBatcher } from './commit-batcher';
import { checkpointOf, isAfter, positionOf, resumeFrom } from './log-position';
import { toLoggedEvent } from './recorded-event';
import { feedSubscriber } from './subscription-feed';

/**
 * EventStoreDB / KurrentDB through the official client. Accepts `esdb://` and `kurrentdb://`
 * connection strings (the client understands both schemes).
 *
 * Global position = the event's commit position (see log-position.ts for what commit and prepare
 * are). Every event appended through gRPC is a commit of its own; only the events of a legacy
 * explicit transaction share one. Batches from readAll and the subscription end where a commit is
 * complete (CommitBatcher), so a checkpoint at a commit position never leaves part of one unread.
 * Events that are not JSON objects stop a read with UnreadableEventError instead of being skipped.
 */
export class KurrentDbEventStore implements EventStore {
  readonly name = 'kurrentdb';
  private readonly client: KurrentDBClient;

  constructor(connectionString: string) {
    this.client = KurrentDBClient.connectionString(connectionString);
  }

  async appendToStream(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('Er is niets om toe te voegen.');
    let outcome: ReturnType<typeof appendOutcome>;
    try {
      const result = await this.client.appendToStream(
        stream,
        events.map((e) => jsonEvent({ id: e.eventId, type: e.type, data: e.data, metadata: e.metadata as unknown as Record<string, unknown> })),
        { streamState: streamState(expected) },
      );
      outcome = appendOutcome(stream, expected, result);
    } catch (error) {
      throw appendError(stream, expected, error);
    }
    // Without a position from the server, the last event's own: never a made-up -1.
    const position = outcome.commit ?? (await this.lastPositionOf(stream));
    return { nextRevision: outcome.nextRevision, position };
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

  async close(): Promise<void> {
    await this.client.dispose();
  }

  private async lastPositionOf(stream: string): Promise<bigint> {
    for await (const resolved of this.client.readStream(stream, { fromRevision: END, direction: BACKWARDS, maxCount: 1 })) return checkpointOf(positionOf(resolved));
    throw new Error(`De server bevestigde het toevoegen aan ${stream} zonder positie, en de stream is leeg.`);
  }
}
