import { MigrationInterface, QueryRunner } from 'typeorm';

/** When items opened and closed (business dates), for the chart of open items per month. */
export class OpenVerloopSqlite1764500000000 implements MigrationInterface {
  name = 'OpenVerloopSqlite1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "open_verloop" ("item_id" varchar(36) NOT NULL, "revisie" integer NOT NULL, "datum" varchar(10) NOT NULL, "delta" integer NOT NULL, PRIMARY KEY ("item_id", "revisie"))`);
    await q.query(`CREATE INDEX "IDX_open_verloop_datum" ON "open_verloop" ("datum")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "open_verloop"`);
  }
}

export class OpenVerloopPostgres1764500000000 implements MigrationInterface {
  name = 'OpenVerloopPostgres1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "open_verloop" ("item_id" character varying(36) NOT NULL, "revisie" integer NOT NULL, "datum" character varying(10) NOT NULL, "delta" integer NOT NULL, CONSTRAINT "PK_open_verloop" PRIMARY KEY ("item_id", "revisie"))`,
    );
    await q.query(`CREATE INDEX "IDX_open_verloop_datum" ON "open_verloop" ("datum")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "open_verloop"`);
  }
}
