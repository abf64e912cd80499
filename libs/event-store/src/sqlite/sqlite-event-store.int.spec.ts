import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

let dir: string;

eventStoreContract(
  'SQLite (embedded default)',
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'es-contract-'));
    return new SqliteEventStore(join(dir, 'events.sqlite'));
  },
  async () => rmSync(dir, { recursive: true, force: true }),
);

describe('SqliteEventStore durability settings', () => {
  it('runs in WAL mode with synchronous=FULL', async () => {
    const d = mkdtempSync(join(tmpdir(), 'es-pragma-'));
    const store = new SqliteEventStore(join(d, 'events.sqlite'));
    try {
      expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
      // 2 = FULL
      expect(store.database.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      await store.close();
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('keeps what was appended after the file is closed and opened again', async () => {
    const d = mkdtempSync(join(tmpdir(), 'es-reopen-'));
    const file = join(d, 'events.sqlite');
    const first = new SqliteEventStore(file);
    const eventId = '8b0e8c9e-3f0a-4d5e-9a1b-2c3d4e5f6a7b';
    await first.appendToStream('motie-1', [{ eventId, type: 'MotieGeregistreerd', data: { a: 1 }, metadata: { eventId, commandId: 'c', correlationId: 'c', causationId: 'c', actor: 'a', recordedAt: 'r', schemaVersion: 1 } }], 'no-stream');
    await first.close();
    const second = new SqliteEventStore(file);
    try {
      expect((await second.readStream('motie-1')).events.map((e) => e.eventId)).toEqual([eventId]);
    } finally {
      await second.close();
      rmSync(d, { recursive: true, force: true });
    }
  });
});
