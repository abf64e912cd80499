import Database from 'better-sqlite3';
// The file itself, not the lib's index: a worker loads only what it needs (not the KurrentDB client).
import type { Anker } from '@register/event-store/hash-chain';
import { verifieerLog } from '@register/event-store/sqlite/keten-lezer';
import type { MessagePort } from 'node:worker_threads';

export interface VerificatieOpdracht {
  readonly bestand: string;
  readonly anker?: Anker;
}

/** On a worker thread: the whole verification on a read-only connection of its own. */
export function werk({ bestand, anker }: VerificatieOpdracht, port: MessagePort): void {
  const db = new Database(bestand, { readonly: true, fileMustExist: true });
  try {
    const rapport = verifieerLog(db, { anker, onProgress: (events, totaal) => port.postMessage({ voortgang: { events, totaal } }) });
    port.postMessage({ rapport });
  } finally {
    db.close();
  }
}
