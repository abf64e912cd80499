import { MigrationInterface, QueryRunner } from 'typeorm';

/** The register read model on PostgreSQL, with a tsvector in the Dutch text-search configuration. */
export class RegisterReadModelPostgres1764000000000 implements MigrationInterface {
  name = 'RegisterReadModelPostgres1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "projection_checkpoints" ("name" character varying(100) NOT NULL, "version" integer NOT NULL, "position" character varying(30) NOT NULL, "updated_at" character varying(30) NOT NULL, CONSTRAINT "PK_0f69cb98ee85030b5da44336510" PRIMARY KEY ("name"))`);
    await q.query(`CREATE TABLE "register_item_leden" ("item_id" character varying(36) NOT NULL, "positie" integer NOT NULL, "naam" character varying(200) NOT NULL, "naam_sleutel" character varying(200) NOT NULL, "fractie" character varying(100), CONSTRAINT "PK_c71958625ad354a5ed5a5770b95" PRIMARY KEY ("item_id", "positie"))`);
    await q.query(`CREATE INDEX "IDX_39321e2f9e56d5ba40a6cecfd4" ON "register_item_leden" ("fractie")`);
    await q.query(`CREATE INDEX "IDX_82614cb2cec9af5769e4d820c9" ON "register_item_leden" ("naam_sleutel")`);
    await q.query(
      `CREATE TABLE "register_items" ("item_id" character varying(36) NOT NULL, "volgnummer" bigint NOT NULL, "soort" character varying(12) NOT NULL, "nummer" character varying(40) NOT NULL, "nummer_bron" character varying(10) NOT NULL, "vergaderjaar" character varying(7), "titel" text NOT NULL, "tekst" text NOT NULL, "datum" character varying(10) NOT NULL, "debat" text NOT NULL, "leden" text NOT NULL, "bewindspersoon" character varying(200) NOT NULL, "ministerie" character varying(200) NOT NULL, "thema" character varying(200) NOT NULL, "status" character varying(20) NOT NULL, "termijn_omschrijving" text, "termijn_datum" character varying(10), "voortgang" text NOT NULL, "afdoening" text, "deel_afdoeningen" text NOT NULL, "heropend_op" character varying(10), "vervallen_reden" text, "koppelingen" text NOT NULL, "revisie" integer NOT NULL, "geregistreerd_op" character varying(30) NOT NULL, "laatste_wijziging_op" character varying(30) NOT NULL, "laatste_wijziging" character varying(60) NOT NULL, "laatste_wijziging_door" character varying(200) NOT NULL, "zoekvector" tsvector, CONSTRAINT "PK_15b1aa77cbb1eb95e66c170d98c" PRIMARY KEY ("item_id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_a1d90d8d053d9264034958ff1d" ON "register_items" ("volgnummer")`);
    await q.query(`CREATE INDEX "IDX_eef406fd717ae198a1fd5844d4" ON "register_items" ("nummer")`);
    await q.query(`CREATE INDEX "IDX_cc9ef71deb6bd12e8e07f03faa" ON "register_items" ("datum")`);
    await q.query(`CREATE INDEX "IDX_2fad9b68141f28394ba2c78b0f" ON "register_items" ("bewindspersoon")`);
    await q.query(`CREATE INDEX "IDX_c854537814627132110168ae2a" ON "register_items" ("thema")`);
    await q.query(`CREATE INDEX "IDX_83d5dd0c9878c9f195c9dab050" ON "register_items" ("status")`);
    await q.query(`CREATE INDEX "IDX_3e930ff463a39c76eb78fbba6a" ON "register_items" ("termijn_datum")`);
    await q.query(`CREATE INDEX "IDX_a2d337fd299af64e967cfce5a4" ON "register_items" ("laatste_wijziging_op")`);
    await q.query(`CREATE INDEX "IDX_register_items_zoekvector" ON "register_items" USING GIN ("zoekvector")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "register_items"`);
    await q.query(`DROP TABLE "register_item_leden"`);
    await q.query(`DROP TABLE "projection_checkpoints"`);
  }
}
