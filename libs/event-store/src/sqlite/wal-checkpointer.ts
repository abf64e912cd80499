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
  /** Every completed checkpoint, for tests and diagnostics. */
  readonly naElkeCheckpoint?: (uitkomst: CheckpointUitkomst) => void;
  readonly bijFout?: (melding: string) => void;
}

/*
 * The worker is plain JavaScript passed as a string, so it runs the same under ts-jest as from the
 * build. It opens its own connection to the file and checkpoints in PASSIVE mode: it never waits
 * for or blocks a reader or the writer.
 */
const WERKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = ' + workerData.synchronous);
const checkpoint = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    if (r.log > 0) parentPort.postMessage({ log: r.log, gekopieerd: r.checkpointed });
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
      workerData: { file, driver: require.resolve('better-sqlite3'), intervalMs: options.intervalMs ?? 250, synchronous: options.synchronous ?? 'NORMAL' },
    });
    this.worker.on('message', (m: { log?: number; gekopieerd?: number; fout?: string }) => {
      if (m.fout) options.bijFout?.(m.fout);
      else if (m.log !== undefined) options.naElkeCheckpoint?.({ log: m.log, gekopieerd: m.gekopieerd ?? 0 });
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
