import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The FTS5 index keeps no copy of the text (contentless, with deletes allowed): the register only
 * asks it which rows match, never for the text, and the copy was ~400 MB written on every rebuild.
 * It is refilled by the rebuild that the register projection's version starts.
 */
export class RegisterZoekZonderInhoudSqlite1764700000000 implements MigrationInterface {
  name = 'RegisterZoekZonderInhoudSqlite1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "register_zoek"`);
    await q.query(`CREATE VIRTUAL TABLE "register_zoek" USING fts5("inhoud", content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', detail = none)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "register_zoek"`);
    await q.query(`CREATE VIRTUAL TABLE "register_zoek" USING fts5("inhoud", tokenize = 'unicode61 remove_diacritics 2', detail = none)`);
  }
}
