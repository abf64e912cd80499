import { MigrationInterface, QueryRunner } from 'typeorm';

export class HalfjaarberichtenSqlite1764300000000 implements MigrationInterface {
  name = 'HalfjaarberichtenSqlite1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "halfjaarberichten" ("bericht_id" varchar(36) PRIMARY KEY NOT NULL, "jaar" integer NOT NULL, "helft" integer NOT NULL, "titel" text NOT NULL, "peildatum" varchar(10) NOT NULL, "status" varchar(12) NOT NULL, "verzonden_op" varchar(10), "kenmerk" varchar(100), "kamerstuk" varchar(100), "document" text NOT NULL, "revisie" integer NOT NULL)`,
    );
    await q.query(`CREATE INDEX "IDX_halfjaarberichten_jaar_helft" ON "halfjaarberichten" ("jaar", "helft")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "halfjaarberichten"`);
  }
}

export class HalfjaarberichtenPostgres1764300000000 implements MigrationInterface {
  name = 'HalfjaarberichtenPostgres1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "halfjaarberichten" ("bericht_id" character varying(36) NOT NULL, "jaar" integer NOT NULL, "helft" integer NOT NULL, "titel" text NOT NULL, "peildatum" character varying(10) NOT NULL, "status" character varying(12) NOT NULL, "verzonden_op" character varying(10), "kenmerk" character varying(100), "kamerstuk" character varying(100), "document" text NOT NULL, "revisie" integer NOT NULL, CONSTRAINT "PK_halfjaarberichten" PRIMARY KEY ("bericht_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_halfjaarberichten_jaar_helft" ON "halfjaarberichten" ("jaar", "helft")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "halfjaarberichten"`);
  }
}
