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
      // The full-text index keeps no text: its vocabulary (term → rows) is what it holds.
      zoek: (() => {
        db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.zoek_woorden USING fts5vocab(main, register_zoek, 'row')");
        return db.prepare('SELECT term, doc FROM zoek_woorden ORDER BY term').all();
      })(),
      verloop: db.prepare('SELECT * FROM open_verloop ORDER BY item_id, revisie').all(),
      verloopPerMaand: db.prepare('SELECT * FROM open_verloop_maanden ORDER BY maand').all(),
      tellingen: db.prepare('SELECT * FROM register_tellingen ORDER BY groep, waarde, naam, directie, termijn_datum').all(),
      // A reactor's checkpoint is not read-model state: a rebuild leaves it where it is, a catch-up moves it.
      checkpoint: db.prepare("SELECT name, version, position FROM projection_checkpoints WHERE name NOT LIKE 'reactor:%' ORDER BY name").all(),
      // A rebuild drops the secondary indexes and builds them at its end: they must all be back.
      schema: db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all(),
      uitgesteld: db.prepare('SELECT naam FROM register_uitgestelde_indexen').all(),
    };
  } finally {
    db.close();
  }
}

/** How far a rebuild has got: rows committed, and whether it is still unfinished (its marker is there). */
function stand(dataDir: string): { rijen: number; bezig: boolean } {
  try {
    const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const rijen = (db.prepare('SELECT COUNT(*) AS n FROM register_items').get() as { n: number }).n;
      const bezig = db.prepare("SELECT 1 FROM projection_checkpoints WHERE name = 'register#herbouw'").get() !== undefined;
      return { rijen, bezig };
    } finally {
      db.close();
    }
  } catch {
    return { rijen: 0, bezig: false };
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

  it('is finished by the next catch-up and ends equal to a clean rebuild', async () => {
    const rebuild = runCli(['herbouwen'], crashed);
    // Kill once the rebuild has committed part of the register, but has not finished.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        const { rijen, bezig } = stand(crashed);
        if (rijen > 0 && rijen < ITEMS && bezig) {
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
    const afgebroken = stand(crashed);
    expect(afgebroken.bezig).toBe(true);
    expect(afgebroken.rijen).toBeLessThan(ITEMS);

    const resumed = await runCli(['bijwerken'], crashed).done;
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`positie ${head}`);

    const reference = await runCli(['herbouwen'], clean).done;
    expect(reference.code).toBe(0);
    // The register, the open-verloop projection and the public changes share one pass over the item streams.
    expect(reference.stderr).toMatch(/register \+ open-verloop \+ openbare-wijzigingen: 100\.0%/);

    expect(dump(crashed)).toEqual(dump(clean));
    const schoon = dump(clean) as { items: unknown[]; schema: { name: string }[]; uitgesteld: unknown[] };
    expect(schoon.items).toHaveLength(ITEMS);
    expect(schoon.schema.map((s) => s.name)).toEqual(expect.arrayContaining(['IDX_leden_lid_filter', 'IDX_leden_fractie_filter', 'IDX_eef406fd717ae198a1fd5844d4', 'IDX_a1d90d8d053d9264034958ff1d']));
    expect(schoon.uitgesteld).toEqual([]);
  });
});
