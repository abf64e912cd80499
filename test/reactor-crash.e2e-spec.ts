import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { motie } from './support/app';
import { json, maakToken, startServer } from './support/processes';

jest.setTimeout(120_000);

const ITEMS = 150;

function afgedaanPerItem(dataDir: string): Map<string, number> {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    const rows = db.prepare("SELECT stream FROM events WHERE type = 'MotieAfgedaan'").all() as { stream: string }[];
    const telling = new Map<string, number>();
    for (const r of rows) telling.set(r.stream, (telling.get(r.stream) ?? 0) + 1);
    return telling;
  } finally {
    db.close();
  }
}

/**
 * Sending a report afdoet its items in a reactor after the answer. Kill the server while it is at it:
 * after the restart every item is afgedaan exactly once.
 */
describe('the afdoening reactor survives a SIGKILL half-way', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'reactor-crash-'));
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('afdoet every item of a sent report exactly once across the crash', async () => {
    const token = await maakToken(dataDir, 'griffier.reactor', 'griffier');
    let server = await startServer(dataDir);
    const post = (pad: string, body: object) => json(`${server.url}${pad}`, { method: 'POST', token, body: JSON.stringify(body) });
    const itemIds: string[] = [];
    for (let i = 0; i < ITEMS; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, k) => post('/api/moties', motie({ nummer: `30${String(i + k).padStart(3, '0')}-1` }))));
      itemIds.push(...batch.map((r) => r.body.itemId as string));
    }
    const bericht = (await post('/api/halfjaarberichten', { jaar: 2025, helft: 1, titel: 'Eerste halfjaarbericht 2025', peildatum: '2025-06-01', secties: ['A'] })).body.berichtId;
    for (const itemId of itemIds) expect((await post(`/api/halfjaarberichten/${bericht}/items`, { itemId, sectie: 'A', tekst: 'Gedaan.', status: 'afgedaan' })).status).toBe(200);
    const verzonden = await post(`/api/halfjaarberichten/${bericht}/verzending`, { datum: '2025-06-20', kenmerk: 'K-1' });
    expect(verzonden.status).toBe(200);
    // Kill at the first sight of the reactor's work, read from the file (read-only), so that it is
    // killed as far from its end as the polling allows.
    const start = Date.now();
    let gezien = 0;
    while (gezien === 0) {
      if (Date.now() - start > 20_000) throw new Error(`the reactor did not start within 20 s:\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 2));
      gezien = afgedaanPerItem(dataDir).size;
    }
    await server.stop('SIGKILL');
    const halverwege = afgedaanPerItem(dataDir).size;
    // Half-way means: it had begun, and it had not finished. Otherwise this test proves nothing.
    if (halverwege >= ITEMS) throw new Error(`the reactor had finished (${halverwege} of ${ITEMS}) before it could be killed; raise ITEMS`);
    expect(halverwege).toBeGreaterThan(0);
    expect([...afgedaanPerItem(dataDir).values()].every((n) => n === 1)).toBe(true);

    server = await startServer(dataDir);
    try {
      let telling = afgedaanPerItem(dataDir);
      for (let i = 0; i < 200 && telling.size < ITEMS; i++) {
        await new Promise((r) => setTimeout(r, 100));
        telling = afgedaanPerItem(dataDir);
      }
      process.stdout.write(`reactor: ${halverwege} of ${ITEMS} items afgedaan when killed, ${telling.size} after restart\n`);
      expect(telling.size).toBe(ITEMS);
      expect([...telling.values()].every((n) => n === 1)).toBe(true);
      expect(itemIds.every((id) => telling.get(`motie-${id}`) === 1)).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
