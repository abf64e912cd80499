import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { readModelDataSourceOptions } from '@register/read-models';

/**
 * The read-model engines the register runs on in production: SQLite (default) and PostgreSQL.
 * Each test database is created fresh and dropped afterwards. PostgreSQL is expected on
 * 127.0.0.1:5432 with trust auth (PG_ADMIN_URL overrides); `.ci/run` starts it when it is down.
 */
export const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly engine: 'sqlite' | 'postgres';
  readonly dataSource: DataSource;
  readonly databaseUrl?: string;
  readonly dataDir: string;
  drop(): Promise<void>;
}

export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `register_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect().catch((error: Error) => {
    throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL} (${error.message}). Start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set PG_ADMIN_URL.`);
  });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const c = new Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function openReadModel(engine: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'readmodel-'));
  const pg = engine === 'postgres' ? await createPostgresDatabase() : undefined;
  const dataSource = new DataSource(readModelDataSourceOptions({ dataDir, databaseUrl: pg?.url }));
  await dataSource.initialize();
  return {
    engine,
    dataSource,
    databaseUrl: pg?.url,
    dataDir,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
