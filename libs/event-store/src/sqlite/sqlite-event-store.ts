import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuplicateEventIdError, StreamRevisionConflictError } from '../event-store.errors';
import { GENESIS, VerificationProblem, VerificationReport, eventHash } from '../hash-chain';
import { EventRow, leesCategorieen } from './categorie-lezer';
import { WalCheckpointer } from './wal-checkpointer';
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

interface Wachtend {
  readonly stream: string;
  readonly events: NewEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Uitkomst = { readonly result: AppendResult } | { readonly error: unknown };

export interface SqliteEventStoreOptions {
  /** How often a live subscription looks for events written by another process (the CLI). */
  readonly pollIntervalMs?: number;
  /**
   * Checkpoint the WAL on a worker thread instead of in the committing call (see WalCheckpointer):
   * the server and the CLI turn it on; a short-lived store in a test does not need it.
   */
  readonly checkpointOpAchtergrond?: boolean;
  /**
   * MB of the file mapped into memory for reading (`mmap_size`): the server reads streams without a
   * system call per page. Mapped pages count towards the process's memory, so a rebuild keeps 0.
   */
  readonly leesgeheugenMB?: number;
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
  private readonly groupTransaction: Database.Transaction<(batch: readonly Wachtend[]) => Uitkomst[]>;
  /** Appends waiting for the next group commit. */
  private wachtrij: Wachtend[] = [];
  private readonly checkpointer?: WalCheckpointer;

  constructor(
    readonly file: string,
    options: SqliteEventStoreOptions = {},
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 10000');
    if (options.leesgeheugenMB) this.db.pragma(`mmap_size = ${Math.floor(options.leesgeheugenMB) * 1024 * 1024}`);
    if (options.checkpointOpAchtergrond && file !== ':memory:') {
      this.db.pragma('wal_autocheckpoint = 0');
      this.checkpointer = new WalCheckpointer(file, { synchronous: 'FULL', bijFout: (m) => process.emitWarning(`Checkpoint van het event-log mislukt: ${m}`) });
    }
    this.db.exec(SCHEMA);
    // Tamper evidence: every event's hash, chained over its stream (see hash-chain.ts).
    const kolommen = this.db.prepare<[], { name: string }>('PRAGMA table_info(events)').all().map((c) => c.name);
    if (!kolommen.includes('hash')) this.db.exec('ALTER TABLE events ADD COLUMN hash TEXT');
    this.db.defaultSafeIntegers(false);
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.appended.setMaxListeners(0);
    this.statements = {
      streamRevision: this.db.prepare<[string], { revision: number }>('SELECT revision FROM streams WHERE stream = ?'),
      upsertStream: this.db.prepare('INSERT INTO streams (stream, revision) VALUES (?, ?) ON CONFLICT(stream) DO UPDATE SET revision = excluded.revision'),
      insert: this.db.prepare('INSERT INTO events (event_id, stream, revision, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      lastHash: this.db.prepare<[string, number], { hash: string | null }>('SELECT hash FROM events WHERE stream = ? AND revision = ?'),
      readStream: this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE stream = ? ORDER BY revision'),
      readAll: this.db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      head: this.db.prepare<[], { head: number | null }>('SELECT MAX(position) AS head FROM events'),
    };
    this.appendTransaction = this.db.transaction((stream: string, events: NewEvent[], expected: ExpectedRevision) => this.appendInTransaction(stream, events, expected));
    // Each append is a savepoint inside the group's transaction: a conflict undoes that append only.
    this.groupTransaction = this.db.transaction((batch: readonly Wachtend[]) =>
      batch.map((w): Uitkomst => {
        try {
          return { result: this.appendTransaction(w.stream, w.events, w.expected) };
        } catch (error) {
          return { error };
        }
      }),
    );
  }

  private appendInTransaction(stream: string, events: NewEvent[], expected: ExpectedRevision): AppendResult {
    const current = this.statements.streamRevision.get(stream)?.revision ?? -1;
    if (expected === 'no-stream' ? current !== -1 : typeof expected === 'number' && current !== expected) {
      throw new StreamRevisionConflictError(stream, String(expected), current);
    }
    let revision = current;
    let position = 0n;
    let previous = current < 0 ? GENESIS : (this.statements.lastHash.get(stream, current)?.hash ?? GENESIS);
    for (const event of events) {
      revision += 1;
      const hash = eventHash(previous, { stream, revision, eventId: event.eventId, type: event.type, data: event.data, metadata: event.metadata });
      previous = hash;
      try {
        const info = this.statements.insert.run(event.eventId, stream, revision, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), hash);
        position = BigInt(info.lastInsertRowid);
      } catch (error) {
        if (isUniqueViolation(error, 'events.event_id')) throw new DuplicateEventIdError(event.eventId);
        throw error;
      }
    }
    this.statements.upsertStream.run(stream, revision);
    return { nextRevision: revision, position };
  }

  /**
   * Group commit: appends that arrive in the same turn of the event loop (concurrent requests) are
   * written in one transaction, so they share one fsync. Each still checks its own expected
   * revision, in arrival order, and each promise settles only after the commit is durable.
   */
  appendToStream(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new Error('Er is niets om toe te voegen.'));
    return new Promise<AppendResult>((resolve, reject) => {
      this.wachtrij.push({ stream, events, expected, resolve, reject });
      if (this.wachtrij.length === 1) setImmediate(() => this.schrijfWachtrij());
    });
  }

  private schrijfWachtrij(): void {
    const batch = this.wachtrij;
    this.wachtrij = [];
    let uitkomsten: Uitkomst[];
    try {
      uitkomsten = this.groupTransaction.immediate(batch);
    } catch (error) {
      // The commit itself failed (disk full, database locked too long): nothing of the group is stored.
      for (const w of batch) w.reject(error);
      return;
    }
    const laatste = uitkomsten.reduce((max, u) => ('result' in u && u.result.position > max ? u.result.position : max), 0n);
    if (laatste > 0n) this.appended.emit('appended', laatste);
    batch.forEach((w, i) => {
      const u = uitkomsten[i];
      if ('result' in u) w.resolve(u.result);
      else w.reject(u.error);
    });
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

  async *readAll(from: bigint, batchSize = 1000, typePrefixes?: readonly string[]): AsyncIterable<StoredEvent[]> {
    let after = from;
    const filtered = typePrefixes?.length
      ? this.db.prepare<unknown[], EventRow>(`SELECT * FROM events WHERE position > ? AND (${typePrefixes.map(() => 'type LIKE ?').join(' OR ')}) ORDER BY position LIMIT ?`)
      : undefined;
    const patterns = (typePrefixes ?? []).map((p) => `${p.replace(/[%_]/g, '')}%`);
    for (;;) {
      const batch = filtered ? filtered.all(Number(after), ...patterns, batchSize).map(toStoredEvent) : this.readBatch(after, batchSize);
      if (batch.length === 0) return;
      yield batch;
      after = batch[batch.length - 1].position;
      if (batch.length < batchSize) return;
    }
  }

  async *readCategories(categories: readonly string[], upTo: bigint, batchSize = 5000): AsyncIterable<StoredEvent[]> {
    if (this.file !== ':memory:') {
      // On a worker thread, a batch ahead: reading by stream is a random read per event, and
      // the caller (a rebuild) projects the previous batch meanwhile.
      for await (const rows of leesCategorieen(this.file, categories, upTo, batchSize)) yield rows.map(toStoredEvent);
      return;
    }
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

  /**
   * Walks every stream and recomputes its hash chain from the stored bytes. Reports, per damaged
   * stream, the first revision where the chain breaks: an altered event, a missing one (a gap in the
   * revisions, or fewer events than the stream's recorded revision), or one without a hash.
   */
  verify(onProgress?: (events: number) => void): VerificationReport {
    const problemen: VerificationProblem[] = [];
    const rows = this.db.prepare<[], { stream: string; revision: number; event_id: string; type: string; data: string; metadata: string; hash: string | null }>(
      'SELECT stream, revision, event_id, type, data, metadata, hash FROM events ORDER BY stream, revision',
    );
    const recorded = new Map(this.db.prepare<[], { stream: string; revision: number }>('SELECT stream, revision FROM streams').all().map((r) => [r.stream, r.revision]));
    let stream = '';
    let expected = 0;
    let previous = GENESIS;
    let broken = false;
    let events = 0;
    let streams = 0;
    const closeStream = () => {
      if (stream && !broken && (recorded.get(stream) ?? -1) !== expected - 1) {
        problemen.push({ stream, revision: expected, reden: `de stream hoort tot revisie ${recorded.get(stream)} te lopen, maar eindigt bij ${expected - 1}: er ontbreken events` });
      }
      recorded.delete(stream);
    };
    for (const row of rows.iterate()) {
      if (row.stream !== stream) {
        closeStream();
        stream = row.stream;
        expected = 0;
        previous = GENESIS;
        broken = false;
        streams++;
      }
      events++;
      if (events % 50_000 === 0) onProgress?.(events);
      if (broken) continue;
      if (row.revision !== expected) {
        problemen.push({ stream, revision: expected, reden: `revisie ${expected} ontbreekt (de volgende is ${row.revision})` });
        broken = true;
        continue;
      }
      if (row.hash === null) {
        problemen.push({ stream, revision: row.revision, reden: 'het event heeft geen hash' });
        broken = true;
        continue;
      }
      let data: unknown;
      let metadata: unknown;
      try {
        data = JSON.parse(row.data);
        metadata = JSON.parse(row.metadata);
      } catch {
        problemen.push({ stream, revision: row.revision, reden: 'de inhoud is geen geldige JSON meer' });
        broken = true;
        continue;
      }
      const hash = eventHash(previous, { stream, revision: row.revision, eventId: row.event_id, type: row.type, data, metadata });
      if (hash !== row.hash) {
        problemen.push({ stream, revision: row.revision, reden: 'de inhoud past niet bij de opgeslagen hash: het event is gewijzigd' });
        broken = true;
        continue;
      }
      previous = hash;
      expected++;
    }
    closeStream();
    for (const [verdwenen, revision] of recorded) problemen.push({ stream: verdwenen, revision: 0, reden: `alle ${revision + 1} events van de stream ontbreken` });
    return { streams, events, problemen };
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
    // Appends already accepted are written before the file closes.
    if (this.wachtrij.length > 0 && this.db.open) this.schrijfWachtrij();
    await this.checkpointer?.stop();
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
