import Database from 'better-sqlite3';
import { Anker, ChainedEvent, Ketencontrole, VerificationReport } from '../hash-chain';

/** An events row with both of its hashes, as SQLite returns it. */
export interface KetenRow {
  position: number;
  stream: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  hash: string | null;
  keten: string | null;
}

/** A batch of stored events with both hashes, in position order. */
export function leesKetenBatch(db: Database.Database, after: bigint, batchSize: number): ChainedEvent[] {
  const rows = db
    .prepare<[number, number], KetenRow>('SELECT position, stream, revision, event_id, type, data, metadata, hash, keten FROM events WHERE position > ? ORDER BY position LIMIT ?')
    .all(Number(after), batchSize);
  return rows.map(naarKetenEvent);
}

function naarKetenEvent(row: KetenRow): ChainedEvent {
  const basis = { positie: String(row.position), stream: row.stream, revisie: row.revision, eventId: row.event_id, type: row.type, hash: row.hash, keten: row.keten };
  try {
    return { ...basis, data: JSON.parse(row.data), metadata: JSON.parse(row.metadata) };
  } catch {
    return { ...basis, data: null, metadata: null, onleesbaar: true };
  }
}

export interface VerifieerOpties {
  readonly anker?: Anker;
  /** Called every 10,000 events with how many were checked and how many there are. */
  readonly onProgress?: (events: number, totaal: number) => void;
}

/**
 * The whole verification of an embedded log, on any connection to its file: the store's own, or
 * a read-only one on a worker thread (so that the server's event loop stays free meanwhile).
 */
export function verifieerLog(db: Database.Database, opties: VerifieerOpties = {}): VerificationReport {
  // One read transaction: the events and the streams index seen at the same moment.
  return db.transaction(() => {
    const totaal = (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    const controle = new Ketencontrole(opties.anker);
    let after = -1n;
    let gezien = 0;
    for (;;) {
      const batch = leesKetenBatch(db, after, 10_000);
      for (const e of batch) controle.controleer(e);
      gezien += batch.length;
      if (batch.length > 0) opties.onProgress?.(gezien, totaal);
      if (batch.length < 10_000) break;
      after = BigInt(batch[batch.length - 1].positie);
    }
    return controle.rapport(streamRevisies(db));
  })();
}

export function streamRevisies(db: Database.Database): Map<string, number> {
  return new Map(db.prepare<[], { stream: string; revision: number }>('SELECT stream, revision FROM streams').all().map((r) => [r.stream, r.revision]));
}

/**
 * One moment of the log on a read-only connection of its own: every batch and the streams index
 * come from the same read transaction, so an export that runs while the server writes never sees a
 * stream in the index whose events it did not read (or the other way round).
 */
export class LogMomentopname {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.exec('BEGIN');
    // The snapshot is taken at the first read of the transaction.
    this.db.prepare('SELECT COUNT(*) FROM streams').get();
  }

  batch(after: bigint, batchSize: number): ChainedEvent[] {
    return leesKetenBatch(this.db, after, batchSize);
  }

  streamRevisies(): Map<string, number> {
    return streamRevisies(this.db);
  }

  sluit(): void {
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.db.close();
  }
}
