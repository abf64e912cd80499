import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotenteVerzoekenSqlite1764100000000 implements MigrationInterface {
  name = 'IdempotenteVerzoekenSqlite1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "idempotente_verzoeken" ("sleutel_id" varchar(36) PRIMARY KEY NOT NULL, "verzoek_hash" varchar(64) NOT NULL, "status" integer, "antwoord" text, "aangemaakt_op" varchar(30) NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "idempotente_verzoeken"`);
  }
}

export class IdempotenteVerzoekenPostgres1764100000000 implements MigrationInterface {
  name = 'IdempotenteVerzoekenPostgres1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "idempotente_verzoeken" ("sleutel_id" character varying(36) NOT NULL, "verzoek_hash" character varying(64) NOT NULL, "status" integer, "antwoord" text, "aangemaakt_op" character varying(30) NOT NULL, CONSTRAINT "PK_idempotente_verzoeken" PRIMARY KEY ("sleutel_id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "idempotente_verzoeken"`);
  }
}
