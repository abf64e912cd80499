import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { CheckpointUitkomst, WalCheckpointer } from './wal-checkpointer';
import { SqliteEventStore } from './sqlite-event-store';

describe('WAL checkpoints on a worker thread', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'checkpoint-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('moves what the main connection commits into the database file, without the main connection checkpointing', async () => {
    const file = join(dir, 'db.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, tekst TEXT)');
    const insert = db.prepare('INSERT INTO t (tekst) VALUES (?)');
    for (let i = 0; i < 300; i++) insert.run('x'.repeat(2000));
    // Nothing checkpoints yet: the WAL holds every page, the database file only the first ones.
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(600_000);
    expect(statSync(file).size).toBeLessThan(100_000);

    const uitkomsten: CheckpointUitkomst[] = [];
    const checkpointer = new WalCheckpointer(file, { intervalMs: 10, naElkeCheckpoint: (u) => uitkomsten.push(u) });
    await waitFor(() => uitkomsten.some((u) => u.log > 0 && u.gekopieerd === u.log));
    expect(statSync(file).size).toBeGreaterThan(600_000);
    await checkpointer.stop();
    await checkpointer.stop();
    expect((db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n).toBe(300);
    db.close();
  });

  it('keeps the WAL bounded while a writer commits without pause (a catch-up over a long log)', async () => {
    // A PASSIVE checkpoint never waits for the writer, so with commits back to back it never copies
    // the whole WAL and the writer never starts the WAL over: a catch-up of a million events left an
    // 18 GB WAL beside a 1 GB read model. Past the bound the committing connection cuts it back.
    const file = join(dir, 'db.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('busy_timeout = 10000');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, tekst TEXT)');
    const insert = db.prepare('INSERT INTO t (tekst) VALUES (?)');
    const uitkomsten: CheckpointUitkomst[] = [];
    const checkpointer = new WalCheckpointer(file, { intervalMs: 5, maxWalBytes: 1_000_000, hoofdverbinding: db, naElkeCheckpoint: (u) => uitkomsten.push(u) });
    const batch = db.transaction(() => {
      for (let i = 0; i < 20; i++) insert.run('x'.repeat(2000));
    });
    // The worker is running once it has checkpointed a first commit.
    batch();
    await waitFor(() => uitkomsten.length > 0);
    let grootste = 0;
    // 80 MB of rows, a commit at a time, with a turn of the event loop between commits as the projections give.
    for (let i = 1; i < 2000; i++) {
      batch();
      grootste = Math.max(grootste, statSync(`${file}-wal`).size);
      await new Promise((r) => setImmediate(r));
    }
    await checkpointer.stop();
    // Without the bound the WAL ends larger than everything written (about 100 MB). With it, the
    // WAL overshoots the bound by what is committed during one checkpoint round (on this machine
    // 6 to 18 MB, as the database file grows), however much is written.
    expect(grootste).toBeLessThan(32_000_000);
    expect((db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n).toBe(40_000);
    db.close();
  });

  it('lets the event store hand its checkpoints over and still close cleanly', async () => {
    const file = join(dir, 'events.sqlite');
    const store = new SqliteEventStore(file, { checkpointOpAchtergrond: true });
    for (let i = 0; i < 50; i++) {
      const eventId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      await store.appendToStream(`motie-${i}`, [{ eventId, type: 'MotieVoortgangGerapporteerd', data: { tekst: 'y'.repeat(3000) }, metadata: { eventId, commandId: eventId, correlationId: eventId, causationId: eventId, actor: 'griffier', recordedAt: '2025-06-20T09:00:00.000Z', schemaVersion: 1 } }], 'no-stream');
    }
    await store.close();
    // The last checkpoint ran before the file closed: a fresh connection reads every event from it.
    const opnieuw = new SqliteEventStore(file);
    expect(await opnieuw.headPosition()).toBe(50n);
    await opnieuw.close();
    expect(statSync(file).size).toBeGreaterThan(150_000);
  });

  it('returns from close() in a process with nothing else to wait for, so the caller goes on', () => {
    // The checkpointer's worker is unref'd. A close() that waits for it with nothing else pending
    // let Node exit inside close(), with code 0: the caller's next step never ran. Only a real
    // process shows that; jest itself keeps the loop alive.
    const uit = join(dir, 'js');
    transpileer(join(__dirname, '..'), uit);
    const script = `
      const { SqliteEventStore } = require(${JSON.stringify(join(uit, 'sqlite', 'sqlite-event-store.js'))});
      (async () => {
        const store = new SqliteEventStore(${JSON.stringify(join(dir, 'events.sqlite'))}, { checkpointOpAchtergrond: true });
        const eventId = '00000000-0000-4000-8000-000000000001';
        const metadata = { eventId, commandId: eventId, correlationId: eventId, causationId: eventId, actor: 'griffier', recordedAt: '2025-06-20T09:00:00.000Z', schemaVersion: 1 };
        await store.appendToStream('motie-1', [{ eventId, type: 'MotieVoortgangGerapporteerd', data: { tekst: 'x' }, metadata }], 'no-stream');
        await store.close();
        process.stdout.write('na close');
        process.exitCode = 3;
      })();
    `;
    const run = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, NODE_PATH: join(__dirname, '../../../../node_modules') }, encoding: 'utf8', timeout: 20_000 });
    expect({ stdout: run.stdout, code: run.status, stderr: run.stderr }).toEqual({ stdout: 'na close', code: 3, stderr: '' });
  });
});

/** The event store's sources as CommonJS, for a child process that has no TypeScript loader. */
function transpileer(bron: string, doel: string): void {
  for (const entry of readdirSync(bron, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts') || entry.endsWith('.spec.ts') || entry.endsWith('.contract.ts')) continue;
    const { outputText } = ts.transpileModule(readFileSync(join(bron, entry), 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
    const pad = join(doel, relative(bron, join(bron, entry))).replace(/\.ts$/, '.js');
    mkdirSync(dirname(pad), { recursive: true });
    writeFileSync(pad, outputText);
  }
}

async function waitFor(ok: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!ok()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
