import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});

async function waitFor(ok: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!ok()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
