import {
  ANY,
  AllStreamResolvedEvent,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
} from '@kurrent/kurrentdb-client';
import { StreamRevisionConflictError } from '../event-store.errors';
import {
  AppendResult,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadStreamResult,
  StoredEvent,
  Subscription,
  SubscriptionHandler,
} from '../event-store.port';

/**
 * EventStoreDB / KurrentDB through the official client. Accepts `esdb://` and `kurrentdb://`
 * connection strings (the client understands both schemes).
 *
 * Global position = the event's commit position. Events appended together share a commit position,
 * so batches handed out by readAll and the subscription always end on a commit boundary: a
 * checkpoint at a commit position then never leaves half a commit unread.
 */
export class KurrentDbEventStore implements EventStore {
  readonly name = 'kurrentdb';
  private readonly client: KurrentDBClient;

  constructor(connectionString: string) {
    this.client = KurrentDBClient.connectionString(connectionString);
  }

  async appendToStream(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const streamState = expected === 'no-stream' ? NO_STREAM : expected === 'any' ? ANY : BigInt(expected);
    try {
      const result = await this.client.appendToStream(
        stream,
        events.map((e) => jsonEvent({ id: e.eventId, type: e.type, data: e.data, metadata: e.metadata as unknown as Record<string, unknown> })),
        { streamState },
      );
      return { nextRevision: Number(result.nextExpectedRevision), position: result.position?.commit ?? -1n };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = typeof error.actualState === 'bigint' ? Number(error.actualState) : -1;
        throw new StreamRevisionConflictError(stream, String(expected), actual);
      }
      throw error;
    }
  }

  async readStream(stream: string): Promise<ReadStreamResult> {
    const events: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, { fromRevision: START, direction: FORWARDS })) {
        const stored = toStoredEvent(resolved as AllStreamResolvedEvent);
        if (stored) events.push(stored);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { revision: -1, events: [] };
      throw error;
    }
    return { revision: events.length === 0 ? -1 : events[events.length - 1].revision, events };
  }

  async *readAll(from: bigint, batchSize = 1000, typePrefixes?: readonly string[]): AsyncIterable<StoredEvent[]> {
    const fromPosition = from < 0n ? START : { commit: from, prepare: from };
    let batch: StoredEvent[] = [];
    const filter = typePrefixes?.length ? eventTypeFilter({ prefixes: [...typePrefixes] }) : excludeSystemEvents();
    for await (const resolved of this.client.readAll({ fromPosition, direction: FORWARDS, filter })) {
      const stored = toStoredEvent(resolved);
      if (!stored || stored.position <= from) continue;
      if (batch.length >= batchSize && batch[batch.length - 1].position !== stored.position) {
        yield batch;
        batch = [];
      }
      batch.push(stored);
    }
    if (batch.length > 0) yield batch;
  }

  subscribeToAll(from: bigint, handler: SubscriptionHandler): Subscription {
    const fromPosition = from < 0n ? START : { commit: from, prepare: from };
    const subscription = this.client.subscribeToAll({ fromPosition, filter: excludeSystemEvents() });
    let closed = false;
    let last = from;
    subscription.on('caughtUp', () => handler.onCaughtUp?.(last));

    const running = (async () => {
      let pending: StoredEvent[] = [];
      for await (const resolved of subscription) {
        const stored = toStoredEvent(resolved);
        if (!stored || stored.position <= from) continue;
        // A new commit position means the previous commit is complete: hand it over.
        if (pending.length > 0 && pending[pending.length - 1].position !== stored.position) {
          await handler.onEvents(pending);
          last = pending[pending.length - 1].position;
          pending = [];
        }
        pending.push(stored);
        if (subscription.readableLength === 0) {
          await handler.onEvents(pending);
          last = stored.position;
          pending = [];
        }
      }
    })().catch((error) => {
      if (!closed) handler.onError?.(error);
    });

    return {
      close: async () => {
        closed = true;
        await subscription.unsubscribe();
        await running;
      },
    };
  }

  async headPosition(): Promise<bigint> {
    for await (const resolved of this.client.readAll({ fromPosition: 'end', direction: 'backwards', maxCount: 1, filter: excludeSystemEvents() })) {
      return resolved.event?.position?.commit ?? -1n;
    }
    return -1n;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

function toStoredEvent(resolved: AllStreamResolvedEvent): StoredEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson) return undefined;
  return {
    eventId: event.id,
    stream: event.streamId,
    revision: Number(event.revision),
    position: event.position?.commit ?? resolved.commitPosition ?? -1n,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: event.metadata as unknown as EventMetadata,
  };
}
