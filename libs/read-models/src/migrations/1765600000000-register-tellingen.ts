import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's counts (see register-tellingen.ts): open items per grouping and termijn date.
 * Filled by the rebuild that the register projection's version 9 starts.
 */
export class RegisterTellingenSqlite1765600000000 implements MigrationInterface {
  name = 'RegisterTellingenSqlite1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "register_tellingen" ("groep" varchar(20) NOT NULL, "waarde" varchar(254) NOT NULL, "naam" varchar(200) NOT NULL, "directie" varchar(200) NOT NULL, "termijn_datum" varchar(10) NOT NULL, "aantal" integer NOT NULL, PRIMARY KEY ("groep", "waarde", "naam", "directie", "termijn_datum"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "register_tellingen"`);
  }
}

export class RegisterTellingenPostgres1765600000000 implements MigrationInterface {
  name = 'RegisterTellingenPostgres1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "register_tellingen" ("groep" character varying(20) NOT NULL, "waarde" character varying(254) NOT NULL, "naam" character varying(200) NOT NULL, "directie" character varying(200) NOT NULL, "termijn_datum" character varying(10) NOT NULL, "aantal" integer NOT NULL, CONSTRAINT "PK_register_tellingen" PRIMARY KEY ("groep", "waarde", "naam", "directie", "termijn_datum"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "register_tellingen"`);
  }
}
