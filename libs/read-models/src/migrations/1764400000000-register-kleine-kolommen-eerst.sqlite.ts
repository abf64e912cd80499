import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SQLite stores a row's columns in table order and spills long rows onto overflow pages. With the
 * long texts (tekst, voortgang) before the filter columns, every filtered row meant reading its
 * overflow pages: the liaison's query took a second over 150,000 items. The filter and sort columns
 * now come first. The table is recreated empty; the register projection's version goes up with it,
 * so it is rebuilt from the log on the next start.
 */
export class RegisterKleineKolommenEerstSqlite1764400000000 implements MigrationInterface {
  name = 'RegisterKleineKolommenEerstSqlite1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "register_items"`);
    await q.query(
      `CREATE TABLE "register_items" ("item_id" varchar(36) PRIMARY KEY NOT NULL, "volgnummer" bigint NOT NULL, "soort" varchar(12) NOT NULL, "nummer" varchar(40) NOT NULL, "nummer_bron" varchar(10) NOT NULL, "vergaderjaar" varchar(7), "status" varchar(20) NOT NULL, "datum" varchar(10) NOT NULL, "termijn_datum" varchar(10), "bewindspersoon" varchar(200) NOT NULL, "ministerie" varchar(200) NOT NULL, "thema" varchar(200) NOT NULL, "revisie" integer NOT NULL, "heropend_op" varchar(10), "geregistreerd_op" varchar(30) NOT NULL, "laatste_wijziging_op" varchar(30) NOT NULL, "laatste_wijziging" varchar(60) NOT NULL, "laatste_wijziging_door" varchar(200) NOT NULL, "termijn_omschrijving" text, "titel" text NOT NULL, "leden" text NOT NULL, "koppelingen" text NOT NULL, "afdoening" text, "deel_afdoeningen" text NOT NULL, "vervallen_reden" text, "debat" text NOT NULL, "tekst" text NOT NULL, "voortgang" text NOT NULL)`,
    );
    for (const [naam, kolom] of [
      ['IDX_eef406fd717ae198a1fd5844d4', 'nummer'],
      ['IDX_cc9ef71deb6bd12e8e07f03faa', 'datum'],
      ['IDX_2fad9b68141f28394ba2c78b0f', 'bewindspersoon'],
      ['IDX_c854537814627132110168ae2a', 'thema'],
      ['IDX_83d5dd0c9878c9f195c9dab050', 'status'],
      ['IDX_3e930ff463a39c76eb78fbba6a', 'termijn_datum'],
      ['IDX_a2d337fd299af64e967cfce5a4', 'laatste_wijziging_op'],
    ]) {
      await q.query(`CREATE INDEX "${naam}" ON "register_items" ("${kolom}")`);
    }
    await q.query(`CREATE UNIQUE INDEX "IDX_a1d90d8d053d9264034958ff1d" ON "register_items" ("volgnummer")`);
    await q.query(`DELETE FROM "register_item_leden"`);
    await q.query(`DELETE FROM "register_zoek"`);
  }

  async down(): Promise<void> {
    // The column order is a storage detail; going back needs no change.
  }
}
