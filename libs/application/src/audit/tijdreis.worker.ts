import Database from 'better-sqlite3';
import { EventRow, toStoredEvent } from '@register/event-store/sqlite/category-reader';
// The files themselves, not the libs' indexes: a worker loads only what it needs.
import { filterRegister } from '@register/read-models/register/register-filter';
import type { RegisterFilter, RegisterPage } from '@register/read-models/register/register.query';
import type { MessagePort } from 'node:worker_threads';
import { Peilmoment, RegisterStand } from './register-stand';

export interface TijdreisVraag {
  readonly id: number;
  readonly peilmoment: Peilmoment;
  readonly filter: RegisterFilter;
}

export type TijdreisAntwoord = { readonly id: number; readonly pagina: RegisterPage; readonly positie: string } | { readonly id: number; readonly fout: string };

/** Snapshots kept: an auditor pages through one or two peilmomenten at a time. */
const BEWAARD = 2;
const BATCH = 5000;

/**
 * On a worker thread: the register as it stood at a peilmoment, folded from the log file on a
 * read-only connection of its own, filtered and paged here, so that only one page crosses to the
 * server's thread. Each snapshot is kept and brought up to date with the events written since.
 */
export function werk({ bestand }: { bestand: string }, port: MessagePort): void {
  const db = new Database(bestand, { readonly: true, fileMustExist: true });
  const lees = db.prepare<[number, number], EventRow>(
    "SELECT position, event_id, stream, revision, type, data, metadata FROM events WHERE position > ? AND (type LIKE 'Motie%' OR type LIKE 'Toezegging%') ORDER BY position LIMIT ?",
  );
  const standen = new Map<string, RegisterStand>();
  port.on('message', (vraag: TijdreisVraag) => {
    try {
      const sleutel = JSON.stringify(vraag.peilmoment);
      const stand = standen.get(sleutel) ?? new RegisterStand(vraag.peilmoment);
      standen.delete(sleutel);
      standen.set(sleutel, stand);
      if (standen.size > BEWAARD) standen.delete(standen.keys().next().value!);
      for (let rijen = lees.all(Number(stand.tot), BATCH); rijen.length > 0; rijen = rijen.length < BATCH ? [] : lees.all(Number(stand.tot), BATCH)) {
        stand.pasToe(rijen.map(toStoredEvent));
      }
      port.postMessage({ id: vraag.id, pagina: filterRegister(stand.rows.values(), vraag.filter), positie: stand.tot.toString() } satisfies TijdreisAntwoord);
    } catch (error) {
      port.postMessage({ id: vraag.id, fout: (error as Error).message } satisfies TijdreisAntwoord);
    }
  });
  port.once('close', () => db.close());
}
