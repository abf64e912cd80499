import { MigrationInterface, QueryRunner } from 'typeorm';

export class MisluktePogingenSqlite1765200000000 implements MigrationInterface {
  name = 'MisluktePogingenSqlite1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "mislukte_aanmeldingen" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "client" varchar(100) NOT NULL, "op" varchar(30) NOT NULL)`);
    await q.query(`CREATE INDEX "IDX_mislukte_aanmeldingen_client_op" ON "mislukte_aanmeldingen" ("client", "op")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "mislukte_aanmeldingen"`);
  }
}

export class MisluktePogingenPostgres1765200000000 implements MigrationInterface {
  name = 'MisluktePogingenPostgres1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "mislukte_aanmeldingen" ("id" SERIAL NOT NULL, "client" character varying(100) NOT NULL, "op" character varying(30) NOT NULL, CONSTRAINT "PK_mislukte_aanmeldingen" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_mislukte_aanmeldingen_client_op" ON "mislukte_aanmeldingen" ("client", "op")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "mislukte_aanmeldingen"`);
  }
}

/** The failed-login table's migrations per database, for the application database that holds it. */
export const MISLUKTE_POGINGEN_MIGRATIES = {
  sqlite: [MisluktePogingenSqlite1765200000000],
  postgres: [MisluktePogingenPostgres1765200000000],
} as const;
