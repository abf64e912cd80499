import { parseEventType } from '@register/domain';
import { StoredEvent } from '@register/event-store';
import { EntityManager } from 'typeorm';
import { BatchContext, Projection, isPostgres } from '../projections/projection';
import { RegisterItem } from './register-item.entity';
import { applyToRegisterRow } from './register-row';
import { tellingDeltas } from './register-tellingen';
import { waardeDeltas } from './register-waarden';
import { PostgresRegisterWriter, RegisterWriter, SqliteRegisterWriter } from './register.writers';

/**
 * The register: one row per item, its members, and a full-text index over number, title, text,
 * every progress report and the members with their fracties (SQLite FTS5 over Dutch stems;
 * PostgreSQL tsvector with the Dutch configuration), and the register's values per findable field
 * with their counts (register_waarden), and the dashboard's counts of open items (register_tellingen).
 * A batch is folded in memory and every touched row written once; member rows are rewritten only
 * when the members or the filter columns they copy change, the search index only when the
 * searchable text changes. During a rebuild the search index is built once at the end.
 */
export class RegisterProjection implements Projection {
  readonly name = 'register';
  /** 6: numbers in natural order, members and Dutch stems in the full-text index; 7: the values table; 8: the behandelaar; 9: the dashboard's counts; 10: the time travel's columns (vastgelegd_tot, gedateerd_tot). */
  readonly version = 10;
  /** Every item is its own stream: a rebuild may read them stream by stream, each row written once. */
  readonly categories = ['motie', 'toezegging'];

  handles(eventType: string): boolean {
    return parseEventType(eventType) !== undefined;
  }

  async applyBatch(events: readonly StoredEvent[], manager: EntityManager, context: BatchContext = { rebuilding: false }): Promise<void> {
    const ids = [...new Set(events.map((e) => (e.data as { itemId: string }).itemId))];
    const writer = this.writer(manager);
    const before = new Map((await writer.load(ids)).map((row) => [row.itemId, row]));
    const rows = new Map(before);
    for (const event of events) {
      const id = (event.data as { itemId: string }).itemId;
      const next = applyToRegisterRow(rows.get(id), event);
      if (next) rows.set(id, next);
    }
    const changed = [...rows.values()].filter((row) => before.get(row.itemId) !== row);
    if (changed.length === 0) return;
    await writer.save(changed);
    await writer.saveLeden(changed.filter((row) => ledenVeranderd(before.get(row.itemId), row)));
    const wijzigingen = changed.map((na) => ({ voor: before.get(na.itemId), na }));
    await writer.waarden(waardeDeltas(wijzigingen));
    // A rebuild counts them once at its end (see tellingenUitRijen).
    if (!context.rebuilding) await writer.tellingen(tellingDeltas(wijzigingen));
    if (!context.rebuilding) await writer.index(changed.filter((row) => tekstVeranderd(before.get(row.itemId), row)));
  }

  async finishRebuild(manager: EntityManager): Promise<void> {
    await this.writer(manager).voltooiHerbouw();
  }

  async reset(manager: EntityManager): Promise<void> {
    await this.writer(manager).reset();
  }

  private writer(manager: EntityManager): RegisterWriter {
    return isPostgres(manager) ? new PostgresRegisterWriter(manager) : new SqliteRegisterWriter(manager);
  }
}

/** The member rows change with the members and with the filter columns they carry a copy of. */
function ledenVeranderd(voor: RegisterItem | undefined, na: RegisterItem): boolean {
  return (
    !voor ||
    voor.soort !== na.soort ||
    voor.status !== na.status ||
    voor.thema !== na.thema ||
    voor.termijnDatum !== na.termijnDatum ||
    JSON.stringify(voor.leden) !== JSON.stringify(na.leden)
  );
}

function tekstVeranderd(voor: RegisterItem | undefined, na: RegisterItem): boolean {
  return (
    !voor ||
    voor.nummer !== na.nummer ||
    voor.titel !== na.titel ||
    voor.tekst !== na.tekst ||
    voor.voortgang.length !== na.voortgang.length ||
    JSON.stringify(voor.leden) !== JSON.stringify(na.leden)
  );
}
