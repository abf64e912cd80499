import { MigrationInterface, QueryRunner } from 'typeorm';

/** The public's changes (new items, status changes, sent reports): the feed and each item's public history. Filled from the log by its projection. */
export class OpenbareWijzigingenSqlite1765500000000 implements MigrationInterface {
  name = 'OpenbareWijzigingenSqlite1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "openbare_wijzigingen" ("positie" varchar(20) PRIMARY KEY NOT NULL, "event_id" varchar(36) NOT NULL, "soort" varchar(24) NOT NULL, "item_id" varchar(36), "bericht_id" varchar(36), "datum" varchar(10) NOT NULL, "vastgelegd_op" varchar(30) NOT NULL, "gegevens" text NOT NULL)`,
    );
    await q.query(`CREATE INDEX "IDX_openbare_wijzigingen_item" ON "openbare_wijzigingen" ("item_id", "positie")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "openbare_wijzigingen"`);
  }
}

export class OpenbareWijzigingenPostgres1765500000000 implements MigrationInterface {
  name = 'OpenbareWijzigingenPostgres1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "openbare_wijzigingen" ("positie" character varying(20) NOT NULL, "event_id" character varying(36) NOT NULL, "soort" character varying(24) NOT NULL, "item_id" character varying(36), "bericht_id" character varying(36), "datum" character varying(10) NOT NULL, "vastgelegd_op" character varying(30) NOT NULL, "gegevens" text NOT NULL, CONSTRAINT "PK_openbare_wijzigingen" PRIMARY KEY ("positie"))`,
    );
    await q.query(`CREATE INDEX "IDX_openbare_wijzigingen_item" ON "openbare_wijzigingen" ("item_id", "positie")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "openbare_wijzigingen"`);
  }
}
