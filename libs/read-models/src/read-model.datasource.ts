import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { DataSourceOptions } from 'typeorm';
import { RegisterReadModelPostgres1764000000000 } from './migrations/1764000000000-register-read-model.postgres';
import { RegisterReadModelSqlite1764000000000 } from './migrations/1764000000000-register-read-model.sqlite';
import { RegisterZoekDetailNoneSqlite1764200000000 } from './migrations/1764200000000-register-zoek-detail-none.sqlite';
import { READ_MODEL_ENTITIES } from './read-model.entities';
import { RegisterKleineKolommenEerstSqlite1764400000000 } from './migrations/1764400000000-register-kleine-kolommen-eerst.sqlite';
import { HalfjaarberichtenPostgres1764300000000, HalfjaarberichtenSqlite1764300000000 } from './migrations/1764300000000-halfjaarberichten';
import { OpenVerloopPostgres1764500000000, OpenVerloopSqlite1764500000000 } from './migrations/1764500000000-open-verloop';
import { LedenFilterkolommenPostgres1764600000000, LedenFilterkolommenSqlite1764600000000 } from './migrations/1764600000000-leden-filterkolommen';
import { RegisterZoekZonderInhoudSqlite1764700000000 } from './migrations/1764700000000-register-zoek-zonder-inhoud.sqlite';
import { OverzichtDekkend1764800000000 } from './migrations/1764800000000-overzicht-dekkend';
import { ImportBatchesPostgres1764900000000, ImportBatchesSqlite1764900000000 } from './migrations/1764900000000-import-batches';
import { RegisterNummerVolgordePostgres1765000000000, RegisterNummerVolgordeSqlite1765000000000 } from './migrations/1765000000000-register-nummer-volgorde';
import { RegisterWaardenPostgres1765100000000, RegisterWaardenSqlite1765100000000 } from './migrations/1765100000000-register-waarden';
import { RegisterBehandelaarPostgres1765200000000, RegisterBehandelaarSqlite1765200000000 } from './migrations/1765200000000-register-behandelaar';
import { HerinneringenPostgres1765300000000, HerinneringenSqlite1765300000000 } from './migrations/1765300000000-herinneringen';
import { KamerStandPostgres1765400000000, KamerStandSqlite1765400000000 } from './migrations/1765400000000-kamer-stand';
import { OpenbareWijzigingenPostgres1765500000000, OpenbareWijzigingenSqlite1765500000000 } from './migrations/1765500000000-openbare-wijzigingen';
import { RegisterTellingenPostgres1765600000000, RegisterTellingenSqlite1765600000000 } from './migrations/1765600000000-register-tellingen';
import { OpenVerloopMaandenPostgres1765700000000, OpenVerloopMaandenSqlite1765700000000 } from './migrations/1765700000000-open-verloop-maanden';
import { RegisterPeilkolommenPostgres1765800000000, RegisterPeilkolommenSqlite1765800000000 } from './migrations/1765800000000-register-peilkolommen';

/** Tables of the application that share the database but are not projections (e.g. idempotency records). */
type Klasse = new (...args: never[]) => unknown;

export interface ExtraTables {
  readonly entities: readonly Klasse[];
  readonly migrations: { readonly sqlite: readonly Klasse[]; readonly postgres: readonly Klasse[] };
}

export interface ReadModelConfig {
  readonly dataDir: string;
  /** `postgres://...`; when empty the read models live in SQLite next to the event store. */
  readonly databaseUrl?: string;
  /** SQLite: bytes of the file mapped into memory for reading, in MB (`mmap_size`); 0 reads page by page. */
  readonly leesgeheugenMB?: number;
  /** SQLite: no automatic checkpoint by the committing connection; a WalCheckpointer takes it over. */
  readonly checkpointOpAchtergrond?: boolean;
}

/** Where the SQLite read models live in the data directory. */
export function readModelSqliteBestand(dataDir: string): string {
  return join(dataDir, 'read-models.sqlite');
}

/** TypeORM options for the read-model database: SQLite by default, PostgreSQL when DATABASE_URL is set. */
export function readModelDataSourceOptions(config: ReadModelConfig, extra?: ExtraTables): DataSourceOptions {
  const common = { entities: [...READ_MODEL_ENTITIES, ...(extra?.entities ?? [])], synchronize: false, migrationsRun: true, migrationsTableName: 'read_model_migrations', logging: false };
  if (config.databaseUrl?.trim()) {
    if (!/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
      throw new Error('DATABASE_URL moet een PostgreSQL-adres zijn (postgres://gebruiker@host:5432/database).');
    }
    return { ...common, type: 'postgres', url: config.databaseUrl, migrations: [RegisterReadModelPostgres1764000000000, HalfjaarberichtenPostgres1764300000000, OpenVerloopPostgres1764500000000, LedenFilterkolommenPostgres1764600000000, OverzichtDekkend1764800000000, ImportBatchesPostgres1764900000000, RegisterNummerVolgordePostgres1765000000000, RegisterWaardenPostgres1765100000000, RegisterBehandelaarPostgres1765200000000, HerinneringenPostgres1765300000000, KamerStandPostgres1765400000000, OpenbareWijzigingenPostgres1765500000000, RegisterTellingenPostgres1765600000000, OpenVerloopMaandenPostgres1765700000000, RegisterPeilkolommenPostgres1765800000000, ...(extra?.migrations.postgres ?? [])] };
  }
  mkdirSync(config.dataDir, { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: readModelSqliteBestand(config.dataDir),
    migrations: [RegisterReadModelSqlite1764000000000, RegisterZoekDetailNoneSqlite1764200000000, HalfjaarberichtenSqlite1764300000000, RegisterKleineKolommenEerstSqlite1764400000000, OpenVerloopSqlite1764500000000, LedenFilterkolommenSqlite1764600000000, RegisterZoekZonderInhoudSqlite1764700000000, OverzichtDekkend1764800000000, ImportBatchesSqlite1764900000000, RegisterNummerVolgordeSqlite1765000000000, RegisterWaardenSqlite1765100000000, RegisterBehandelaarSqlite1765200000000, HerinneringenSqlite1765300000000, KamerStandSqlite1765400000000, OpenbareWijzigingenSqlite1765500000000, RegisterTellingenSqlite1765600000000, OpenVerloopMaandenSqlite1765700000000, RegisterPeilkolommenSqlite1765800000000, ...(extra?.migrations.sqlite ?? [])],
    // Read models can always be rebuilt from the log, so NORMAL is enough; rows and checkpoint still commit together.
    prepareDatabase: (db: { pragma: (p: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 10000');
      if (config.leesgeheugenMB) db.pragma(`mmap_size = ${Math.floor(config.leesgeheugenMB) * 1024 * 1024}`);
      if (config.checkpointOpAchtergrond) db.pragma('wal_autocheckpoint = 0');
    },
  };
}
