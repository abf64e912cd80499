import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register's values per findable field with their counts (RegisterWaarde). Filled by the
 * rebuild that the register projection's version 7 starts.
 */
export class RegisterWaardenSqlite1765100000000 implements MigrationInterface {
  name = 'RegisterWaardenSqlite1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "register_waarden" ("veld" varchar(20) NOT NULL, "waarde" varchar(200) NOT NULL, "toelichting" varchar(100), "aantal" integer NOT NULL, PRIMARY KEY ("veld", "waarde"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "register_waarden"`);
  }
}

export class RegisterWaardenPostgres1765100000000 implements MigrationInterface {
  name = 'RegisterWaardenPostgres1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "register_waarden" ("veld" character varying(20) NOT NULL, "waarde" character varying(200) NOT NULL, "toelichting" character varying(100), "aantal" integer NOT NULL, CONSTRAINT "PK_register_waarden" PRIMARY KEY ("veld", "waarde"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "register_waarden"`);
  }
}
