import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@register/event-store';
import { motieGeregistreerd, newEvent, randomUUID } from './support/events';
import { runCli } from './support/processes';

jest.setTimeout(120_000);

const ITEMS = 6000;

/** Everything the register read model holds, in a stable order, for comparison. */
function dump(dataDir: string): unknown {
  const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
  try {
    return {
      items: db.prepare('SELECT * FROM register_items ORDER BY item_id').all(),
      leden: db.prepare('SELECT * FROM register_item_leden ORDER BY item_id, positie').all(),
      zoek: db.prepare('SELECT rowid, inhoud FROM register_zoek ORDER BY rowid').all(),
      checkpoint: db.prepare('SELECT name, version, position FROM projection_checkpoints').all(),
    };
  } finally {
    db.close();
  }
}

function checkpoint(dataDir: string): bigint {
  try {
    const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare("SELECT position FROM projection_checkpoints WHERE name = 'register'").get() as { position: string } | undefined;
      return row ? BigInt(row.position) : -1n;
    } finally {
      db.close();
    }
  } catch {
    return -1n;
  }
}

describe('SIGKILL in the middle of a rebuild', () => {
  let crashed: string;
  let clean: string;
  let head: bigint;

  beforeAll(async () => {
    crashed = mkdtempSync(join(tmpdir(), 'rebuild-crash-'));
    clean = mkdtempSync(join(tmpdir(), 'rebuild-clean-'));
    const store = new SqliteEventStore(join(crashed, 'events.sqlite'));
    for (let i = 0; i < ITEMS; i++) {
      const id = randomUUID();
      await store.appendToStream(
        `motie-${id}`,
        [
          newEvent('motie', motieGeregistreerd(id, { nummer: `${30000 + (i % 900)}-${i + 1}`, leden: [{ naam: `Lid ${i % 150}`, fractie: `F${i % 15}` }] })),
          newEvent('motie', { feit: 'VoortgangGerapporteerd', data: { itemId: id, datum: '2025-06-20', tekst: `Stand van zaken ${i}: het onderzoek loopt.` } }),
          ...(i % 3 === 0 ? [newEvent('motie', { feit: 'Afgedaan', data: { itemId: id, datum: '2025-12-15', wijze: { soort: 'kamerstuk', referentie: `Kamerstuk ${i}` }, toelichting: 'Afgedaan.' } })] : []),
        ],
        'no-stream',
      );
    }
    head = await store.headPosition();
    await store.close();
    copyFileSync(join(crashed, 'events.sqlite'), join(clean, 'events.sqlite'));
  });

  afterAll(() => {
    rmSync(crashed, { recursive: true, force: true });
    rmSync(clean, { recursive: true, force: true });
  });

  it('resumes from the checkpoint and ends equal to a clean rebuild', async () => {
    const rebuild = runCli(['herbouwen'], crashed);
    // Kill once the rebuild has committed part of the log, but not all of it.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        const at = checkpoint(crashed);
        if (at > 0n && at < head) {
          clearInterval(timer);
          rebuild.process.kill('SIGKILL');
          resolve();
        }
        if (rebuild.process.exitCode !== null) {
          clearInterval(timer);
          reject(new Error('the rebuild finished before it could be killed; raise ITEMS'));
        }
      }, 5);
    });
    const killed = await rebuild.done;
    expect(killed.signal).toBe('SIGKILL');
    const partial = checkpoint(crashed);
    expect(partial).toBeLessThan(head);

    const resumed = await runCli(['bijwerken'], crashed).done;
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`positie ${head}`);

    const reference = await runCli(['herbouwen'], clean).done;
    expect(reference.code).toBe(0);
    expect(reference.stderr).toMatch(/register: 100\.0%/);

    expect(dump(crashed)).toEqual(dump(clean));
    expect((dump(clean) as { items: unknown[] }).items).toHaveLength(ITEMS);
  });
});
