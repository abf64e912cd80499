import { NestExpressApplication } from '@nestjs/platform-express';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { GebruikersStore } from '@register/access';
import { createApp } from '../../apps/api/src/app.factory';
import { createPostgresDatabase } from './read-model-databases';

/**
 * The e2e-postgres tier runs the same specs with the read models (and the idempotency records) in
 * PostgreSQL: one fresh database per data directory, kept over a restart, dropped on close.
 */
const postgresPerDataDir = new Map<string, { url: string; drop: () => Promise<void> }>();
const opPostgres = () => process.env.E2E_LEESMODELLEN === 'postgres';

export type Rol = 'griffier' | 'auditor' | 'liaison' | 'beheerder';

export interface TestApp {
  readonly app: NestExpressApplication;
  /** Requests as a griffier (clerk). */
  readonly http: ReturnType<typeof request.agent>;
  /** Requests with another role's token, or none. */
  as(rol: Rol | 'anoniem'): ReturnType<typeof request.agent>;
  readonly tokens: Record<Rol, string>;
  /** Adds a user with this role and answers its token. */
  nieuweGebruiker(naam: string, rol: Rol): string;
  readonly dataDir: string;
  /** Counted straight from the SQLite file, not through the code under test. */
  eventCount(): number;
  storedEvents(): { stream: string; revision: number; type: string; data: Record<string, unknown>; metadata: Record<string, unknown> }[];
  close(): Promise<void>;
  /** Stops the app but keeps its data directory, for a restart. */
  stop(): Promise<void>;
}

/** The real application on the embedded default, in a fresh data directory. */
export async function startTestApp(env: Record<string, string | undefined> = {}, bestaandeDataDir?: string): Promise<TestApp> {
  const dataDir = bestaandeDataDir ?? mkdtempSync(join(tmpdir(), 'register-e2e-'));
  if (opPostgres() && env.DATABASE_URL === undefined && !postgresPerDataDir.has(dataDir)) postgresPerDataDir.set(dataDir, await createPostgresDatabase());
  const saved = { ...process.env };
  Object.assign(process.env, { DATA_DIR: dataDir, DATABASE_URL: postgresPerDataDir.get(dataDir)?.url ?? '', EVENTSTORE_CONNECTION_STRING: '', ...env });
  const app = await createApp(['error']);
  process.env = saved;
  await app.init();
  const gebruikers = app.get(GebruikersStore);
  const tokens = Object.fromEntries(
    (['griffier', 'auditor', 'liaison', 'beheerder'] as const).map((rol) => [rol, gebruikers.gebruiker(`test-${rol}`)?.ingetrokkenOp === null ? gebruikers.nieuwToken(`test-${rol}`) : gebruikers.voegToe(`test-${rol}`, rol)]),
  ) as Record<Rol, string>;
  const as = (rol: Rol | 'anoniem') => {
    const agent = request.agent(app.getHttpServer());
    return rol === 'anoniem' ? agent : agent.set('Authorization', `Bearer ${tokens[rol]}`);
  };
  return {
    app,
    http: as('griffier'),
    as,
    tokens,
    nieuweGebruiker: (naam, rol) => gebruikers.voegToe(naam, rol),
    dataDir,
    eventCount: () => {
      const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
      try {
        return (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
      } finally {
        db.close();
      }
    },
    storedEvents: () => {
      const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
      try {
        const rows = db.prepare('SELECT stream, revision, type, data, metadata FROM events ORDER BY position').all() as { stream: string; revision: number; type: string; data: string; metadata: string }[];
        return rows.map((r) => ({ ...r, data: JSON.parse(r.data), metadata: JSON.parse(r.metadata) }));
      } finally {
        db.close();
      }
    },
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      await postgresPerDataDir.get(dataDir)?.drop();
      postgresPerDataDir.delete(dataDir);
    },
    stop: async () => {
      await app.close();
    },
  };
}

export const motie = (overrides: Record<string, unknown> = {}) => ({
  nummer: '29628-1230',
  vergaderjaar: '2024/25',
  titel: 'Motie van het lid Boswijk over het verhalen van schade door vernielingen op relschoppers',
  tekst: 'verzoekt de regering praktische en juridische belemmeringen voor schadeverhaal op relschoppers weg te nemen',
  indieners: [
    { naam: 'Boswijk', fractie: 'CDA' },
    { naam: 'Six Dijkstra', fractie: 'NSC' },
  ],
  datum: '2025-05-28',
  debat: 'tweeminutendebat Politie 28 mei 2025',
  bewindspersoon: 'minister van Justitie en Veiligheid',
  ministerie: 'JenV',
  thema: 'Demonstraties',
  ...overrides,
});

export const toezegging = (overrides: Record<string, unknown> = {}) => ({
  nummer: 'TZ202412-156',
  vergaderjaar: '2024/25',
  titel: 'Informeren over het aantal agenten met taakaccent ME',
  tekst: 'De minister zegt toe de Kamer te informeren over het aantal agenten met het taakaccent ME.',
  leden: [{ naam: 'Michon-Derkzen', fractie: 'VVD' }],
  datum: '2024-12-19',
  debat: 'commissiedebat politie 19 december 2024',
  bewindspersoon: 'minister van Justitie en Veiligheid',
  ministerie: 'JenV',
  thema: 'Politiepersoneel en middelen',
  termijn: { omschrijving: 'in het eerstvolgende halfjaarbericht', datum: '2025-06-30' },
  ...overrides,
});
