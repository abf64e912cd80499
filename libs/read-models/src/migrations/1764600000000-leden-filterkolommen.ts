import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Member rows carry copies of the item's filter columns, with an index per way in (member, fractie)
 * that answers the liaison's question by itself. The table is recreated empty: the register
 * projection's version goes up with it, so it is refilled from the log on the next start.
 */
export class LedenFilterkolommenSqlite1764600000000 implements MigrationInterface {
  name = 'LedenFilterkolommenSqlite1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "register_item_leden"`);
    await q.query(
      `CREATE TABLE "register_item_leden" ("item_id" varchar(36) NOT NULL, "positie" integer NOT NULL, "naam" varchar(200) NOT NULL, "naam_sleutel" varchar(200) NOT NULL, "fractie" varchar(100), "soort" varchar(12) NOT NULL, "status" varchar(20) NOT NULL, "thema" varchar(200) NOT NULL, "termijn_datum" varchar(10), PRIMARY KEY ("item_id", "positie"))`,
    );
    // Equality first (member, status), then theme (compared without case, as the query does), then the
    // date range; the item id last, so that the index answers the query without reading the table.
    await q.query(`CREATE INDEX "IDX_leden_lid_filter" ON "register_item_leden" ("naam_sleutel", "status", "thema" COLLATE NOCASE, "termijn_datum", "item_id")`);
    await q.query(`CREATE INDEX "IDX_leden_fractie_filter" ON "register_item_leden" ("fractie" COLLATE NOCASE, "status", "thema" COLLATE NOCASE, "termijn_datum", "item_id")`);
    // A rebuild drops the register's secondary indexes and builds them again at its end; until then
    // their definitions wait here, so that a rebuild that dies half-way still restores them.
    await q.query(`CREATE TABLE "register_uitgestelde_indexen" ("naam" varchar(200) PRIMARY KEY NOT NULL, "sql" text NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "register_uitgestelde_indexen"`);
    await q.query(`DROP INDEX "IDX_leden_lid_filter"`);
    await q.query(`DROP INDEX "IDX_leden_fractie_filter"`);
  }
}

export class LedenFilterkolommenPostgres1764600000000 implements MigrationInterface {
  name = 'LedenFilterkolommenPostgres1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`TRUNCATE "register_item_leden"`);
    await q.query(
      `ALTER TABLE "register_item_leden" ADD "soort" character varying(12) NOT NULL, ADD "status" character varying(20) NOT NULL, ADD "thema" character varying(200) NOT NULL, ADD "termijn_datum" character varying(10)`,
    );
    await q.query(`DROP INDEX "IDX_82614cb2cec9af5769e4d820c9"`);
    await q.query(`DROP INDEX "IDX_39321e2f9e56d5ba40a6cecfd4"`);
    await q.query(`CREATE INDEX "IDX_leden_lid_filter" ON "register_item_leden" ("naam_sleutel", "status", LOWER("thema"), "termijn_datum", "item_id")`);
    await q.query(`CREATE INDEX "IDX_leden_fractie_filter" ON "register_item_leden" (LOWER("fractie"), "status", LOWER("thema"), "termijn_datum", "item_id")`);
    await q.query(`CREATE TABLE "register_uitgestelde_indexen" ("naam" character varying(200) PRIMARY KEY, "sql" text NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "register_uitgestelde_indexen"`);
    await q.query(`DROP INDEX "IDX_leden_lid_filter"`);
    await q.query(`DROP INDEX "IDX_leden_fractie_filter"`);
    await q.query(`ALTER TABLE "register_item_leden" DROP COLUMN "soort", DROP COLUMN "status", DROP COLUMN "thema", DROP COLUMN "termijn_datum"`);
    await q.query(`CREATE INDEX "IDX_82614cb2cec9af5769e4d820c9" ON "register_item_leden" ("naam_sleutel")`);
    await q.query(`CREATE INDEX "IDX_39321e2f9e56d5ba40a6cecfd4" ON "register_item_leden" ("fractie")`);
  }
}
