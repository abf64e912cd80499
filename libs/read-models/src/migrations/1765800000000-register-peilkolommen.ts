import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The time travel's columns on the register (see RegisterItem.vastgelegdTot): the latest recording
 * time and the latest business date among each row's events, and the row's filter fields as they
 * were before its last event with the same two then (vorig_*). Left null here (not known);
 * the register projection's version 10 rebuilds the rows from the log, which fills them.
 * On SQLite also an index holding every column the register's filters and sorts read (FILTERVELDEN),
 * the revision and the two: the time travel reads all rows through it (70 MB at national scale) instead of the
 * table with its texts and progress reports (650 MB). And the full-text index merges its segments
 * less eagerly (see ZOEK_INSTELLINGEN in register.writers.ts).
 */
export class RegisterPeilkolommenSqlite1765800000000 implements MigrationInterface {
  name = 'RegisterPeilkolommenSqlite1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "register_items" ADD COLUMN "vastgelegd_tot" varchar(30)`);
    await q.query(`ALTER TABLE "register_items" ADD COLUMN "gedateerd_tot" varchar(10)`);
    await q.query(`ALTER TABLE "register_items" ADD COLUMN "vorig_licht" text`);
    await q.query(`ALTER TABLE "register_items" ADD COLUMN "vorig_vastgelegd_tot" varchar(30)`);
    await q.query(`ALTER TABLE "register_items" ADD COLUMN "vorig_gedateerd_tot" varchar(10)`);
    await q.query(
      `CREATE INDEX "IDX_register_tijdreis" ON "register_items" ("vastgelegd_tot", "gedateerd_tot", "item_id", "soort", "status", "bewindspersoon", "ministerie", "behandelaar_directie", "behandelaar_email", "thema", "leden", "termijn_datum", "nummer_sorteer", "datum", "titel", "laatste_wijziging_op", "revisie")`,
    );
    await q.query(`INSERT INTO "register_zoek" ("register_zoek", rank) VALUES ('automerge', 8)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_register_tijdreis"`);
    for (const kolom of ['vorig_gedateerd_tot', 'vorig_vastgelegd_tot', 'vorig_licht']) await q.query(`ALTER TABLE "register_items" DROP COLUMN "${kolom}"`);
    await q.query(`ALTER TABLE "register_items" DROP COLUMN "gedateerd_tot"`);
    await q.query(`ALTER TABLE "register_items" DROP COLUMN "vastgelegd_tot"`);
  }
}

export class RegisterPeilkolommenPostgres1765800000000 implements MigrationInterface {
  name = 'RegisterPeilkolommenPostgres1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "register_items" ADD "vastgelegd_tot" character varying(30)`);
    await q.query(`ALTER TABLE "register_items" ADD "gedateerd_tot" character varying(10)`);
    await q.query(`ALTER TABLE "register_items" ADD "vorig_licht" text`);
    await q.query(`ALTER TABLE "register_items" ADD "vorig_vastgelegd_tot" character varying(30)`);
    await q.query(`ALTER TABLE "register_items" ADD "vorig_gedateerd_tot" character varying(10)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const kolom of ['vorig_gedateerd_tot', 'vorig_vastgelegd_tot', 'vorig_licht']) await q.query(`ALTER TABLE "register_items" DROP COLUMN "${kolom}"`);
    await q.query(`ALTER TABLE "register_items" DROP COLUMN "gedateerd_tot"`);
    await q.query(`ALTER TABLE "register_items" DROP COLUMN "vastgelegd_tot"`);
  }
}
