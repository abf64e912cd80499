import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuplicateEventIdError, StreamRevisionConflictError } from '../event-store.errors';
import { Anker, GENESIS, VerificationReport, eventHash, logLink } from '../hash-chain';
import { LogMomentopname, leesKetenBatch, streamRevisies, verifieerLog } from './keten-lezer';
import { EventRow, readCategories, toStoredEvent } from './category-reader';
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
CREATE TABLE IF NOT EXISTS log_meta (
  sleutel   TEXT    PRIMARY KEY,
  waarde    TEXT    NOT NULL
) WITHOUT ROWID;
`;

interface PendingAppend {
  readonly stream: string;
  readonly events: NewEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type AppendOutcome = { readonly result: AppendResult } | { readonly error: unknown };

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
  private readonly groupTransaction: Database.Transaction<(batch: readonly PendingAppend[]) => AppendOutcome[]>;
  /** Appends waiting for the next group commit. */
  private pending: PendingAppend[] = [];
  private readonly checkpointer?: WalCheckpointer;

  constructor(
    readonly file: string,
    options: SqliteEventStoreOptions = {},
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    // The busy timeout first: switching a new file to WAL takes a lock another process may hold.
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    if (options.leesgeheugenMB) this.db.pragma(`mmap_size = ${Math.floor(options.leesgeheugenMB) * 1024 * 1024}`);
    if (options.checkpointOpAchtergrond && file !== ':memory:') {
      this.db.pragma('wal_autocheckpoint = 0');
      this.checkpointer = new WalCheckpointer(file, { synchronous: 'FULL', hoofdverbinding: this.db, bijFout: (m) => process.emitWarning(`Checkpoint van het event-log mislukt: ${m}`) });
    }
    this.db.exec(SCHEMA);
    // Tamper evidence: every event's hash, chained over its stream, and its link in the log chain
    // (see hash-chain.ts).
    const kolommen = () => this.db.prepare<[], { name: string }>('PRAGMA table_info(events)').all().map((c) => c.name);
    if (!kolommen().includes('hash')) {
      // Checked again under the write lock: several processes may open an old store at once.
      this.db.transaction(() => {
        if (!kolommen().includes('hash')) this.db.exec('ALTER TABLE events ADD COLUMN hash TEXT');
      }).immediate();
    }
    if (!kolommen().includes('keten')) this.legLogketenAan();
    this.db.defaultSafeIntegers(false);
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.appended.setMaxListeners(0);
    this.statements = {
      streamRevision: this.db.prepare<[string], { revision: number }>('SELECT revision FROM streams WHERE stream = ?'),
      upsertStream: this.db.prepare('INSERT INTO streams (stream, revision) VALUES (?, ?) ON CONFLICT(stream) DO UPDATE SET revision = excluded.revision'),
      insert: this.db.prepare('INSERT INTO events (event_id, stream, revision, type, data, metadata, hash, keten) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      lastHash: this.db.prepare<[string, number], { hash: string | null }>('SELECT hash FROM events WHERE stream = ? AND revision = ?'),
      lastLink: this.db.prepare<[], { keten: string | null }>('SELECT keten FROM events ORDER BY position DESC LIMIT 1'),
      readStream: this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE stream = ? ORDER BY revision'),
      readAll: this.db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      head: this.db.prepare<[], { head: number | null }>('SELECT MAX(position) AS head FROM events'),
    };
    this.appendTransaction = this.db.transaction((stream: string, events: NewEvent[], expected: ExpectedRevision) => this.appendInTransaction(stream, events, expected));
    // Each append is a savepoint inside the group's transaction: a conflict undoes that append only.
    this.groupTransaction = this.db.transaction((batch: readonly PendingAppend[]) =>
      batch.map((w): AppendOutcome => {
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
    // Read inside the transaction: the log's last link, whoever (this process or the CLI) wrote it.
    let link = this.statements.lastLink.get()?.keten ?? GENESIS;
    for (const event of events) {
      revision += 1;
      const hash = eventHash(previous, { stream, revision, eventId: event.eventId, type: event.type, data: event.data, metadata: event.metadata });
      previous = hash;
      link = logLink(link, hash);
      try {
        const info = this.statements.insert.run(event.eventId, stream, revision, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), hash, link);
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
      this.pending.push({ stream, events, expected, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.writePending());
    });
  }

  private writePending(): void {
    const batch = this.pending;
    this.pending = [];
    let uitkomsten: AppendOutcome[];
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
      // A turn of the event loop between batches, as the subscription gives (see subscribeToAll).
      await new Promise((r) => setImmediate(r));
    }
  }

  async *readCategories(categories: readonly string[], upTo: bigint, batchSize = 5000): AsyncIterable<StoredEvent[]> {
    if (this.file !== ':memory:') {
      // On a worker thread, a batch ahead: reading by stream is a random read per event, and
      // the caller (a rebuild) projects the previous batch meanwhile.
      for await (const rows of readCategories(this.file, categories, upTo, batchSize)) yield rows.map(toStoredEvent);
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
   * Walks the log in position order and checks every event against its stream's hash chain and
   * the log chain (see Ketencontrole): an altered event, a missing one, a stream cut short or gone,
   * hashes recomputed after an edit. With an anchor, also whether the log still extends it.
   */
  verify(onProgress?: (events: number, totaal: number) => void, anker?: Anker): VerificationReport {
    return verifieerLog(this.db, { onProgress, anker });
  }

  /** Each stream's revision as the streams index records it. */
  streamRevisies(): Map<string, number> {
    return streamRevisies(this.db);
  }

  /** Stored events with both hashes, after `after`, for an export that carries and checks them. */
  readChained(after: bigint, batchSize: number) {
    return leesKetenBatch(this.db, after, batchSize);
  }

  /** The log and its streams index as of one moment (see LogMomentopname); close it when done. */
  momentopname(): LogMomentopname | { batch: SqliteEventStore['readChained']; streamRevisies: () => Map<string, number>; sluit: () => void } {
    if (this.file !== ':memory:') return new LogMomentopname(this.file);
    return { batch: (after, size) => this.readChained(after, size), streamRevisies: () => this.streamRevisies(), sluit: () => undefined };
  }

  /**
   * Events over which this process laid the log chain when it opened the store (a store made before
   * the chain existed); undefined when the chain was already there. Whoever verifies or exports in
   * that same process is told: a chain laid now says nothing about what happened to those events
   * before, only an anchor from before can.
   */
  logketenAangelegd?: number;

  /**
   * The log chain, for a store made before it existed: the column is added and the chain laid over
   * the stream hashes the store holds (which verification still checks against the content), once,
   * recorded in log_meta. Never again: a store whose log_meta says the chain was laid but whose
   * column is gone (dropped to have it laid afresh over an edit) gets the column back empty, and
   * verification reports every event without its link.
   */
  private legLogketenAan(): void {
    this.db.transaction(() => {
      // Another process may have added it while this one waited for the write lock.
      if (this.db.prepare<[], { name: string }>('PRAGMA table_info(events)').all().some((c) => c.name === 'keten')) return;
      this.db.exec('ALTER TABLE events ADD COLUMN keten TEXT');
      if (this.db.prepare("SELECT 1 FROM log_meta WHERE sleutel = 'logketen'").get()) return;
      let link = GENESIS;
      let laatste = 0;
      let aantal = 0;
      const update = this.db.prepare('UPDATE events SET keten = ? WHERE position = ?');
      const batch = this.db.prepare<[number], { position: number; hash: string | null }>('SELECT position, hash FROM events WHERE position > ? ORDER BY position LIMIT 10000');
      for (let rows = batch.all(laatste); rows.length > 0; rows = batch.all(laatste)) {
        for (const row of rows) {
          link = logLink(link, row.hash ?? '');
          update.run(link, row.position);
          laatste = row.position;
          aantal++;
        }
      }
      this.db.prepare("INSERT INTO log_meta (sleutel, waarde) VALUES ('logketen', ?)").run(`aangelegd tot positie ${laatste}`);
      if (aantal > 0) this.logketenAangelegd = aantal;
    }).immediate();
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
          // The handler's work resolves within this turn (SQLite answers synchronously): without a
          // turn of the event loop per batch, a catch-up over a long log answered no request and
          // took no message (the WAL checkpointer's) until it was done.
          await new Promise((r) => setImmediate(r));
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
    if (this.pending.length > 0 && this.db.open) this.writePending();
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }

  /** For the audit tooling and tests that must look at the raw file. */
  get database(): Database.Database {
    return this.db;
  }
}

function isUniqueViolation(error: unknown, column: string): boolean {
  return error instanceof Error && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes(column);
}
