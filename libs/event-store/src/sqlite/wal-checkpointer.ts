import { Worker } from 'node:worker_threads';

export interface CheckpointUitkomst {
  /** Frames in the WAL, and how many of them are now in the database file. */
  readonly log: number;
  readonly gekopieerd: number;
}

export interface WalCheckpointerOptions {
  /** How often the worker moves the WAL into the database file. */
  readonly intervalMs?: number;
  /** The main connection's `synchronous` setting: a checkpoint syncs as that connection would. */
  readonly synchronous?: 'NORMAL' | 'FULL';
  /** Past this size the WAL is copied whole and cut back (see WERKER). */
  readonly maxWalBytes?: number;
  /**
   * The connection that commits. Past maxWalBytes it cuts the WAL back itself, between its own
   * transactions: the worker would have to wait for a gap between commits that may never come.
   */
  readonly hoofdverbinding?: Hoofdverbinding;
  /** Every completed checkpoint, for tests and diagnostics. */
  readonly naElkeCheckpoint?: (uitkomst: CheckpointUitkomst) => void;
  readonly bijFout?: (melding: string) => void;
}

/** What the checkpointer needs of the committing connection (a better-sqlite3 Database). */
export interface Hoofdverbinding {
  readonly inTransaction: boolean;
  readonly open: boolean;
  pragma(source: string, options?: { simple: boolean }): unknown;
}

/** The WAL's bound by default: a few seconds of writing at full speed, a fraction of a second to copy. */
export const MAX_WAL_BYTES = 64 * 1024 * 1024;

/*
 * The worker is plain JavaScript passed as a string, so it runs the same under ts-jest as from the
 * build. It opens its own connection to the file and checkpoints in PASSIVE mode: it never waits
 * for or blocks a reader or the writer.
 *
 * But a PASSIVE checkpoint copies only what was committed when it began, and the writer starts the
 * WAL over only when a transaction begins with all of it copied: with commits back to back (a
 * catch-up over a long log) that never happens, and the WAL grew to 18 GB beside a 1 GB read
 * model. Past maxWalBytes the WAL is therefore cut back with a TRUNCATE checkpoint, which copies
 * the few frames the PASSIVE one left, syncs and empties the file, so that the next commit starts
 * from the beginning. The committing connection does that between two of its transactions (see
 * kapWalAf) when it takes the worker's message, which it does between batches (the store's
 * subscription and reads give the event loop a turn per batch); the worker could only wait for a
 * gap between commits, and a writer that commits back to back never leaves one. Without a
 * committing connection named, the worker tries it itself, never waiting either.
 */
const WERKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = ' + workerData.synchronous);
const frame = db.pragma('page_size', { simple: true }) + 24;
const checkpoint = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    const groot = r.log * frame > workerData.maxWalBytes;
    if (groot && !workerData.viaHoofdverbinding) {
      // Never waiting: a TRUNCATE checkpoint that waits for a reader holds new writers off meanwhile.
      db.pragma('busy_timeout = 0');
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.pragma('busy_timeout = 5000');
      }
    }
    if (r.log > 0) parentPort.postMessage({ log: r.log, gekopieerd: r.checkpointed, groot });
  } catch (e) {
    parentPort.postMessage({ fout: String((e && e.message) || e) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage({ gestopt: true });
});
`;

/**
 * On the committing connection, between its transactions: copy what is left of the WAL, sync and
 * empty it. The PASSIVE checkpoint just before left little to copy, so this costs about one fsync.
 * It never waits: with a reader still on an old snapshot (another process, a worker) it reports
 * busy and the next round tries again.
 */
function kapWalAf(db: Hoofdverbinding): void {
  if (!db.open || db.inTransaction) return;
  const wachttijd = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.pragma(`busy_timeout = ${wachttijd}`);
  }
}

/**
 * Moves a WAL-mode SQLite file's log into the database on a worker thread. A checkpoint writes and
 * fsyncs the database file; done by the connection that commits (SQLite's automatic checkpoint),
 * it stalls whoever committed — on the server, the event loop that answers every request. The main
 * connection turns its automatic checkpoint off (`wal_autocheckpoint = 0`) and this one takes over.
 * Durability is unchanged: a commit is durable once it is in the WAL, checkpoint or not.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private gestopt?: Promise<void>;
  private afgelopen = false;

  constructor(file: string, options: WalCheckpointerOptions = {}) {
    this.worker = new Worker(WERKER, {
      eval: true,
      workerData: { file, driver: require.resolve('better-sqlite3'), intervalMs: options.intervalMs ?? 250, maxWalBytes: options.maxWalBytes ?? MAX_WAL_BYTES, viaHoofdverbinding: options.hoofdverbinding !== undefined, synchronous: options.synchronous ?? 'NORMAL' },
    });
    this.worker.on('message', (m: { log?: number; gekopieerd?: number; groot?: boolean; fout?: string }) => {
      if (m.fout) return options.bijFout?.(m.fout);
      if (m.groot && options.hoofdverbinding) {
        try {
          kapWalAf(options.hoofdverbinding);
        } catch (e) {
          options.bijFout?.(e instanceof Error ? e.message : String(e));
        }
      }
      if (m.log !== undefined) options.naElkeCheckpoint?.({ log: m.log, gekopieerd: m.gekopieerd ?? 0 });
    });
    this.worker.on('error', (e) => options.bijFout?.(e.message));
    this.worker.once('exit', () => (this.afgelopen = true));
    // A process that is otherwise done does not wait for the checkpointer.
    this.worker.unref();
  }

  /**
   * A last checkpoint, then the worker ends. While that is awaited the worker holds the process
   * open: unref'd, a process with nothing else pending would exit inside the caller's `await`, and
   * whatever the caller does next (close another database, set the exit code) would never run.
   */
  stop(): Promise<void> {
    this.gestopt ??= new Promise<void>((resolve) => {
      if (this.afgelopen) return resolve();
      this.worker.ref();
      this.worker.once('exit', () => resolve());
      this.worker.on('message', (m: { gestopt?: boolean }) => {
        if (m.gestopt) void this.worker.terminate();
      });
      this.worker.postMessage('stop');
    });
    return this.gestopt;
  }
}
