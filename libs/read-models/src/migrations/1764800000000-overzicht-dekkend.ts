import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that answer the liaison's dashboard (GET /api/overzicht) by themselves: open and overdue
 * items per bewindspersoon and theme, per fractie and member, and the open items per month. At
 * 150,000 items the dashboard read ~32,000 rows and ~300,000 verloop rows through the table (0.75 s
 * on the server's event loop); each of these is an index-only scan.
 */
const INDEXEN = [
  `CREATE INDEX "IDX_register_open_telling" ON "register_items" ("status", "bewindspersoon", "thema", "termijn_datum")`,
  `CREATE INDEX "IDX_leden_open_telling" ON "register_item_leden" ("status", "naam", "fractie", "termijn_datum", "item_id")`,
  `CREATE INDEX "IDX_open_verloop_datum_delta" ON "open_verloop" ("datum", "delta")`,
];

/** The same statements on SQLite and PostgreSQL. */
export class OverzichtDekkend1764800000000 implements MigrationInterface {
  name = 'OverzichtDekkend1764800000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of INDEXEN) await q.query(sql);
    await q.query(`DROP INDEX "IDX_open_verloop_datum"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_open_verloop_datum" ON "open_verloop" ("datum")`);
    for (const naam of ['IDX_register_open_telling', 'IDX_leden_open_telling', 'IDX_open_verloop_datum_delta']) await q.query(`DROP INDEX "${naam}"`);
  }
}
