import type Database from 'better-sqlite3';
import { EntityManager } from 'typeorm';
import { REGISTER_KOLOMMEN, naarKolommen, uitKolommen } from './register-columns';
import { RegisterItem } from './register-item.entity';
import { nlStamTekst } from './nl-stammen';
import { TellingDelta, tellingenUitRijen } from './register-tellingen';
import { WaardeDelta } from './register-waarden';
import { zoekSleutel } from './zoek-sleutel';

/** Reads and writes register rows in bulk inside the projection's transaction, per database engine. */
export interface RegisterWriter {
  load(ids: readonly string[]): Promise<RegisterItem[]>;
  save(rows: readonly RegisterItem[]): Promise<void>;
  saveLeden(rows: readonly RegisterItem[]): Promise<void>;
  /** Moves the counts of the register's values (register_waarden); a value whose count reaches 0 goes. */
  waarden(deltas: readonly WaardeDelta[]): Promise<void>;
  /** Moves the dashboard's counts (register_tellingen); a count that reaches 0 goes. Not during a rebuild: voltooiHerbouw counts them. */
  tellingen(deltas: readonly TellingDelta[]): Promise<void>;
  /** Rewrites the full-text entries of these rows, or of every row when `rows` is undefined. */
  index(rows?: readonly RegisterItem[]): Promise<void>;
  /** Empties the register at the start of a rebuild; its secondary indexes wait for voltooiHerbouw. */
  reset(): Promise<void>;
  /** At the end of a rebuild: the full-text index and the indexes reset() dropped, each in one pass. */
  voltooiHerbouw(): Promise<void>;
}

const KOLOMMEN = REGISTER_KOLOMMEN.map((k) => k.kolom);
const CHUNK = 500;

/** A member row: who, plus the item's filter columns copied (see RegisterItemLid). */
function ledenRijen(row: RegisterItem): unknown[][] {
  return row.leden.map((lid, positie) => [row.itemId, positie, lid.naam, zoekSleutel(lid.naam), lid.fractie, row.soort, row.status, row.thema, row.termijnDatum]);
}

const LID_KOLOMMEN = 'item_id, positie, naam, naam_sleutel, fractie, soort, status, thema, termijn_datum';

function chunks<T>(values: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/** What full-text search looks in: number, title, text, the whole progress trail and the members with their fracties. */
export function zoekTekst(row: Pick<RegisterItem, 'nummer' | 'titel' | 'tekst' | 'voortgang' | 'leden'>): string {
  return [row.nummer, row.titel, row.tekst, ...row.voortgang.map((v) => v.tekst), ...row.leden.map((l) => (l.fractie ? `${l.naam} ${l.fractie}` : l.naam))].join('\n');
}

/**
 * SQLite through the driver's own prepared statements. better-sqlite3 has one connection, so these
 * run inside the transaction TypeORM opened for the batch; the ORM's per-row overhead is the cost
 * the rebuild cannot afford at a million events.
 */
export class SqliteRegisterWriter implements RegisterWriter {
  private readonly db: Database.Database;
  private readonly upsert: Database.Statement;
  private readonly deleteLeden: Database.Statement;
  private readonly insertLid: Database.Statement;
  private readonly deleteZoek: Database.Statement;
  private readonly insertZoek: Database.Statement;
  private readonly telWaarde: Database.Statement;
  private readonly ruimWaarde: Database.Statement;
  private readonly telTelling: Database.Statement;
  private readonly ruimTelling: Database.Statement;

  constructor(manager: EntityManager) {
    this.db = (manager.connection.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
    const updates = KOLOMMEN.filter((k) => k !== 'item_id').map((k) => `${k} = excluded.${k}`);
    this.upsert = this.db.prepare(`INSERT INTO register_items (${KOLOMMEN.join(', ')}) VALUES (${KOLOMMEN.map(() => '?').join(', ')}) ON CONFLICT(item_id) DO UPDATE SET ${updates.join(', ')}`);
    this.deleteLeden = this.db.prepare('DELETE FROM register_item_leden WHERE item_id = ?');
    this.insertLid = this.db.prepare(`INSERT INTO register_item_leden (${LID_KOLOMMEN}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.deleteZoek = this.db.prepare('DELETE FROM register_zoek WHERE rowid = ?');
    this.insertZoek = this.db.prepare('INSERT INTO register_zoek (rowid, inhoud) VALUES (?, ?)');
    this.telWaarde = this.db.prepare(
      `INSERT INTO register_waarden (veld, waarde, toelichting, aantal) VALUES (?, ?, ?, ?)
       ON CONFLICT (veld, waarde) DO UPDATE SET aantal = aantal + excluded.aantal, toelichting = coalesce(excluded.toelichting, register_waarden.toelichting)`,
    );
    this.ruimWaarde = this.db.prepare('DELETE FROM register_waarden WHERE veld = ? AND waarde = ? AND aantal <= 0');
    this.telTelling = this.db.prepare(
      `INSERT INTO register_tellingen (groep, waarde, naam, directie, termijn_datum, aantal) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (groep, waarde, naam, directie, termijn_datum) DO UPDATE SET aantal = aantal + excluded.aantal`,
    );
    this.ruimTelling = this.db.prepare('DELETE FROM register_tellingen WHERE groep = ? AND waarde = ? AND naam = ? AND directie = ? AND termijn_datum = ? AND aantal <= 0');
    registreerZoektekst(this.db);
  }

  async load(ids: readonly string[]): Promise<RegisterItem[]> {
    return chunks(ids).flatMap((chunk) =>
      (this.db.prepare(`SELECT * FROM register_items WHERE item_id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as Record<string, unknown>[]).map(uitKolommen),
    );
  }

  async save(rows: readonly RegisterItem[]): Promise<void> {
    for (const row of rows) this.upsert.run(...naarKolommen(row));
  }

  async saveLeden(rows: readonly RegisterItem[]): Promise<void> {
    for (const row of rows) {
      this.deleteLeden.run(row.itemId);
      for (const lid of ledenRijen(row)) this.insertLid.run(...lid);
    }
  }

  async waarden(deltas: readonly WaardeDelta[]): Promise<void> {
    for (const d of deltas) {
      this.telWaarde.run(d.veld, d.waarde, d.toelichting, d.delta);
      if (d.delta < 0) this.ruimWaarde.run(d.veld, d.waarde);
    }
  }

  async tellingen(deltas: readonly TellingDelta[]): Promise<void> {
    for (const d of deltas) {
      this.telTelling.run(d.groep, d.waarde, d.naam, d.directie, d.termijnDatum, d.delta);
      if (d.delta < 0) this.ruimTelling.run(d.groep, d.waarde, d.naam, d.directie, d.termijnDatum);
    }
  }

  async index(rows?: readonly RegisterItem[]): Promise<void> {
    if (rows) {
      for (const row of rows) {
        const rowid = Number(row.volgnummer);
        this.deleteZoek.run(rowid);
        this.insertZoek.run(rowid, nlStamTekst(zoekTekst(row)));
      }
      return;
    }
    // One pass over the finished register (after a rebuild): each row's text, stemmed, a block of
    // rows per statement with a turn for the event loop in between, so that /health and readers
    // are answered while 150,000 items are indexed (about 20 s).
    this.db.exec('DELETE FROM register_zoek');
    const grens = this.db.prepare(`SELECT volgnummer FROM register_items WHERE volgnummer > ? ORDER BY volgnummer LIMIT 1 OFFSET ${ZOEK_BLOK - 1}`);
    const blok = this.db.prepare(
      `INSERT INTO register_zoek (rowid, inhoud) SELECT volgnummer, register_zoektekst(nummer, titel, tekst, voortgang, leden) FROM register_items WHERE volgnummer > ? AND volgnummer <= ? ORDER BY volgnummer`,
    );
    for (let vanaf: number | bigint = -1; ; ) {
      const tot: number | bigint | undefined = (grens.get(vanaf) as { volgnummer: number | bigint } | undefined)?.volgnummer;
      blok.run(vanaf, tot ?? Number.MAX_SAFE_INTEGER);
      if (tot === undefined) break;
      vanaf = tot;
      await new Promise((r) => setImmediate(r));
    }
  }

  /**
   * Empties the register for a rebuild as a bulk load does: the secondary indexes are dropped (their
   * definitions kept in register_uitgestelde_indexen) and the tables recreated from their own
   * definitions, which is far quicker than deleting 150,000 rows through every index and the
   * full-text index. finishRebuild builds the indexes again, each in one sorted pass.
   */
  async reset(): Promise<void> {
    const indexen = this.db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${REGISTER_TABELLEN.map(() => '?').join(', ')})`)
      .all(...REGISTER_TABELLEN) as { name: string; sql: string }[];
    const bewaar = this.db.prepare('INSERT OR IGNORE INTO register_uitgestelde_indexen (naam, sql) VALUES (?, ?)');
    for (const { name, sql } of indexen) bewaar.run(name, sql);
    for (const tabel of REGISTER_TABELLEN) {
      const { sql } = this.db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(tabel) as { sql: string };
      this.db.exec(`DROP TABLE "${tabel}"`);
      this.db.exec(sql);
    }
    // The full-text index's own settings went with it.
    this.db.exec(ZOEK_INSTELLINGEN);
  }

  async voltooiHerbouw(): Promise<void> {
    // Indexes first: the full-text pass reads the rows in volgnummer order.
    const indexen = this.db.prepare('SELECT naam, sql FROM register_uitgestelde_indexen ORDER BY naam').all() as { naam: string; sql: string }[];
    for (const { sql } of indexen) this.db.exec(sql);
    this.db.exec('DELETE FROM register_uitgestelde_indexen');
    await this.index();
    // Counted afresh from the rows: also right when the deferred work runs a second time.
    this.db.exec('DELETE FROM register_tellingen');
    this.db.exec(tellingenUitRijen());
  }
}

/**
 * FTS5 merges the index's segments as they pile up: by default as soon as four are at one level,
 * which on the command path (one small segment per transaction) cost 0.33 ms of each command's
 * transaction at national scale; at eight, 0.07 ms, and a search as quick as before. Kept in the
 * index's own configuration, so set again whenever the table is made.
 */
export const ZOEK_INSTELLINGEN = `INSERT INTO register_zoek (register_zoek, rank) VALUES ('automerge', 8)`;

/** Rows indexed per statement at the end of a rebuild. */
const ZOEK_BLOK = 5000;

/** Connections that have the stemming function: registering it again would expire every prepared statement. */
const MET_ZOEKTEKST = new WeakSet<Database.Database>();

/** `register_zoektekst(…)`: a row's searchable text as Dutch stems, for the rebuild's index pass. */
function registreerZoektekst(db: Database.Database): void {
  if (MET_ZOEKTEKST.has(db)) return;
  db.function('register_zoektekst', { deterministic: true }, (nummer, titel, tekst, voortgang, leden) =>
    nlStamTekst(zoekTekst({ nummer: String(nummer), titel: String(titel), tekst: String(tekst), voortgang: JSON.parse(String(voortgang)), leden: JSON.parse(String(leden)) })),
  );
  MET_ZOEKTEKST.add(db);
}

/** The register's own tables on SQLite (the full-text index included). */
const REGISTER_TABELLEN = ['register_items', 'register_item_leden', 'register_zoek', 'register_waarden', 'register_tellingen'];

/** PostgreSQL: whole batches as one statement each, rows passed as arrays and unnested. */
export class PostgresRegisterWriter implements RegisterWriter {
  constructor(private readonly manager: EntityManager) {}

  async load(ids: readonly string[]): Promise<RegisterItem[]> {
    if (ids.length === 0) return [];
    const records = (await this.manager.query(`SELECT ${KOLOMMEN.join(', ')} FROM register_items WHERE item_id = ANY($1)`, [ids])) as Record<string, unknown>[];
    return records.map(uitKolommen);
  }

  async save(rows: readonly RegisterItem[]): Promise<void> {
    for (const chunk of chunks(rows, 2000)) {
      const kolommen = REGISTER_KOLOMMEN.map((k, i) => ({ ...k, waarden: chunk.map((r) => naarKolommen(r)[i]) }));
      const typen = kolommen.map(({ kolom }) => (kolom === 'volgnummer' ? 'bigint[]' : kolom === 'revisie' ? 'int[]' : 'text[]'));
      const updates = KOLOMMEN.filter((k) => k !== 'item_id').map((k) => `${k} = excluded.${k}`);
      await this.manager.query(
        `INSERT INTO register_items (${KOLOMMEN.join(', ')})
         SELECT * FROM unnest(${kolommen.map((_, i) => `$${i + 1}::${typen[i]}`).join(', ')})
         ON CONFLICT (item_id) DO UPDATE SET ${updates.join(', ')}`,
        kolommen.map((k) => k.waarden),
      );
    }
  }

  async saveLeden(rows: readonly RegisterItem[]): Promise<void> {
    if (rows.length === 0) return;
    await this.manager.query('DELETE FROM register_item_leden WHERE item_id = ANY($1)', [rows.map((r) => r.itemId)]);
    const leden = rows.flatMap(ledenRijen);
    const typen = ['text', 'int', 'text', 'text', 'text', 'text', 'text', 'text', 'text'];
    for (const chunk of chunks(leden, 5000)) {
      await this.manager.query(
        `INSERT INTO register_item_leden (${LID_KOLOMMEN}) SELECT * FROM unnest(${typen.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`,
        typen.map((_, i) => chunk.map((l) => l[i])),
      );
    }
  }

  async waarden(deltas: readonly WaardeDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    await this.manager.query(
      `INSERT INTO register_waarden (veld, waarde, toelichting, aantal) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])
       ON CONFLICT (veld, waarde) DO UPDATE SET aantal = register_waarden.aantal + excluded.aantal, toelichting = coalesce(excluded.toelichting, register_waarden.toelichting)`,
      [deltas.map((d) => d.veld), deltas.map((d) => d.waarde), deltas.map((d) => d.toelichting), deltas.map((d) => d.delta)],
    );
    if (deltas.some((d) => d.delta < 0)) await this.manager.query('DELETE FROM register_waarden WHERE aantal <= 0');
  }

  async tellingen(deltas: readonly TellingDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    await this.manager.query(
      `INSERT INTO register_tellingen (groep, waarde, naam, directie, termijn_datum, aantal) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])
       ON CONFLICT (groep, waarde, naam, directie, termijn_datum) DO UPDATE SET aantal = register_tellingen.aantal + excluded.aantal`,
      [deltas.map((d) => d.groep), deltas.map((d) => d.waarde), deltas.map((d) => d.naam), deltas.map((d) => d.directie), deltas.map((d) => d.termijnDatum), deltas.map((d) => d.delta)],
    );
    if (deltas.some((d) => d.delta < 0)) await this.manager.query('DELETE FROM register_tellingen WHERE aantal <= 0');
  }

  async index(rows?: readonly RegisterItem[]): Promise<void> {
    const tekst = `nummer || ' ' || titel || ' ' || tekst || ' ' || coalesce((SELECT string_agg(v->>'tekst', ' ') FROM jsonb_array_elements(voortgang::jsonb) v), '')
      || ' ' || coalesce((SELECT string_agg(concat_ws(' ', l->>'naam', l->>'fractie'), ' ') FROM jsonb_array_elements(leden::jsonb) l), '')`;
    if (rows) {
      if (rows.length > 0) await this.manager.query(`UPDATE register_items SET zoekvector = to_tsvector('dutch', ${tekst}) WHERE item_id = ANY($1)`, [rows.map((r) => r.itemId)]);
      return;
    }
    await this.manager.query(`UPDATE register_items SET zoekvector = to_tsvector('dutch', ${tekst})`);
  }

  /**
   * As on SQLite: the secondary indexes (not those behind a primary key) are dropped, their
   * definitions kept in register_uitgestelde_indexen, and built once at the end of the rebuild.
   */
  async reset(): Promise<void> {
    const indexen = (await this.manager.query(
      `SELECT i.relname AS naam, pg_get_indexdef(i.oid) AS sql
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relname = ANY($1) AND t.relnamespace = current_schema()::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
      [['register_items', 'register_item_leden']],
    )) as { naam: string; sql: string }[];
    for (const { naam, sql } of indexen) {
      await this.manager.query('INSERT INTO register_uitgestelde_indexen (naam, sql) VALUES ($1, $2) ON CONFLICT (naam) DO NOTHING', [naam, sql]);
      await this.manager.query(`DROP INDEX "${naam}"`);
    }
    await this.manager.query('TRUNCATE register_item_leden, register_items, register_waarden, register_tellingen');
  }

  async voltooiHerbouw(): Promise<void> {
    // The search vectors first: written before the GIN index exists, it is built once from them.
    await this.index();
    const indexen = (await this.manager.query('SELECT naam, sql FROM register_uitgestelde_indexen ORDER BY naam')) as { naam: string; sql: string }[];
    for (const { sql } of indexen) await this.manager.query(sql);
    await this.manager.query('DELETE FROM register_uitgestelde_indexen');
    await this.manager.query('DELETE FROM register_tellingen');
    await this.manager.query(tellingenUitRijen());
  }
}
