/**
 * The one port both adapters implement: the embedded SQLite store and EventStoreDB/KurrentDB.
 * Positions are bigint because EventStoreDB's commit positions are 64-bit.
 */

export interface EventMetadata {
  readonly eventId: string;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: string;
  /** The moment the event was recorded (ISO-8601 UTC), not the business date in its data. */
  readonly recordedAt: string;
  readonly schemaVersion: number;
  readonly [key: string]: unknown;
}

export interface NewEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
}

export interface StoredEvent<D = Record<string, unknown>> {
  readonly eventId: string;
  readonly stream: string;
  /** 0-based revision within the stream. */
  readonly revision: number;
  /** Global position in the log; strictly increasing in commit order. */
  readonly position: bigint;
  readonly type: string;
  readonly data: D;
  readonly metadata: EventMetadata;
}

/** `no-stream`: the stream must not exist. `any`: no check. A number: the stream's current revision. */
export type ExpectedRevision = 'no-stream' | 'any' | number;

export interface AppendResult {
  /** Revision of the last event written. */
  readonly nextRevision: number;
  readonly position: bigint;
}

export interface ReadStreamResult {
  /** -1 when the stream does not exist. */
  readonly revision: number;
  readonly events: StoredEvent[];
}

export interface Subscription {
  close(): Promise<void>;
}

export interface SubscriptionHandler {
  /** Called with batches in position order; the next batch waits until this one resolves. */
  onEvents(events: StoredEvent[]): Promise<void>;
  /** Called once the subscription has read everything that existed when it started. */
  onCaughtUp?(position: bigint): void;
  onError?(error: unknown): void;
}

export interface EventStore {
  readonly name: string;
  appendToStream(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  readStream(stream: string): Promise<ReadStreamResult>;
  /**
   * Events after `from` (exclusive; `-1n` for the start), oldest first, in batches. With
   * `typePrefixes`, only events whose type starts with one of them (the store filters, so a
   * projection that needs few event types does not parse the whole log).
   */
  readAll(from: bigint, batchSize?: number, typePrefixes?: readonly string[]): AsyncIterable<StoredEvent[]>;
  /** Reads everything after `from`, then follows new events as they are committed. */
  subscribeToAll(from: bigint, handler: SubscriptionHandler): Subscription;
  /**
   * Optional: every event of the streams in these categories with a position up to `upTo`, stream by
   * stream (each stream in revision order). Lets a per-stream projection rebuild write each row once.
   */
  readCategories?(categories: readonly string[], upTo: bigint, batchSize?: number): AsyncIterable<StoredEvent[]>;
  /**
   * Optional: check every stream's hash chain and the log chain (and, given one, an anchor). The
   * embedded store answers at once; KurrentDB, which reads the log over the network, with a promise.
   */
  verify?(onProgress?: (events: number, totaal: number) => void, anker?: import('./hash-chain').Anker): import('./hash-chain').VerificationReport | Promise<import('./hash-chain').VerificationReport>;
  /**
   * Optional: how many events follow `position`, counted up to `max`. For a store whose positions
   * are not consecutive numbers (EventStoreDB's are byte offsets in its log), the lag in events;
   * where it is absent, the head position minus `position` is that count.
   */
  eventsAfter?(position: bigint, max?: number): Promise<number>;
  /** Position of the last committed event, `-1n` when the store is empty. */
  headPosition(): Promise<bigint>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');

export const START = -1n;
