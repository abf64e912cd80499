import { MigrationInterface, QueryRunner } from 'typeorm';

export class AgendaAbonnementenSqlite1765300000000 implements MigrationInterface {
  name = 'AgendaAbonnementenSqlite1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "agenda_abonnementen" ("id" varchar(36) PRIMARY KEY NOT NULL, "geheim_hash" varchar(64) NOT NULL, "eigenaar" varchar(200) NOT NULL, "eigenaar_bron" varchar(10) NOT NULL, "eigenaar_email" varchar(254), "filter" text NOT NULL, "aangemaakt_op" varchar(30) NOT NULL, "ingetrokken_op" varchar(30))`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_agenda_abonnementen_geheim_hash" ON "agenda_abonnementen" ("geheim_hash")`);
    await q.query(`CREATE INDEX "IDX_agenda_abonnementen_eigenaar" ON "agenda_abonnementen" ("eigenaar")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "agenda_abonnementen"`);
  }
}

export class AgendaAbonnementenPostgres1765300000000 implements MigrationInterface {
  name = 'AgendaAbonnementenPostgres1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "agenda_abonnementen" ("id" character varying(36) NOT NULL, "geheim_hash" character varying(64) NOT NULL, "eigenaar" character varying(200) NOT NULL, "eigenaar_bron" character varying(10) NOT NULL, "eigenaar_email" character varying(254), "filter" text NOT NULL, "aangemaakt_op" character varying(30) NOT NULL, "ingetrokken_op" character varying(30), CONSTRAINT "PK_agenda_abonnementen" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_agenda_abonnementen_geheim_hash" ON "agenda_abonnementen" ("geheim_hash")`);
    await q.query(`CREATE INDEX "IDX_agenda_abonnementen_eigenaar" ON "agenda_abonnementen" ("eigenaar")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "agenda_abonnementen"`);
  }
}

/** The calendar subscriptions' table per database, for the application database that holds it. */
export const AGENDA_MIGRATIES = {
  sqlite: [AgendaAbonnementenSqlite1765300000000],
  postgres: [AgendaAbonnementenPostgres1765300000000],
} as const;
