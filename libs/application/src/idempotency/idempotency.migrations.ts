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

/**
 * A claim now says since when its request runs (a second request with the key waits for it), and
 * answers that carried a secret are no longer kept: records written before this change held new
 * users' tokens in plain text, and those are wiped. The statements are the same on both databases.
 */
export class IdempotentieLeaseZonderGeheimen1764900000000 implements MigrationInterface {
  name = 'IdempotentieLeaseZonderGeheimen1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "idempotente_verzoeken" ADD COLUMN "in_behandeling_sinds" varchar(30)`);
    await q.query(`UPDATE "idempotente_verzoeken" SET "antwoord" = NULL WHERE "antwoord" LIKE '%"token":%'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "idempotente_verzoeken" DROP COLUMN "in_behandeling_sinds"`);
  }
}

/** The idempotency table's migrations per database, for every data source that holds it. */
export const IDEMPOTENTIE_MIGRATIES = {
  sqlite: [IdempotenteVerzoekenSqlite1764100000000, IdempotentieLeaseZonderGeheimen1764900000000],
  postgres: [IdempotenteVerzoekenPostgres1764100000000, IdempotentieLeaseZonderGeheimen1764900000000],
} as const;
