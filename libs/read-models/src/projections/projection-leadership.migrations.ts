import { MigrationInterface, QueryRunner } from 'typeorm';

/** The same statement on SQLite and PostgreSQL. */
export class ProjectieLeiding1765100000000 implements MigrationInterface {
  name = 'ProjectieLeiding1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "projectie_leiding" ("naam" varchar(50) NOT NULL PRIMARY KEY, "instantie" varchar(200) NOT NULL, "sinds" varchar(30) NOT NULL, "positie" varchar(30) NOT NULL, "bijgewerkt_op" varchar(30) NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "projectie_leiding"`);
  }
}

export const LEIDING_MIGRATIES = { sqlite: [ProjectieLeiding1765100000000], postgres: [ProjectieLeiding1765100000000] } as const;
