import { AfdoeningWijze, Feit, ItemEvent, leesHalfjaarberichtEvent, leesItemEvent, parseEventType } from '@register/domain';
import { StoredEvent } from '@register/event-store';
import { EntityManager } from 'typeorm';
import type Database from 'better-sqlite3';
import { Projection, isPostgres } from '../projections/projection';
import { OpenbareGegevens, OpenbareWijze, OpenbareWijzigingRow, positieSleutel } from './openbare-wijziging.entity';

/** The item facts the public follows. Corrections, progress notes, links and behandelaars are not among them. */
const OPENBARE_FEITEN: ReadonlySet<Feit> = new Set(['Geregistreerd', 'TermijnGewijzigd', 'Afgedaan', 'DeelsAfgedaan', 'Heropend', 'Vervallen', 'Overgedragen']);

/**
 * The public's view of what changed: one row per public change (OpenbareWijzigingRow). Each row
 * copies named fields of its event and nothing else; the reasons given for a termijn change or a
 * transfer are record-keeping and stay out, as do who recorded it and from where.
 *
 * Two projections fill the one table, each its own rows: the items' changes (per stream, so a
 * rebuild reads them in the same pass over the item streams as the register), and the reports sent.
 */
export class OpenbaarProjection implements Projection {
  readonly name = 'openbare-wijzigingen';
  readonly version = 1;
  readonly categories = ['motie', 'toezegging'];
  readonly eventTypePrefixes = ['Motie', 'Toezegging'];

  handles(eventType: string): boolean {
    const feit = parseEventType(eventType)?.feit;
    return feit !== undefined && OPENBARE_FEITEN.has(feit);
  }

  applyBatch(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    return voegToe(events, manager);
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM openbare_wijzigingen WHERE item_id IS NOT NULL');
  }
}

/** The halfjaarberichten sent, in the same table as the items' public changes (see OpenbaarProjection). */
export class OpenbareBerichtenProjection implements Projection {
  readonly name = 'openbare-berichten';
  readonly version = 1;
  readonly eventTypePrefixes = ['HalfjaarberichtVerzonden'];

  handles(eventType: string): boolean {
    return eventType === 'HalfjaarberichtVerzonden';
  }

  applyBatch(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    return voegToe(events, manager);
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM openbare_wijzigingen WHERE bericht_id IS NOT NULL');
  }
}

const KOLOMMEN = ['positie', 'event_id', 'soort', 'item_id', 'bericht_id', 'datum', 'vastgelegd_op', 'gegevens'] as const;
const waarden = (r: OpenbareWijzigingRow) => [r.positie, r.eventId, r.soort, r.itemId, r.berichtId, r.datum, r.vastgelegdOp, JSON.stringify(r.gegevens)];
const insertPerDatabase = new WeakMap<Database.Database, Database.Statement>();

/**
 * The rows of a batch, written without the ORM: a rebuild writes some 400,000 of them at national
 * scale, in the same pass as the register. SQLite through the driver's prepared statement (inside
 * the batch's transaction: better-sqlite3 has one connection), PostgreSQL as one INSERT of arrays.
 */
async function voegToe(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
  const rows: OpenbareWijzigingRow[] = [];
  for (const stored of events) {
    const row = openbareWijziging(stored);
    if (row) rows.push(row);
  }
  if (rows.length === 0) return;
  if (isPostgres(manager)) {
    const typen = ['varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'text'];
    const kolommen = KOLOMMEN.map((_, k) => rows.map((r) => waarden(r)[k]));
    await manager.query(`INSERT INTO openbare_wijzigingen (${KOLOMMEN.join(', ')}) SELECT * FROM unnest(${typen.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`, kolommen);
    return;
  }
  const db = (manager.connection.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
  let insert = insertPerDatabase.get(db);
  if (!insert) {
    insert = db.prepare(`INSERT INTO openbare_wijzigingen (${KOLOMMEN.join(', ')}) VALUES (${KOLOMMEN.map(() => '?').join(', ')})`);
    insertPerDatabase.set(db, insert);
  }
  for (const r of rows) insert.run(...waarden(r));
}

function openbareWijziging(stored: StoredEvent): OpenbareWijzigingRow | undefined {
  const basis = { positie: positieSleutel(stored.position), eventId: stored.eventId, vastgelegdOp: stored.metadata.recordedAt };
  if (stored.type === 'HalfjaarberichtVerzonden') {
    const event = leesHalfjaarberichtEvent(stored);
    if (event?.feit !== 'HalfjaarberichtVerzonden') return undefined;
    return { ...basis, soort: 'bericht-verzonden', itemId: null, berichtId: event.data.berichtId, datum: event.data.datum, gegevens: { soort: 'bericht-verzonden', kenmerk: event.data.kenmerk } };
  }
  const event = leesItemEvent(stored);
  if (!event || !OPENBARE_FEITEN.has(event.feit)) return undefined;
  const gegevens = openbareGegevens(event);
  if (!gegevens) return undefined;
  const datum = 'datum' in event.data ? event.data.datum : undefined;
  if (typeof datum !== 'string') return undefined;
  return { ...basis, soort: gegevens.soort, itemId: event.data.itemId, berichtId: null, datum, gegevens };
}

const wijze = (w: AfdoeningWijze): OpenbareWijze => ({ soort: w.soort, referentie: w.referentie, ...(w.soort === 'brief-ander-ministerie' ? { ministerie: w.ministerie } : {}) });

function openbareGegevens(e: ItemEvent): OpenbareGegevens | undefined {
  switch (e.feit) {
    case 'Geregistreerd':
      return { soort: 'geregistreerd' };
    case 'TermijnGewijzigd':
      return { soort: 'termijn-gewijzigd', termijn: { omschrijving: e.data.nieuw.omschrijving, datum: e.data.nieuw.datum } };
    case 'Afgedaan':
      return { soort: 'afgedaan', wijze: wijze(e.data.wijze), toelichting: e.data.toelichting };
    case 'DeelsAfgedaan':
      return { soort: 'deels-afgedaan', deel: e.data.deel, bewijs: wijze(e.data.bewijs) };
    case 'Heropend':
      return { soort: 'heropend', reden: e.data.reden };
    case 'Vervallen':
      return { soort: 'vervallen', reden: e.data.reden };
    case 'Overgedragen':
      return { soort: 'overgedragen', naar: { bewindspersoon: e.data.naar.bewindspersoon, ministerie: e.data.naar.ministerie } };
    default:
      return undefined;
  }
}
