import Database from 'better-sqlite3';
import { itemStream } from '@register/domain/item/item.stream';
import { EventRow, toStoredEvent } from '@register/event-store/sqlite/category-reader';
// The files themselves, not the libs' indexes: a worker loads only what it needs.
import { uitKolommen } from '@register/read-models/register/register-columns';
import { filterRegister } from '@register/read-models/register/register-filter';
import type { RegisterFilter, RegisterPage } from '@register/read-models/register/register.query';
import type { MessagePort } from 'node:worker_threads';
import { Peilmoment, RegisterStand } from './register-stand';

/**
 * Where the fold may start. `leesmodel`: from the register's read model as its checkpoint left it,
 * folding from the log only the items with an event after the peilmoment (fast). `log`: from the
 * log alone, every event (independent of the read models; at a million events, seconds).
 */
export type TijdreisBron = 'leesmodel' | 'log';

export interface TijdreisOpdracht {
  /** The event store's file. */
  readonly bestand: string;
  /** The read models' file, when they are in one (SQLite): the fast path needs it. */
  readonly leesmodel?: string;
  /** The register projection's current version: a read model of another version is not used. */
  readonly registerVersie: number;
}

export interface TijdreisVraag {
  readonly id: number;
  readonly peilmoment: Peilmoment;
  readonly filter: RegisterFilter;
  readonly bron: TijdreisBron;
}

export type TijdreisAntwoord = { readonly id: number; readonly pagina: RegisterPage; readonly positie: string; readonly bron: TijdreisBron } | { readonly id: number; readonly fout: string };

/** Snapshots kept: an auditor pages through one or two peilmomenten at a time. */
const BEWAARD = 2;
const BATCH = 5000;
/** Streams read from the log per statement when the fast path folds the items that changed. */
const STREAMS_PER_KEER = 500;

interface Snapshot {
  readonly stand: RegisterStand;
  readonly bron: TijdreisBron;
}

/**
 * On a worker thread: the register as it stood at a peilmoment, filtered and paged here, so that
 * only one page crosses to the server's thread. Each snapshot is kept and brought up to date with
 * the events written since.
 *
 * The fast path starts from the register's read model at its checkpoint C. An item whose events
 * all count at the peilmoment (every one recorded by then, resp. dated by then or a correction) is
 * its row as it is now: the two columns say so (RegisterItem.vastgelegdTot, gedateerdTot). Every
 * other item is folded from its own stream up to C, and then everything after C from the log, as
 * the full fold would. Events the row did not take (a duplicate, one before the registration)
 * change nothing in the fold either, so leaving them out of the columns changes nothing.
 */
export function werk({ bestand, leesmodel, registerVersie }: TijdreisOpdracht, port: MessagePort): void {
  const db = new Database(bestand, { readonly: true, fileMustExist: true });
  const rm = leesmodel ? new Database(leesmodel, { readonly: true, fileMustExist: true }) : undefined;
  const lees = db.prepare<[number, number], EventRow>(
    "SELECT position, event_id, stream, revision, type, data, metadata FROM events WHERE position > ? AND (type LIKE 'Motie%' OR type LIKE 'Toezegging%') ORDER BY position LIMIT ?",
  );
  const leesStreams = db.prepare<[string, number], EventRow>(
    'SELECT position, event_id, stream, revision, type, data, metadata FROM events WHERE stream IN (SELECT value FROM json_each(?)) AND position <= ? ORDER BY position',
  );

  /** The stand from the read model, brought to its checkpoint; undefined when it may not be used. */
  function uitLeesmodel(peilmoment: Peilmoment): RegisterStand | undefined {
    if (!rm) return undefined;
    const stand = new RegisterStand(peilmoment);
    const anderen: string[] = [];
    let tot: bigint;
    // One read transaction: the checkpoint and the rows at that checkpoint.
    if (rm.inTransaction) rm.exec('ROLLBACK');
    rm.exec('BEGIN');
    try {
      const punten = rm.prepare("SELECT name, version, position FROM projection_checkpoints WHERE name IN ('register', 'register#herbouw')").all() as { name: string; version: number; position: string }[];
      const register = punten.find((p) => p.name === 'register');
      // Of another version, mid-rebuild or never written: the rows are not the fold of the log up to a position.
      if (!register || register.version !== registerVersie || punten.some((p) => p.name === 'register#herbouw') || !/^-?\d+$/.test(register.position)) return undefined;
      tot = BigInt(register.position);
      const bekendTot = peilmoment.as === 'vastgelegd' ? (r: Record<string, unknown>) => r.vastgelegd_tot !== null && (r.vastgelegd_tot as string) <= peilmoment.moment : (r: Record<string, unknown>) => r.vastgelegd_tot !== null && (r.gedateerd_tot === null || (r.gedateerd_tot as string) <= peilmoment.datum);
      for (const record of rm.prepare('SELECT * FROM register_items').iterate() as IterableIterator<Record<string, unknown>>) {
        if (bekendTot(record)) stand.rows.set(record.item_id as string, uitKolommen(record));
        else anderen.push(itemStream(record.soort as 'motie' | 'toezegging', record.item_id as string));
      }
    } finally {
      if (rm.inTransaction) rm.exec('COMMIT');
    }
    // The log up to C does not change: these reads need no transaction with the one above.
    for (let i = 0; i < anderen.length; i += STREAMS_PER_KEER) {
      stand.pasToe(leesStreams.all(JSON.stringify(anderen.slice(i, i + STREAMS_PER_KEER)), Number(tot)).map(toStoredEvent));
    }
    stand.tot = tot;
    return stand;
  }

  const standen = new Map<string, Snapshot>();
  port.on('message', (vraag: TijdreisVraag) => {
    try {
      const sleutel = JSON.stringify([vraag.peilmoment, vraag.bron]);
      const snapshot: Snapshot = standen.get(sleutel) ?? (() => {
        const snel = vraag.bron === 'leesmodel' ? uitLeesmodel(vraag.peilmoment) : undefined;
        return snel ? { stand: snel, bron: 'leesmodel' } : { stand: new RegisterStand(vraag.peilmoment), bron: 'log' };
      })();
      standen.delete(sleutel);
      standen.set(sleutel, snapshot);
      if (standen.size > BEWAARD) standen.delete(standen.keys().next().value!);
      const { stand } = snapshot;
      for (let rijen = lees.all(Number(stand.tot), BATCH); rijen.length > 0; rijen = rijen.length < BATCH ? [] : lees.all(Number(stand.tot), BATCH)) {
        stand.pasToe(rijen.map(toStoredEvent));
      }
      port.postMessage({ id: vraag.id, pagina: filterRegister(stand.rows.values(), vraag.filter), positie: stand.tot.toString(), bron: snapshot.bron } satisfies TijdreisAntwoord);
    } catch (error) {
      port.postMessage({ id: vraag.id, fout: (error as Error).message } satisfies TijdreisAntwoord);
    }
  });
  port.once('close', () => {
    db.close();
    rm?.close();
  });
}
