import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The FTS5 index without term positions (detail=none): the register searches for words and word
 * prefixes, never phrases, and building the index becomes a third faster. The register projection's
 * version goes up with it, so the index is filled again on the next start.
 */
export class RegisterZoekDetailNoneSqlite1764200000000 implements MigrationInterface {
  name = 'RegisterZoekDetailNoneSqlite1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "register_zoek"`);
    await q.query(`CREATE VIRTUAL TABLE "register_zoek" USING fts5("inhoud", tokenize = 'unicode61 remove_diacritics 2', detail = none)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "register_zoek"`);
    await q.query(`CREATE VIRTUAL TABLE "register_zoek" USING fts5("inhoud", tokenize = 'unicode61 remove_diacritics 2')`);
  }
}
