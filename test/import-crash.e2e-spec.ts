import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/processes';

jest.setTimeout(240_000);

const ANNEX = join(__dirname, 'fixtures/import/003_867673a10de57136.txt');
const ARGS = ['importeren-bijlage', ANNEX, '--bewindspersoon', 'minister van Justitie en Veiligheid', '--ministerie', 'JenV', '--datum', '2025-06-30', '--aanvaard-vanaf', '0'];

interface Rij {
  stream: string;
  type: string;
  metadata: string;
}

function events(dataDir: string): Rij[] {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT stream, type, metadata FROM events ORDER BY position').all() as Rij[];
  } finally {
    db.close();
  }
}

/** Per item stream its event types, keyed by the item's number; the part of the log an import writes. */
function register(rijen: Rij[]): Record<string, string[]> {
  const perStream = new Map<string, string[]>();
  for (const r of rijen) if (/^(motie|toezegging)-/.test(r.stream)) perStream.set(r.stream, [...(perStream.get(r.stream) ?? []), r.type]);
  return Object.fromEntries([...perStream.entries()].map(([stream, types]) => [stream, types]).sort(([a], [b]) => String(a).localeCompare(String(b))));
}

/**
 * The import's acceptance is killed (SIGKILL) at moments spread over its run, again and again, and
 * run once more to the end: the register holds exactly what one clean run writes, each step once.
 */
describe('an import killed during acceptance', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const nieuweDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'register-import-crash-'));
    dirs.push(d);
    return d;
  };

  it('doubles nothing', async () => {
    const schoon = nieuweDir();
    const start = Date.now();
    const clean = await runCli(ARGS, schoon).done;
    const duur = Date.now() - start;
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/voorstellen aanvaard/);
    const verwacht = register(events(schoon));
    const rijenSchoon = events(schoon).length;
    expect(Object.keys(verwacht).length).toBeGreaterThan(40);

    const dataDir = nieuweDir();
    const aantal = () => {
      try {
        return events(dataDir).length;
      } catch {
        return 0; // the store is not made yet
      }
    };
    let gedood = 0;
    // Each run is killed once it has appended a few more events: always in the middle of accepting.
    for (let ronde = 0; ronde < 8; ronde++) {
      const voor = aantal();
      const run = runCli(ARGS, dataDir);
      const bewaker = setInterval(() => {
        if (aantal() >= voor + 7 + ronde) run.process.kill('SIGKILL');
      }, 5);
      const uitkomst = await run.done;
      clearInterval(bewaker);
      if (uitkomst.signal === 'SIGKILL') gedood++;
      else break;
    }
    process.stdout.write(`Import van ${Object.keys(verwacht).length} items: schone run ${duur} ms, ${rijenSchoon} events; ${gedood} runs met SIGKILL gestopt midden in het aanvaarden, daarna een run tot het eind.\n`);
    expect(gedood).toBeGreaterThanOrEqual(5);
    const laatste = await runCli(ARGS, dataDir).done;
    expect(laatste.code).toBe(0);

    const rijen = events(dataDir);
    // Each step of each proposal appended once: no idempotency key twice in one item stream.
    const gezien = new Set<string>();
    for (const r of rijen.filter((x) => /^(motie|toezegging)-/.test(x.stream))) {
      const sleutel = `${r.stream}:${String(JSON.parse(r.metadata).idempotencyKeyId)}`;
      expect(gezien.has(sleutel)).toBe(false);
      gezien.add(sleutel);
    }
    expect(register(rijen)).toEqual(verwacht);
    // Nothing else either: the same number of events as the clean run (number claims included).
    expect(rijen.length).toBe(rijenSchoon);
    expect(rijen.filter((r) => r.type === 'ImportIngelezen')).toHaveLength(1);
  });
});
