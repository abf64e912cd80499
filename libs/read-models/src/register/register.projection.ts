import { parseEventType } from '@register/domain';
import { StoredEvent } from '@register/event-store';
import { EntityManager, In } from 'typeorm';
import { Projection, isPostgres } from '../projections/projection';
import { RegisterItemLid } from './register-item-lid.entity';
import { RegisterItem } from './register-item.entity';
import { applyToRegisterRow } from './register-row';
import { zoekSleutel } from './zoek-sleutel';

const CHUNK = 400;

/**
 * The register: one row per item, its members, and a full-text index over title, text and every
 * progress report (SQLite FTS5; PostgreSQL tsvector with the Dutch configuration).
 * A batch is folded in memory and every touched row is written once.
 */
export class RegisterProjection implements Projection {
  readonly name = 'register';
  readonly version = 1;

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM register_item_leden');
    await manager.query('DELETE FROM register_items');
    if (!isPostgres(manager)) await manager.query('DELETE FROM register_zoek');
  }

  handles(eventType: string): boolean {
    return parseEventType(eventType) !== undefined;
  }

  async applyBatch(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    const itemEvents = events.filter((e) => this.handles(e.type));
    if (itemEvents.length === 0) return;
    const ids = [...new Set(itemEvents.map((e) => (e.data as { itemId: string }).itemId))];

    const rows = new Map<string, RegisterItem>();
    for (const chunk of chunks(ids)) {
      for (const row of await manager.find(RegisterItem, { where: { itemId: In(chunk) } })) rows.set(row.itemId, row);
    }
    const before = new Map(rows);
    for (const event of itemEvents) {
      const id = (event.data as { itemId: string }).itemId;
      const next = applyToRegisterRow(rows.get(id), event);
      if (next) rows.set(id, next);
    }
    const changed = [...rows.values()].filter((row) => before.get(row.itemId) !== row);
    if (changed.length === 0) return;

    for (const chunk of chunks(changed)) await manager.upsert(RegisterItem, chunk, ['itemId']);
    await this.writeLeden(changed, manager);
    await this.writeZoekindex(changed, manager);
  }

  private async writeLeden(rows: RegisterItem[], manager: EntityManager): Promise<void> {
    for (const chunk of chunks(rows)) {
      await manager.delete(RegisterItemLid, { itemId: In(chunk.map((r) => r.itemId)) });
      const leden = chunk.flatMap((row) =>
        row.leden.map((lid, positie) => Object.assign(new RegisterItemLid(), { itemId: row.itemId, positie, naam: lid.naam, naamSleutel: zoekSleutel(lid.naam), fractie: lid.fractie })),
      );
      for (const part of chunks(leden)) if (part.length > 0) await manager.insert(RegisterItemLid, part);
    }
  }

  private async writeZoekindex(rows: RegisterItem[], manager: EntityManager): Promise<void> {
    if (isPostgres(manager)) {
      for (const chunk of chunks(rows)) {
        await manager.query(
          `UPDATE register_items SET zoekvector = to_tsvector('dutch', v.tekst)
           FROM (SELECT unnest($1::text[]) AS item_id, unnest($2::text[]) AS tekst) AS v
           WHERE register_items.item_id = v.item_id`,
          [chunk.map((r) => r.itemId), chunk.map(zoekTekst)],
        );
      }
      return;
    }
    for (const chunk of chunks(rows)) {
      const rowids = chunk.map((r) => Number(r.volgnummer));
      await manager.query(`DELETE FROM register_zoek WHERE rowid IN (${rowids.map(() => '?').join(',')})`, rowids);
      await manager.query(
        `INSERT INTO register_zoek (rowid, inhoud) VALUES ${chunk.map(() => '(?, ?)').join(',')}`,
        chunk.flatMap((r) => [Number(r.volgnummer), zoekTekst(r)]),
      );
    }
  }
}

/** What full-text search looks in: number, title, text and the whole progress trail. */
export function zoekTekst(row: RegisterItem): string {
  return [row.nummer, row.titel, row.tekst, ...row.voortgang.map((v) => v.tekst)].join('\n');
}

function chunks<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}
