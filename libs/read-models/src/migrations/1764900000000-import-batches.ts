import { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportBatchesSqlite1764900000000 implements MigrationInterface {
  name = 'ImportBatchesSqlite1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "import_batches" ("batch_id" varchar(36) PRIMARY KEY NOT NULL, "bestandsnaam" text NOT NULL, "formaat" varchar(8) NOT NULL, "sha256" varchar(64) NOT NULL, "bytes" integer NOT NULL, "ingelezen_door" text NOT NULL, "ingelezen_op" varchar(30) NOT NULL, "datum" varchar(10) NOT NULL, "referentie" text NOT NULL, "aantal" integer NOT NULL, "open" integer NOT NULL, "document" text NOT NULL, "regels" text NOT NULL, "revisie" integer NOT NULL)`,
    );
    await q.query(`CREATE INDEX "IDX_import_batches_ingelezen_op" ON "import_batches" ("ingelezen_op")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "import_batches"`);
  }
}

export class ImportBatchesPostgres1764900000000 implements MigrationInterface {
  name = 'ImportBatchesPostgres1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "import_batches" ("batch_id" character varying(36) NOT NULL, "bestandsnaam" text NOT NULL, "formaat" character varying(8) NOT NULL, "sha256" character varying(64) NOT NULL, "bytes" integer NOT NULL, "ingelezen_door" text NOT NULL, "ingelezen_op" character varying(30) NOT NULL, "datum" character varying(10) NOT NULL, "referentie" text NOT NULL, "aantal" integer NOT NULL, "open" integer NOT NULL, "document" text NOT NULL, "regels" text NOT NULL, "revisie" integer NOT NULL, CONSTRAINT "PK_import_batches" PRIMARY KEY ("batch_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_import_batches_ingelezen_op" ON "import_batches" ("ingelezen_op")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "import_batches"`);
  }
}
