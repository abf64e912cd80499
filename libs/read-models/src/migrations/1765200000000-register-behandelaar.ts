import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The behandelaar (owner) of an item: name, e-mail, directie and afdeling, with an index each on
 * e-mail and directie compared without case (the filters "Mijn items" and directie), and a covering
 * index for the dashboard's counts per directie and per behandelaar. On SQLite the table is
 * recreated with the new columns among the small ones, before the long texts (see
 * RegisterNummerVolgordeSqlite1765000000000), its other indexes as they were. The tables are left
 * empty: the register projection's version goes up with this migration (8), so the next start
 * rebuilds them from the log.
 */
export class RegisterBehandelaarSqlite1765200000000 implements MigrationInterface {
  name = 'RegisterBehandelaarSqlite1765200000000';

  async up(q: QueryRunner): Promise<void> {
    const indexen = (await q.query(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'register_items' AND sql IS NOT NULL`)) as { sql: string }[];
    await q.query(`DROP TABLE "register_items"`);
    await q.query(
      `CREATE TABLE "register_items" ("item_id" varchar(36) PRIMARY KEY NOT NULL, "volgnummer" bigint NOT NULL, "soort" varchar(12) NOT NULL, "nummer" varchar(40) NOT NULL, "nummer_sorteer" varchar(160) NOT NULL DEFAULT (''), "nummer_bron" varchar(10) NOT NULL, "vergaderjaar" varchar(7), "status" varchar(20) NOT NULL, "datum" varchar(10) NOT NULL, "termijn_datum" varchar(10), "bewindspersoon" varchar(200) NOT NULL, "ministerie" varchar(200) NOT NULL, "thema" varchar(200) NOT NULL, "behandelaar_naam" varchar(200), "behandelaar_email" varchar(254), "behandelaar_directie" varchar(200), "behandelaar_afdeling" varchar(200), "revisie" integer NOT NULL, "heropend_op" varchar(10), "geregistreerd_op" varchar(30) NOT NULL, "laatste_wijziging_op" varchar(30) NOT NULL, "laatste_wijziging" varchar(60) NOT NULL, "laatste_wijziging_door" varchar(200) NOT NULL, "termijn_omschrijving" text, "titel" text NOT NULL, "leden" text NOT NULL, "koppelingen" text NOT NULL, "afdoening" text, "deel_afdoeningen" text NOT NULL, "vervallen_reden" text, "debat" text NOT NULL, "tekst" text NOT NULL, "voortgang" text NOT NULL)`,
    );
    for (const { sql } of indexen) await q.query(sql);
    for (const sql of SQLITE_INDEXEN) await q.query(sql);
    await q.query(`DELETE FROM "register_item_leden"`);
    await q.query(`DELETE FROM "register_zoek"`);
    await q.query(`DELETE FROM "register_waarden"`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const naam of INDEX_NAMEN) await q.query(`DROP INDEX "${naam}"`);
    for (const kolom of KOLOMMEN) await q.query(`ALTER TABLE "register_items" DROP COLUMN "${kolom}"`);
  }
}

export class RegisterBehandelaarPostgres1765200000000 implements MigrationInterface {
  name = 'RegisterBehandelaarPostgres1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "register_items" ADD "behandelaar_naam" character varying(200), ADD "behandelaar_email" character varying(254), ADD "behandelaar_directie" character varying(200), ADD "behandelaar_afdeling" character varying(200)`,
    );
    await q.query(`CREATE INDEX "IDX_register_behandelaar_email" ON "register_items" (LOWER("behandelaar_email"))`);
    await q.query(`CREATE INDEX "IDX_register_behandelaar_directie" ON "register_items" (LOWER("behandelaar_directie"))`);
    await q.query(`CREATE INDEX "IDX_register_open_behandelaar" ON "register_items" ("status", "behandelaar_directie", "behandelaar_email", "behandelaar_naam", "termijn_datum")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const naam of INDEX_NAMEN) await q.query(`DROP INDEX "${naam}"`);
    for (const kolom of KOLOMMEN) await q.query(`ALTER TABLE "register_items" DROP COLUMN "${kolom}"`);
  }
}

const KOLOMMEN = ['behandelaar_naam', 'behandelaar_email', 'behandelaar_directie', 'behandelaar_afdeling'];
const INDEX_NAMEN = ['IDX_register_behandelaar_email', 'IDX_register_behandelaar_directie', 'IDX_register_open_behandelaar'];

/** The filters compare with NOCASE (gelijkZonderHoofdletters), so their indexes are built that way. */
const SQLITE_INDEXEN = [
  `CREATE INDEX "IDX_register_behandelaar_email" ON "register_items" ("behandelaar_email" COLLATE NOCASE)`,
  `CREATE INDEX "IDX_register_behandelaar_directie" ON "register_items" ("behandelaar_directie" COLLATE NOCASE)`,
  `CREATE INDEX "IDX_register_open_behandelaar" ON "register_items" ("status", "behandelaar_directie", "behandelaar_email", "behandelaar_naam", "termijn_datum")`,
];
