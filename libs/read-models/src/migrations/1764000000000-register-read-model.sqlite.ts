import { MigrationInterface, QueryRunner } from 'typeorm';

/** The register read model on SQLite, with an FTS5 index keyed by the row's volgnummer. */
export class RegisterReadModelSqlite1764000000000 implements MigrationInterface {
  name = 'RegisterReadModelSqlite1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "projection_checkpoints" ("name" varchar(100) PRIMARY KEY NOT NULL, "version" integer NOT NULL, "position" varchar(30) NOT NULL, "updated_at" varchar(30) NOT NULL)`);
    await q.query(`CREATE TABLE "register_item_leden" ("item_id" varchar(36) NOT NULL, "positie" integer NOT NULL, "naam" varchar(200) NOT NULL, "naam_sleutel" varchar(200) NOT NULL, "fractie" varchar(100), PRIMARY KEY ("item_id", "positie"))`);
    await q.query(`CREATE INDEX "IDX_39321e2f9e56d5ba40a6cecfd4" ON "register_item_leden" ("fractie")`);
    await q.query(`CREATE INDEX "IDX_82614cb2cec9af5769e4d820c9" ON "register_item_leden" ("naam_sleutel")`);
    await q.query(
      `CREATE TABLE "register_items" ("item_id" varchar(36) PRIMARY KEY NOT NULL, "volgnummer" bigint NOT NULL, "soort" varchar(12) NOT NULL, "nummer" varchar(40) NOT NULL, "nummer_bron" varchar(10) NOT NULL, "vergaderjaar" varchar(7), "titel" text NOT NULL, "tekst" text NOT NULL, "datum" varchar(10) NOT NULL, "debat" text NOT NULL, "leden" text NOT NULL, "bewindspersoon" varchar(200) NOT NULL, "ministerie" varchar(200) NOT NULL, "thema" varchar(200) NOT NULL, "status" varchar(20) NOT NULL, "termijn_omschrijving" text, "termijn_datum" varchar(10), "voortgang" text NOT NULL, "afdoening" text, "deel_afdoeningen" text NOT NULL, "heropend_op" varchar(10), "vervallen_reden" text, "koppelingen" text NOT NULL, "revisie" integer NOT NULL, "geregistreerd_op" varchar(30) NOT NULL, "laatste_wijziging_op" varchar(30) NOT NULL, "laatste_wijziging" varchar(60) NOT NULL, "laatste_wijziging_door" varchar(200) NOT NULL)`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_a1d90d8d053d9264034958ff1d" ON "register_items" ("volgnummer")`);
    await q.query(`CREATE INDEX "IDX_eef406fd717ae198a1fd5844d4" ON "register_items" ("nummer")`);
    await q.query(`CREATE INDEX "IDX_cc9ef71deb6bd12e8e07f03faa" ON "register_items" ("datum")`);
    await q.query(`CREATE INDEX "IDX_2fad9b68141f28394ba2c78b0f" ON "register_items" ("bewindspersoon")`);
    await q.query(`CREATE INDEX "IDX_c854537814627132110168ae2a" ON "register_items" ("thema")`);
    await q.query(`CREATE INDEX "IDX_83d5dd0c9878c9f195c9dab050" ON "register_items" ("status")`);
    await q.query(`CREATE INDEX "IDX_3e930ff463a39c76eb78fbba6a" ON "register_items" ("termijn_datum")`);
    await q.query(`CREATE INDEX "IDX_a2d337fd299af64e967cfce5a4" ON "register_items" ("laatste_wijziging_op")`);
    // remove_diacritics 2: "gezichtsherkenning" and "Gezichtsherkenning", "ë" and "e" match alike.
    await q.query(`CREATE VIRTUAL TABLE "register_zoek" USING fts5("inhoud", tokenize = 'unicode61 remove_diacritics 2')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "register_zoek"`);
    await q.query(`DROP TABLE "register_items"`);
    await q.query(`DROP TABLE "register_item_leden"`);
    await q.query(`DROP TABLE "projection_checkpoints"`);
  }
}
