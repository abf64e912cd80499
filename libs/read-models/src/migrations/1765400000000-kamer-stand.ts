import { MigrationInterface, QueryRunner } from 'typeorm';

/** The Kamer's side of the discrepancies: one row per Kamer record the link read, and the register's numbers it does not know. Filled from the log by its projection. */
export class KamerStandSqlite1765400000000 implements MigrationInterface {
  name = 'KamerStandSqlite1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "kamer_stand" ("kamer_id" varchar(64) PRIMARY KEY NOT NULL, "entiteit" varchar(20) NOT NULL, "nummer_kamer" text, "nummer" varchar(40), "status" text, "datum_nakoming" varchar(10), "ministerie" text, "verwijderd" boolean NOT NULL, "api_gewijzigd_op" varchar(30) NOT NULL, "status_sinds" varchar(30) NOT NULL, "gezien_op" varchar(30) NOT NULL, "batch_id" varchar(36) NOT NULL, "voorstel_id" varchar(10))`,
    );
    await q.query(`CREATE INDEX "IDX_kamer_stand_nummer" ON "kamer_stand" ("nummer")`);
    await q.query(`CREATE TABLE "kamer_onbekend" ("nummer" varchar(40) PRIMARY KEY NOT NULL, "batch_id" varchar(36) NOT NULL, "gevraagd_op" varchar(30) NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "kamer_onbekend"`);
    await q.query(`DROP TABLE "kamer_stand"`);
  }
}

export class KamerStandPostgres1765400000000 implements MigrationInterface {
  name = 'KamerStandPostgres1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "kamer_stand" ("kamer_id" character varying(64) NOT NULL, "entiteit" character varying(20) NOT NULL, "nummer_kamer" text, "nummer" character varying(40), "status" text, "datum_nakoming" character varying(10), "ministerie" text, "verwijderd" boolean NOT NULL, "api_gewijzigd_op" character varying(30) NOT NULL, "status_sinds" character varying(30) NOT NULL, "gezien_op" character varying(30) NOT NULL, "batch_id" character varying(36) NOT NULL, "voorstel_id" character varying(10), CONSTRAINT "PK_kamer_stand" PRIMARY KEY ("kamer_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_kamer_stand_nummer" ON "kamer_stand" ("nummer")`);
    await q.query(`CREATE TABLE "kamer_onbekend" ("nummer" character varying(40) NOT NULL, "batch_id" character varying(36) NOT NULL, "gevraagd_op" character varying(30) NOT NULL, CONSTRAINT "PK_kamer_onbekend" PRIMARY KEY ("nummer"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "kamer_onbekend"`);
    await q.query(`DROP TABLE "kamer_stand"`);
  }
}
