import { MigrationInterface, QueryRunner } from 'typeorm';

/** The reminders' read model: one row per digest, one per item it listed. Filled from the log by its projection. */
export class HerinneringenSqlite1765300000000 implements MigrationInterface {
  name = 'HerinneringenSqlite1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "herinneringen" ("herinnering_id" varchar(36) PRIMARY KEY NOT NULL, "soort" varchar(20) NOT NULL, "periode" varchar(10) NOT NULL, "datum" varchar(10) NOT NULL, "email" varchar(254) NOT NULL, "naam" text NOT NULL, "bewindspersoon" text, "onderwerp" text NOT NULL, "message_id" text NOT NULL, "status" varchar(12) NOT NULL, "pogingen" integer NOT NULL, "blijvend" boolean NOT NULL, "reden" text, "smtp_antwoord" text, "hervat" boolean NOT NULL, "voorbereid_op" varchar(30) NOT NULL, "verstuurd_op" varchar(30), "aantal_achterstallig" integer NOT NULL, "aantal_binnenkort" integer NOT NULL)`,
    );
    await q.query(`CREATE INDEX "IDX_herinneringen_email" ON "herinneringen" ("email", "datum")`);
    await q.query(`CREATE INDEX "IDX_herinneringen_datum" ON "herinneringen" ("datum")`);
    await q.query(`CREATE TABLE "herinnering_items" ("herinnering_id" varchar(36) NOT NULL, "item_id" varchar(36) NOT NULL, "achterstallig" boolean NOT NULL, "termijn_datum" varchar(10) NOT NULL, PRIMARY KEY ("herinnering_id", "item_id"))`);
    await q.query(`CREATE INDEX "IDX_herinnering_items_item" ON "herinnering_items" ("item_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "herinnering_items"`);
    await q.query(`DROP TABLE "herinneringen"`);
  }
}

export class HerinneringenPostgres1765300000000 implements MigrationInterface {
  name = 'HerinneringenPostgres1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "herinneringen" ("herinnering_id" character varying(36) NOT NULL, "soort" character varying(20) NOT NULL, "periode" character varying(10) NOT NULL, "datum" character varying(10) NOT NULL, "email" character varying(254) NOT NULL, "naam" text NOT NULL, "bewindspersoon" text, "onderwerp" text NOT NULL, "message_id" text NOT NULL, "status" character varying(12) NOT NULL, "pogingen" integer NOT NULL, "blijvend" boolean NOT NULL, "reden" text, "smtp_antwoord" text, "hervat" boolean NOT NULL, "voorbereid_op" character varying(30) NOT NULL, "verstuurd_op" character varying(30), "aantal_achterstallig" integer NOT NULL, "aantal_binnenkort" integer NOT NULL, CONSTRAINT "PK_herinneringen" PRIMARY KEY ("herinnering_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_herinneringen_email" ON "herinneringen" ("email", "datum")`);
    await q.query(`CREATE INDEX "IDX_herinneringen_datum" ON "herinneringen" ("datum")`);
    await q.query(`CREATE TABLE "herinnering_items" ("herinnering_id" character varying(36) NOT NULL, "item_id" character varying(36) NOT NULL, "achterstallig" boolean NOT NULL, "termijn_datum" character varying(10) NOT NULL, CONSTRAINT "PK_herinnering_items" PRIMARY KEY ("herinnering_id", "item_id"))`);
    await q.query(`CREATE INDEX "IDX_herinnering_items_item" ON "herinnering_items" ("item_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "herinnering_items"`);
    await q.query(`DROP TABLE "herinneringen"`);
  }
}
