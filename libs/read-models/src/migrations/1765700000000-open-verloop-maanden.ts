import { MigrationInterface, QueryRunner } from 'typeorm';

/** Open items per month, summed (see OpenVerloopProjection). Filled by the rebuild its version 2 starts. */
export class OpenVerloopMaandenSqlite1765700000000 implements MigrationInterface {
  name = 'OpenVerloopMaandenSqlite1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "open_verloop_maanden" ("maand" varchar(7) PRIMARY KEY NOT NULL, "delta" integer NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "open_verloop_maanden"`);
  }
}

export class OpenVerloopMaandenPostgres1765700000000 implements MigrationInterface {
  name = 'OpenVerloopMaandenPostgres1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "open_verloop_maanden" ("maand" character varying(7) NOT NULL, "delta" integer NOT NULL, CONSTRAINT "PK_open_verloop_maanden" PRIMARY KEY ("maand"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "open_verloop_maanden"`);
  }
}
