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

describe('SqliteEventStore.readCategories (the rebuild reads stream by stream)', () => {
  const meta = (eventId: string) => ({ eventId, commandId: 'c', correlationId: 'c', causationId: 'c', actor: 'a', recordedAt: 'r', schemaVersion: 1 });
  let n = 0;
  const event = (type: string) => {
    const eventId = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
    return { eventId, type, data: { n }, metadata: meta(eventId) };
  };

  async function vul(store: SqliteEventStore): Promise<bigint> {
    // Interleaved in time, so that log order and stream order differ.
    await store.appendToStream('toezegging-b', [event('ToezeggingGeregistreerd')], 'no-stream');
    await store.appendToStream('motie-b', [event('MotieGeregistreerd')], 'no-stream');
    await store.appendToStream('nummer-1', [event('NummerGereserveerd')], 'no-stream');
    await store.appendToStream('motie-a', [event('MotieGeregistreerd'), event('MotieVoortgangGerapporteerd')], 'no-stream');
    await store.appendToStream('motie-b', [event('MotieAfgedaan')], 0);
    await store.appendToStream('motiever-x', [event('Anders')], 'no-stream');
    const upTo = await store.headPosition();
    await store.appendToStream('motie-a', [event('MotieAfgedaan')], 1);
    return upTo;
  }

  async function lees(store: SqliteEventStore, upTo: bigint, batchSize: number): Promise<string[][]> {
    const batches: string[][] = [];
    for await (const batch of store.readCategories(['toezegging', 'motie'], upTo, batchSize)) batches.push(batch.map((e) => `${e.stream}@${e.revision}`));
    return batches;
  }

  it('gives each category in stream and revision order, up to the position asked, in batches; on a file and in memory alike', async () => {
    const d = mkdtempSync(join(tmpdir(), 'es-categories-'));
    const opSchijf = new SqliteEventStore(join(d, 'events.sqlite'));
    const inGeheugen = new SqliteEventStore(':memory:');
    try {
      const upTo = await vul(opSchijf);
      expect(await vul(inGeheugen)).toBe(upTo);
      const verwacht = [['motie-a@0', 'motie-a@1'], ['motie-b@0', 'motie-b@1'], ['toezegging-b@0']];
      expect(await lees(opSchijf, upTo, 2)).toEqual(verwacht);
      expect(await lees(inGeheugen, upTo, 2)).toEqual(verwacht);
      expect((await lees(opSchijf, await opSchijf.headPosition(), 10)).flat()).toEqual(['motie-a@0', 'motie-a@1', 'motie-a@2', 'motie-b@0', 'motie-b@1', 'toezegging-b@0']);
      // A consumer that stops early ends the reader; the store stays usable.
      for await (const batch of opSchijf.readCategories(['motie'], upTo, 1)) {
        expect(batch.map((e) => e.stream)).toEqual(['motie-a']);
        break;
      }
      expect((await opSchijf.readStream('motie-a')).revision).toBe(2);
    } finally {
      await opSchijf.close();
      await inGeheugen.close();
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('SqliteEventStore gives the event loop a turn per batch', () => {
  it('while a subscription catches up, and between the batches of readAll', async () => {
    // A handler's work resolves within the turn (SQLite answers synchronously): without a turn per
    // batch a catch-up over a long log served no request and took no message until it was done.
    const d = mkdtempSync(join(tmpdir(), 'es-beurt-'));
    const store = new SqliteEventStore(join(d, 'events.sqlite'));
    try {
      for (let i = 0; i < 3500; i++) {
        const eventId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
        const metadata = { eventId, commandId: eventId, correlationId: eventId, causationId: eventId, actor: 'a', recordedAt: '2025-06-20T09:00:00.000Z', schemaVersion: 1 };
        await store.appendToStream(`motie-${i}`, [{ eventId, type: 'MotieGeregistreerd', data: { i }, metadata }], 'no-stream');
      }
      let batches = 0;
      let bijDeEersteBeurt: number | undefined;
      setImmediate(() => (bijDeEersteBeurt = batches));
      let klaar!: () => void;
      const bijgewerkt = new Promise<void>((r) => (klaar = r));
      const abonnement = store.subscribeToAll(-1n, { onEvents: async () => void batches++, onCaughtUp: () => klaar() });
      await bijgewerkt;
      await abonnement.close();
      expect(batches).toBe(4);
      expect(bijDeEersteBeurt).toBe(1);

      let gelezen = 0;
      let bijDeBeurt: number | undefined;
      setImmediate(() => (bijDeBeurt = gelezen));
      for await (const batch of store.readAll(-1n, 1000)) gelezen += batch.length;
      expect(gelezen).toBe(3500);
      expect(bijDeBeurt).toBe(1000);
    } finally {
      await store.close();
      rmSync(d, { recursive: true, force: true });
    }
  });
});
