import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuplicateEventIdError, StreamRevisionConflictError } from '../event-store.errors';
import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadStreamResult,
  StoredEvent,
  Subscription,
  SubscriptionHandler,
} from '../event-store.port';

interface EventRow {
  position: number | bigint;
  event_id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id  TEXT    NOT NULL UNIQUE,
  stream    TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  UNIQUE (stream, revision)
);
CREATE TABLE IF NOT EXISTS streams (
  stream    TEXT    PRIMARY KEY,
  revision  INTEGER NOT NULL
) WITHOUT ROWID;
`;

export interface SqliteEventStoreOptions {
  /** How often a live subscription looks for events written by another process (the CLI). */
  readonly pollIntervalMs?: number;
}

/**
 * The embedded default: one SQLite file, WAL, synchronous=FULL so that an answered append
 * survives a power cut. Writers are serialised by SQLite's write lock (BEGIN IMMEDIATE), so global
 * positions are assigned and committed in the same order and a reader never sees a gap fill later.
 */
export class SqliteEventStore implements EventStore {
  readonly name = 'sqlite';
  private readonly db: Database.Database;
  private readonly appended = new EventEmitter();
  private readonly pollIntervalMs: number;
  private readonly statements;
  private readonly appendTransaction: Database.Transaction<(stream: string, events: NewEvent[], expected: ExpectedRevision) => AppendResult>;

  constructor(
    readonly file: string,
    options: SqliteEventStoreOptions = {},
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 10000');
    this.db.exec(SCHEMA);
    this.db.defaultSafeIntegers(false);
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.appended.setMaxListeners(0);
    this.statements = {
      streamRevision: this.db.prepare<[string], { revision: number }>('SELECT revision FROM streams WHERE stream = ?'),
      upsertStream: this.db.prepare('INSERT INTO streams (stream, revision) VALUES (?, ?) ON CONFLICT(stream) DO UPDATE SET revision = excluded.revision'),
      insert: this.db.prepare('INSERT INTO events (event_id, stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)'),
      readStream: this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE stream = ? ORDER BY revision'),
      readAll: this.db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      head: this.db.prepare<[], { head: number | null }>('SELECT MAX(position) AS head FROM events'),
    };
    this.appendTransaction = this.db.transaction((stream: string, events: NewEvent[], expected: ExpectedRevision) => this.appendInTransaction(stream, events, expected));
  }

  private appendInTransaction(stream: string, events: NewEvent[], expected: ExpectedRevision): AppendResult {
    const current = this.statements.streamRevision.get(stream)?.revision ?? -1;
    if (expected === 'no-stream' ? current !== -1 : typeof expected === 'number' && current !== expected) {
      throw new StreamRevisionConflictError(stream, String(expected), current);
    }
    let revision = current;
    let position = 0n;
    for (const event of events) {
      revision += 1;
      try {
        const info = this.statements.insert.run(event.eventId, stream, revision, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata));
        position = BigInt(info.lastInsertRowid);
      } catch (error) {
        if (isUniqueViolation(error, 'events.event_id')) throw new DuplicateEventIdError(event.eventId);
        throw error;
      }
    }
    this.statements.upsertStream.run(stream, revision);
    return { nextRevision: revision, position };
  }

  async appendToStream(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('Er is niets om toe te voegen.');
    const result = this.appendTransaction.immediate(stream, events, expected);
    this.appended.emit('appended', result.position);
    return result;
  }

  /**
   * Appends to many streams in one transaction (one fsync): for imports and generated benchmark
   * stores, where thousands of streams are written at once. Each entry still checks its revision.
   */
  appendMany(entries: readonly { stream: string; events: NewEvent[]; expected: ExpectedRevision }[]): void {
    this.db.transaction(() => {
      for (const entry of entries) this.appendInTransaction(entry.stream, entry.events, entry.expected);
    }).immediate();
    this.appended.emit('appended');
  }

  async readStream(stream: string): Promise<ReadStreamResult> {
    const events = this.statements.readStream.all(stream).map(toStoredEvent);
    return { revision: events.length === 0 ? -1 : events[events.length - 1].revision, events };
  }

  async *readAll(from: bigint, batchSize = 1000): AsyncIterable<StoredEvent[]> {
    let after = from;
    for (;;) {
      const batch = this.readBatch(after, batchSize);
      if (batch.length === 0) return;
      yield batch;
      after = batch[batch.length - 1].position;
      if (batch.length < batchSize) return;
    }
  }

  async *readCategories(categories: readonly string[], upTo: bigint, batchSize = 5000): AsyncIterable<StoredEvent[]> {
    // A range over the (stream, revision) index: `motie-` up to `motie.` ('.' sorts right after '-').
    const statement = this.db.prepare<[string, string, number, string, string, number], EventRow>(
      `SELECT * FROM events WHERE stream > ? AND stream < ? AND position <= ?
         AND (stream > ? OR (stream = ? AND revision > ?)) ORDER BY stream, revision LIMIT ${batchSize}`,
    );
    for (const category of [...categories].sort()) {
      let stream = `${category}-`;
      let revision = -1;
      for (;;) {
        const rows = statement.all(`${category}-`, `${category}.`, Number(upTo), stream, stream, revision);
        if (rows.length === 0) break;
        yield rows.map(toStoredEvent);
        stream = rows[rows.length - 1].stream;
        revision = rows[rows.length - 1].revision;
        if (rows.length < batchSize) break;
      }
    }
  }

  /** Synchronous batch read: the rebuild's hot path. */
  readBatch(after: bigint, batchSize: number): StoredEvent[] {
    return this.statements.readAll.all(Number(after), batchSize).map(toStoredEvent);
  }

  subscribeToAll(from: bigint, handler: SubscriptionHandler): Subscription {
    let closed = false;
    let wake: (() => void) | undefined;
    const onAppended = () => wake?.();
    this.appended.on('appended', onAppended);

    const loop = async () => {
      let after = from;
      let caughtUp = false;
      while (!closed) {
        const batch = this.readBatch(after, 1000);
        if (batch.length > 0) {
          await handler.onEvents(batch);
          after = batch[batch.length - 1].position;
          continue;
        }
        if (!caughtUp) {
          caughtUp = true;
          handler.onCaughtUp?.(after);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollIntervalMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    };
    const running = loop().catch((error) => {
      if (!closed) handler.onError?.(error);
    });

    return {
      close: async () => {
        closed = true;
        this.appended.off('appended', onAppended);
        wake?.();
        await running;
      },
    };
  }

  async headPosition(): Promise<bigint> {
    const head = this.statements.head.get()?.head;
    return head === null || head === undefined ? -1n : BigInt(head);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** For the audit tooling and tests that must look at the raw file. */
  get database(): Database.Database {
    return this.db;
  }
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    stream: row.stream,
    revision: row.revision,
    position: BigInt(row.position),
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
  };
}

function isUniqueViolation(error: unknown, column: string): boolean {
  return error instanceof Error && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes(column);
}
