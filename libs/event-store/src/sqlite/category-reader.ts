import { Worker } from 'node:worker_threads';
import type { StoredEvent } from '../event-store.port';

/** An events row as SQLite returns it. */
export interface EventRow {
  position: number | bigint;
  event_id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

/** A stored event from its row: data and metadata parsed, the position as bigint. */
export function toStoredEvent(row: EventRow): StoredEvent {
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

/** Batches the reader may run ahead of the one being projected. */
const READ_AHEAD = 1;

/*
 * Plain JavaScript as a string, so that it runs the same under ts-jest as from the build. The worker
 * walks the (stream, revision) index, which means a random read in the file for every event; doing
 * that here leaves the main thread free to project the previous batch meanwhile.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const { file, categories, upTo, batchSize, readAhead } = workerData;
const db = new Database(file, { readonly: true, fileMustExist: true });
const statement = db.prepare(
  'SELECT event_id, stream, revision, position, type, data, metadata FROM events WHERE stream > ? AND stream < ? AND position <= ? ' +
    'AND (stream > ? OR (stream = ? AND revision > ?)) ORDER BY stream, revision LIMIT ' + batchSize,
);
function* batches() {
  for (const category of [...categories].sort()) {
    let stream = category + '-';
    let revision = -1;
    for (;;) {
      const rows = statement.all(category + '-', category + '.', upTo, stream, stream, revision);
      if (rows.length === 0) break;
      yield rows;
      stream = rows[rows.length - 1].stream;
      revision = rows[rows.length - 1].revision;
      if (rows.length < batchSize) break;
    }
  }
}
const source = batches();
let credit = readAhead;
let done = false;
const pump = () => {
  while (credit > 0 && !done) {
    const next = source.next();
    if (next.done) {
      done = true;
      db.close();
      parentPort.postMessage({ done: true });
      return;
    }
    credit--;
    parentPort.postMessage({ rows: next.value });
  }
};
parentPort.on('message', () => {
  credit++;
  pump();
});
try {
  pump();
} catch (e) {
  parentPort.postMessage({ error: String((e && e.message) || e) });
}
`;

/**
 * Every event of the given stream categories up to `upTo`, stream by stream in revision order, read
 * on a worker thread a batch ahead of the consumer. Stopping early ends the worker.
 */
export async function* readCategories(file: string, categories: readonly string[], upTo: bigint, batchSize: number): AsyncGenerator<EventRow[]> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver: require.resolve('better-sqlite3'), categories: [...categories], upTo: Number(upTo), batchSize, readAhead: READ_AHEAD },
    // It only holds the batches in flight: a small heap keeps the process's peak memory down.
    resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 48 },
  });
  const queue: { rows?: EventRow[]; done?: boolean; error?: string }[] = [];
  let waiting: (() => void) | undefined;
  const wake = () => {
    waiting?.();
    waiting = undefined;
  };
  worker.on('message', (m: { rows?: EventRow[]; done?: boolean; error?: string }) => {
    queue.push(m);
    wake();
  });
  worker.on('error', (e) => {
    queue.push({ error: e.message });
    wake();
  });
  worker.on('exit', (code) => {
    if (code !== 0) queue.push({ error: `de lezer stopte met code ${code}` });
    wake();
  });
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (waiting = resolve));
      const message = queue.shift();
      if (!message) continue;
      if (message.error) throw new Error(`Lezen van het event-log mislukt: ${message.error}`);
      if (message.done) return;
      if (message.rows) {
        worker.postMessage('more');
        yield message.rows;
      }
    }
  } finally {
    await worker.terminate();
  }
}
