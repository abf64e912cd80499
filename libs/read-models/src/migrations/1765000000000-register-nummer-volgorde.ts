import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Numbers sort in their natural order (dossier, toevoeging, volgnummer) through a key column with
 * its own index. On SQLite the table is recreated with the key among the small columns, before the
 * long texts (see RegisterKleineKolommenEerstSqlite1764400000000: a filtered sort must not read
 * overflow pages); its other indexes are recreated as they were. The tables are left empty: the
 * register projection's version goes up with this migration, so the next start rebuilds them from
 * the log, and with them the full-text index, which now holds members and Dutch stems.
 */
export class RegisterNummerVolgordeSqlite1765000000000 implements MigrationInterface {
  name = 'RegisterNummerVolgordeSqlite1765000000000';

  async up(q: QueryRunner): Promise<void> {
    const indexen = (await q.query(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'register_items' AND sql IS NOT NULL`)) as { sql: string }[];
    await q.query(`DROP TABLE "register_items"`);
    await q.query(
      `CREATE TABLE "register_items" ("item_id" varchar(36) PRIMARY KEY NOT NULL, "volgnummer" bigint NOT NULL, "soort" varchar(12) NOT NULL, "nummer" varchar(40) NOT NULL, "nummer_sorteer" varchar(160) NOT NULL DEFAULT (''), "nummer_bron" varchar(10) NOT NULL, "vergaderjaar" varchar(7), "status" varchar(20) NOT NULL, "datum" varchar(10) NOT NULL, "termijn_datum" varchar(10), "bewindspersoon" varchar(200) NOT NULL, "ministerie" varchar(200) NOT NULL, "thema" varchar(200) NOT NULL, "revisie" integer NOT NULL, "heropend_op" varchar(10), "geregistreerd_op" varchar(30) NOT NULL, "laatste_wijziging_op" varchar(30) NOT NULL, "laatste_wijziging" varchar(60) NOT NULL, "laatste_wijziging_door" varchar(200) NOT NULL, "termijn_omschrijving" text, "titel" text NOT NULL, "leden" text NOT NULL, "koppelingen" text NOT NULL, "afdoening" text, "deel_afdoeningen" text NOT NULL, "vervallen_reden" text, "debat" text NOT NULL, "tekst" text NOT NULL, "voortgang" text NOT NULL)`,
    );
    for (const { sql } of indexen) await q.query(sql);
    await q.query(`CREATE INDEX "IDX_register_nummer_sorteer" ON "register_items" ("nummer_sorteer")`);
    await q.query(`DELETE FROM "register_item_leden"`);
    await q.query(`DELETE FROM "register_zoek"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_register_nummer_sorteer"`);
    await q.query(`ALTER TABLE "register_items" DROP COLUMN "nummer_sorteer"`);
  }
}

export class RegisterNummerVolgordePostgres1765000000000 implements MigrationInterface {
  name = 'RegisterNummerVolgordePostgres1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "register_items" ADD "nummer_sorteer" character varying(160) NOT NULL DEFAULT ''`);
    await q.query(`CREATE INDEX "IDX_register_nummer_sorteer" ON "register_items" ("nummer_sorteer")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_register_nummer_sorteer"`);
    await q.query(`ALTER TABLE "register_items" DROP COLUMN "nummer_sorteer"`);
  }
}
