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
export function naarStoredEvent(row: EventRow): StoredEvent {
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
const VOORUIT = 1;

/*
 * Plain JavaScript as a string, so that it runs the same under ts-jest as from the build. The worker
 * walks the (stream, revision) index, which means a random read in the file for every event; doing
 * that here leaves the main thread free to project the previous batch meanwhile.
 */
const WERKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const { file, categories, upTo, batchSize, vooruit } = workerData;
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
const bron = batches();
let tegoed = vooruit;
let klaar = false;
const pomp = () => {
  while (tegoed > 0 && !klaar) {
    const next = bron.next();
    if (next.done) {
      klaar = true;
      db.close();
      parentPort.postMessage({ klaar: true });
      return;
    }
    tegoed--;
    parentPort.postMessage({ rows: next.value });
  }
};
parentPort.on('message', () => {
  tegoed++;
  pomp();
});
try {
  pomp();
} catch (e) {
  parentPort.postMessage({ fout: String((e && e.message) || e) });
}
`;

/**
 * Every event of the given stream categories up to `upTo`, stream by stream in revision order, read
 * on a worker thread a batch ahead of the consumer. Stopping early ends the worker.
 */
export async function* leesCategorieen(file: string, categories: readonly string[], upTo: bigint, batchSize: number): AsyncGenerator<EventRow[]> {
  const worker = new Worker(WERKER, {
    eval: true,
    workerData: { file, driver: require.resolve('better-sqlite3'), categories: [...categories], upTo: Number(upTo), batchSize, vooruit: VOORUIT },
    // It only holds the batches in flight: a small heap keeps the process's peak memory down.
    resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 48 },
  });
  const wachtrij: { rows?: EventRow[]; klaar?: boolean; fout?: string }[] = [];
  let wachtend: (() => void) | undefined;
  const meld = () => {
    wachtend?.();
    wachtend = undefined;
  };
  worker.on('message', (m: { rows?: EventRow[]; klaar?: boolean; fout?: string }) => {
    wachtrij.push(m);
    meld();
  });
  worker.on('error', (e) => {
    wachtrij.push({ fout: e.message });
    meld();
  });
  worker.on('exit', (code) => {
    if (code !== 0) wachtrij.push({ fout: `de lezer stopte met code ${code}` });
    meld();
  });
  try {
    for (;;) {
      if (wachtrij.length === 0) await new Promise<void>((resolve) => (wachtend = resolve));
      const bericht = wachtrij.shift();
      if (!bericht) continue;
      if (bericht.fout) throw new Error(`Lezen van het event-log mislukt: ${bericht.fout}`);
      if (bericht.klaar) return;
      if (bericht.rows) {
        worker.postMessage('meer');
        yield bericht.rows;
      }
    }
  } finally {
    await worker.terminate();
  }
}
