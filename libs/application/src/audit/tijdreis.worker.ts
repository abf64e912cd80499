import Database from 'better-sqlite3';
import { itemStream } from '@register/domain/item/item.stream';
import { EventRow, toStoredEvent } from '@register/event-store/sqlite/category-reader';
// The files themselves, not the libs' indexes: a worker loads only what it needs.
import { REGISTER_KOLOMMEN, uitKolommen } from '@register/read-models/register/register-columns';
import { filterRegister, filterVelden } from '@register/read-models/register/register-filter';
import { LICHTE_VELDEN } from '@register/read-models/register/register-licht';
import { RegisterItem } from '@register/read-models/register/register-item.entity';
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
/** Streams read from the log per statement when the fast path folds items from their streams. */
const STREAMS_PER_KEER = 500;

/** What every light row holds: its id, its revision, and its kind (which names its stream). */
const ALTIJD: readonly (keyof RegisterItem)[] = ['itemId', 'revisie', 'soort'];
const ALLE_LICHTE = new Set<keyof RegisterItem>(LICHTE_VELDEN);

/** The columns a light row may hold (an index covers them all). */
export const LICHT = REGISTER_KOLOMMEN.filter((k) => ALLE_LICHTE.has(k.veld));

/** Per set of fields: the prototype of the light rows holding just those (see lichteRijMaker). */
const PROTOTYPES = new Map<string, object>();

/**
 * Light rows holding these fields. Every other field is a getter that fails, so that a filter
 * reading a field the light rows did not load is a loud error (in the property test first), never
 * a wrong page: filterVelden and filterRegister have to agree.
 */
function lichteRijMaker(gevraagd: ReadonlySet<keyof RegisterItem>): (waarden: Record<string, unknown>, opVeld?: boolean) => RegisterItem {
  const velden = new Set<keyof RegisterItem>([...gevraagd, ...ALTIJD]);
  const kolommen = REGISTER_KOLOMMEN.filter((k) => velden.has(k.veld));
  const sleutel = kolommen.map((k) => k.veld).join(',');
  let proto = PROTOTYPES.get(sleutel);
  if (!proto) {
    const getters = REGISTER_KOLOMMEN.filter((k) => !velden.has(k.veld)).map((k) => [
      k.veld,
      {
        get(): never {
          throw new Error(`tijdreis: ${k.veld} van een lichte rij gelezen (filterVelden noemt het niet)`);
        },
      },
    ]);
    PROTOTYPES.set(sleutel, (proto = Object.create(RegisterItem.prototype, Object.fromEntries(getters)) as object));
  }
  const p = proto;
  // From a record by column (a JSON column parsed here), or by field from values already parsed.
  return (waarden, opVeld = false) => {
    const rij = Object.create(p) as Record<string, unknown>;
    for (const { kolom, veld, json } of kolommen) rij[veld] = opVeld ? waarden[veld] : json && typeof waarden[kolom] === 'string' ? JSON.parse(waarden[kolom] as string) : waarden[kolom];
    return rij as unknown as RegisterItem;
  };
}

function kolommenVan(velden: ReadonlySet<keyof RegisterItem>): string {
  return REGISTER_KOLOMMEN.filter((k) => velden.has(k.veld) || ALTIJD.includes(k.veld))
    .map((k) => k.kolom)
    .join(', ');
}

/**
 * A peilmoment's register, kept between questions. From the read model: `tot` of the stand starts at
 * the checkpoint `basis`, and the rows in `licht` hold only the fields in `velden` (and their
 * revision); such a row is completed (folded from its stream up to `basis`) before an event is
 * folded onto it or before it goes out in a page. From the log: every row whole, `basis` unused.
 */
interface Snapshot {
  readonly stand: RegisterStand;
  readonly bron: TijdreisBron;
  readonly basis: bigint;
  readonly licht: Set<string>;
  velden: ReadonlySet<keyof RegisterItem>;
  /** Light rows holding every field of LICHTE_VELDEN (the row before its last event): nothing to load. */
  readonly heelLicht: Set<string>;
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
 *
 * Most of the other items changed once after the peilmoment: the row keeps its filter fields as
 * they were before its last event (vorig_licht, with the two columns of then), which is the item
 * at the peilmoment when all its other events count (the last one then does not, and what follows
 * it in its stream is nothing the row takes). Only the rest is folded. When the last event was the
 * registration there is no such row (a second registration further on could then still count).
 *
 * Without a search, rows taken from the read model hold only the fields the filter reads, read
 * through one covering index, and are completed from their streams when they go out in a page.
 */
export function werk({ bestand, leesmodel, registerVersie }: TijdreisOpdracht, port: MessagePort): void {
  const db = new Database(bestand, { readonly: true, fileMustExist: true });
  const rm = leesmodel ? new Database(leesmodel, { readonly: true, fileMustExist: true }) : undefined;
  const lees = db.prepare<[number, number], EventRow>(
    "SELECT position, event_id, stream, revision, type, data, metadata FROM events WHERE position > ? AND (type LIKE 'Motie%' OR type LIKE 'Toezegging%') ORDER BY position LIMIT ?",
  );
  const kop = db.prepare<[], { kop: number | null }>('SELECT MAX(position) AS kop FROM events');
  // In (stream, revision) order, the index's own: each item's events in their order, which is all a
  // fold of separate items needs (by position, SQLite would sort the rows in a temporary B-tree).
  const leesStreams = db.prepare<[string, number], EventRow>(
    'SELECT position, event_id, stream, revision, type, data, metadata FROM events WHERE stream IN (SELECT value FROM json_each(?)) AND position <= ? ORDER BY stream, revision',
  );

  /** A read transaction on the read model at a register checkpoint of this version; undefined (and none) otherwise. */
  function leesLeesmodel<T>(werk: (basis: bigint, leesmodel: Database.Database) => T): { basis: bigint; uitkomst: T } | undefined {
    if (!rm) return undefined;
    if (rm.inTransaction) rm.exec('ROLLBACK');
    rm.exec('BEGIN');
    try {
      const punten = rm.prepare("SELECT name, version, position FROM projection_checkpoints WHERE name IN ('register', 'register#herbouw')").all() as { name: string; version: number; position: string }[];
      const register = punten.find((p) => p.name === 'register');
      // Of another version, mid-rebuild or never written: the rows are not the fold of the log up to a position.
      if (!register || register.version !== registerVersie || punten.some((p) => p.name === 'register#herbouw') || !/^-?\d+$/.test(register.position)) return undefined;
      const basis = BigInt(register.position);
      // A read model ahead of the log (a log restored from an older copy beside newer read models)
      // is not this log's: the register itself is then wrong until rebuilt; the time travel folds the log.
      if (basis > BigInt(kop.get()?.kop ?? -1)) return undefined;
      return { basis, uitkomst: werk(basis, rm) };
    } finally {
      if (rm.inTransaction) rm.exec('COMMIT');
    }
  }

  /** Folds these items (id and kind) afresh from their streams up to `tot`, replacing their rows. */
  function vouwStreams(stand: RegisterStand, items: Iterable<readonly [string, string]>, tot: bigint): void {
    const verder = stand.tot;
    const streams: string[] = [];
    for (const [id, soort] of items) {
      stand.rows.delete(id);
      streams.push(itemStream(soort as RegisterItem['soort'], id));
    }
    try {
      for (let i = 0; i < streams.length; i += STREAMS_PER_KEER) {
        stand.pasToe(leesStreams.all(JSON.stringify(streams.slice(i, i + STREAMS_PER_KEER)), Number(tot)).map(toStoredEvent));
      }
    } finally {
      stand.tot = verder;
    }
  }

  /** Completes the light rows among these items. */
  function vulAan(snapshot: Snapshot, ids: Iterable<string>): void {
    const aan: [string, string][] = [];
    for (const id of ids) {
      if (!snapshot.licht.delete(id)) continue;
      snapshot.heelLicht.delete(id);
      aan.push([id, snapshot.stand.rows.get(id)!.soort]);
    }
    if (aan.length === 0) return;
    vouwStreams(snapshot.stand, aan, snapshot.basis);
    // A row that counted is there again after its own stream: if not, its events are not in its
    // stream (a log not written by this register), and the answer from the read model cannot stand.
    const weg = aan.find(([id]) => !snapshot.stand.rows.has(id));
    if (weg) throw new Error(`tijdreis: item ${weg[0]} staat niet in zijn eigen stream; vraag het register op met bron=log`);
  }

  /**
   * The snapshot from the read model at its checkpoint C, with light rows holding `velden` (whole
   * rows when undefined); undefined when the read model may not be used.
   */
  function uitLeesmodel(peilmoment: Peilmoment, velden: ReadonlySet<keyof RegisterItem> | undefined): Snapshot | undefined {
    const stand = new RegisterStand(peilmoment);
    const licht = new Set<string>();
    let anderen: [string, string][] = [];
    const heelLicht = new Set<string>();
    // Whether the row is the peilmoment's as it is, asked of SQLite: one number instead of two strings a row.
    const bekend = peilmoment.as === 'vastgelegd' ? 'vastgelegd_tot IS NOT NULL AND vastgelegd_tot <= @grens' : 'vastgelegd_tot IS NOT NULL AND (gedateerd_tot IS NULL OR gedateerd_tot <= @grens)';
    const grens = peilmoment.as === 'vastgelegd' ? peilmoment.moment : peilmoment.datum;
    // The same of the row before its last event (a row not known before version 10 has no such row).
    const vorigBekend = peilmoment.as === 'vastgelegd' ? 'vastgelegd_tot IS NOT NULL AND vorig_vastgelegd_tot <= @grens' : 'vastgelegd_tot IS NOT NULL AND (vorig_gedateerd_tot IS NULL OR vorig_gedateerd_tot <= @grens)';
    const maak = velden ? lichteRijMaker(velden) : uitKolommen;
    // One read transaction: the checkpoint and the rows at that checkpoint.
    const gelezen = leesLeesmodel((_, leesmodel) => {
      const sql = `SELECT (${bekend}) AS tijdreis_bekend, ${velden ? kolommenVan(velden) : '*'} FROM register_items`;
      for (const record of leesmodel.prepare(sql).iterate({ grens }) as IterableIterator<Record<string, unknown>>) {
        const id = record.item_id as string;
        if (record.tijdreis_bekend !== 1) anderen.push([id, record.soort as string]);
        else {
          stand.rows.set(id, maak(record));
          if (velden) licht.add(id);
        }
      }
      // Most of the others changed once after the peilmoment: the row before its last event is theirs.
      if (!velden) return;
      const vorige = leesmodel.prepare(
        `SELECT item_id, vorig_licht FROM register_items WHERE item_id IN (SELECT value FROM json_each(@ids)) AND vorig_licht <> 'null' AND ${vorigBekend}`,
      );
      const heel = lichteRijMaker(ALLE_LICHTE);
      for (let i = 0; i < anderen.length; i += STREAMS_PER_KEER) {
        for (const r of vorige.iterate({ ids: JSON.stringify(anderen.slice(i, i + STREAMS_PER_KEER).map(([id]) => id)), grens }) as IterableIterator<{ item_id: string; vorig_licht: string }>) {
          // (A JSON column holds null as the text 'null', which the statement leaves out.)
          stand.rows.set(r.item_id, heel(JSON.parse(r.vorig_licht) as Record<string, unknown>, true));
          licht.add(r.item_id);
          heelLicht.add(r.item_id);
        }
      }
      anderen = anderen.filter(([id]) => !licht.has(id));
    });
    if (!gelezen) return undefined;
    // The log up to C does not change: these reads need no transaction with the one above.
    stand.tot = gelezen.basis;
    vouwStreams(stand, anderen, gelezen.basis);
    return { stand, bron: 'leesmodel', basis: gelezen.basis, licht, velden: velden ?? new Set(), heelLicht };
  }

  /**
   * Gives the light rows these fields as well, from the read model as it is now: a row whose revision
   * there is still the light row's is the same row; any other is completed from its stream. (The
   * fold of the tail that follows would complete those too, as they are the rows later events
   * touched; this keeps each light row right on its own.) False when the read model may not be used
   * any more: then the snapshot is built again.
   */
  function laadVelden(snapshot: Snapshot, nodig: ReadonlySet<keyof RegisterItem>): boolean {
    const velden = new Set([...snapshot.velden, ...nodig]);
    if (velden.size === snapshot.velden.size || snapshot.licht.size === 0) return true;
    const maak = lichteRijMaker(velden);
    const oud = REGISTER_KOLOMMEN.filter((k) => snapshot.velden.has(k.veld));
    const veranderd = new Set([...snapshot.licht].filter((id) => !snapshot.heelLicht.has(id)));
    const gelezen = leesLeesmodel((_, leesmodel) => {
      for (const record of leesmodel.prepare(`SELECT ${kolommenVan(velden)} FROM register_items`).iterate() as IterableIterator<Record<string, unknown>>) {
        const id = record.item_id as string;
        const rij = veranderd.has(id) ? snapshot.stand.rows.get(id) : undefined;
        if (!rij || rij.revisie !== record.revisie) continue;
        veranderd.delete(id);
        // The fields loaded before from the row as it was (a JSON field parsed then), the others from now.
        for (const { kolom, veld } of oud) record[kolom] = rij[veld];
        snapshot.stand.rows.set(id, maak(record));
      }
    });
    if (!gelezen) return false;
    snapshot.velden = velden;
    vulAan(snapshot, veranderd);
    return true;
  }

  function nieuw(vraag: TijdreisVraag, velden: ReadonlySet<keyof RegisterItem> | undefined): Snapshot {
    const snel = vraag.bron === 'leesmodel' ? uitLeesmodel(vraag.peilmoment, velden) : undefined;
    return snel ?? { stand: new RegisterStand(vraag.peilmoment), bron: 'log', basis: -1n, licht: new Set(), velden: new Set(), heelLicht: new Set() };
  }

  const standen = new Map<string, Snapshot>();
  port.on('message', (vraag: TijdreisVraag) => {
    const sleutel = JSON.stringify([vraag.peilmoment, vraag.bron]);
    try {
      const velden = filterVelden(vraag.filter);
      let snapshot = standen.get(sleutel);
      // A search reads every row's texts: light rows would all have to be folded, reading them afresh is quicker.
      if (snapshot && snapshot.licht.size > 0 && (!velden || !laadVelden(snapshot, velden))) snapshot = undefined;
      snapshot ??= nieuw(vraag, velden);
      standen.delete(sleutel);
      standen.set(sleutel, snapshot);
      if (standen.size > BEWAARD) standen.delete(standen.keys().next().value!);
      const { stand } = snapshot;
      for (let rijen = lees.all(Number(stand.tot), BATCH); rijen.length > 0; rijen = rijen.length < BATCH ? [] : lees.all(Number(stand.tot), BATCH)) {
        const events = rijen.map(toStoredEvent);
        vulAan(snapshot, events.map((e) => (e.data as { itemId: string }).itemId));
        stand.pasToe(events);
      }
      const pagina = filterRegister(stand.rows.values(), vraag.filter);
      vulAan(snapshot, pagina.items.map((r) => r.itemId));
      const items = pagina.items.map((r) => stand.rows.get(r.itemId)!);
      port.postMessage({ id: vraag.id, pagina: { ...pagina, items }, positie: stand.tot.toString(), bron: snapshot.bron } satisfies TijdreisAntwoord);
    } catch (error) {
      // Left half brought up to date, the snapshot would give wrong pages from now on: it goes.
      standen.delete(sleutel);
      port.postMessage({ id: vraag.id, fout: (error as Error).message } satisfies TijdreisAntwoord);
    }
  });
  port.once('close', () => {
    db.close();
    rm?.close();
  });
}
