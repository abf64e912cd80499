import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestGegevensmagazijn, kamerToezegging, startGegevensmagazijn } from './support/gegevensmagazijn';
import { runCli } from './support/processes';

jest.setTimeout(240_000);

const ONZE = 60;
const ANDERE = 20;
const KILLS = 6;

interface PaginaEvent {
  voorstellen: { voorstelId: string; kamer: { id: string; versie: string } }[];
  bekend: { kamerId: string; versie: string }[];
  watermerk: string;
}

function paginaEvents(dataDir: string): PaginaEvent[] {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    const rijen = db.prepare("SELECT data FROM events WHERE type = 'ImportKamerPaginaVerwerkt' ORDER BY position").all() as { data: string }[];
    return rijen.map((r) => JSON.parse(r.data));
  } finally {
    db.close();
  }
}

/** Per Kamer record, how many proposals the log holds for it. */
function voorstellenPerRecord(events: readonly PaginaEvent[]): Map<string, number> {
  const per = new Map<string, number>();
  for (const e of events) for (const v of e.voorstellen) per.set(v.kamer.id, (per.get(v.kamer.id) ?? 0) + 1);
  return per;
}

/**
 * `kamer-synchroniseren` as an operator runs it, against a Gegevensmagazijn on loopback: killed
 * (SIGKILL) at moments spread over its run — while it waits for a page and just after a page came —
 * and run again until it ends. Every record of this ministry is proposed exactly once, none of
 * another ministry, and two runs at the same moment double nothing.
 */
describe('the Kamer link killed during a run', () => {
  let tk: TestGegevensmagazijn;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    tk = await startGegevensmagazijn();
    tk.paginagrootte = 4;
    // Ours and another ministry's, interleaved in the order of ApiGewijzigdOp.
    for (let n = 1; n <= ONZE + ANDERE; n++) {
      const ander = n % 4 === 0;
      const tijd = new Date(Date.UTC(2026, 0, 5, 9, 0, n)).toISOString().replace('.000Z', '.1234567Z');
      tk.toezeggingen.push(kamerToezegging(n, { ApiGewijzigdOp: tijd, ...(ander ? { Ministerie: 'Financiën', Functie: 'Minister van Financiën' } : {}) }));
    }
    dataDir = mkdtempSync(join(tmpdir(), 'register-kamer-crash-'));
    env = { TK_ODATA_URL: tk.url, TK_MINISTERIE: 'Justitie en Veiligheid', TK_SYNC_VANAF: '2026-01-01', LOG_LEVEL: 'error' };
  });

  afterAll(async () => {
    await tk?.close();
  });

  it('proposes every record of this ministry exactly once, however often the run is killed', async () => {
    let gedood = 0;
    for (let ronde = 0; ronde < KILLS; ronde++) {
      const run = runCli(['kamer-synchroniseren'], dataDir, env);
      const begin = tk.verzoeken.length;
      // Killed after 2, 4, 6 … further pages: half the rounds while the page is held back, half a few milliseconds after it went out.
      const bij = 2 + ronde * 2;
      const wacht = ronde % 2 === 0;
      tk.voorPagina = (n) => {
        if (n - begin < bij) return;
        tk.voorPagina = undefined;
        if (wacht) run.process.kill('SIGKILL');
        else setTimeout(() => run.process.kill('SIGKILL'), ronde);
      };
      const uitkomst = await run.done;
      tk.voorPagina = undefined;
      if (uitkomst.signal === 'SIGKILL') gedood++;
      else throw new Error(`run ${ronde} ended before it was killed: ${uitkomst.code}\n${uitkomst.stdout}\n${uitkomst.stderr}`);
    }
    expect(gedood).toBe(KILLS);
    const laatste = await runCli(['kamer-synchroniseren', '--json'], dataDir, env).done;
    expect(laatste.code).toBe(0);
    expect(JSON.parse(laatste.stdout)).toMatchObject({ aan: true, fout: null, watermerk: '2026-01-05T09:01:20.1234567Z' });

    const events = paginaEvents(dataDir);
    const per = voorstellenPerRecord(events);
    const onze = tk.toezeggingen.filter((t) => t.Ministerie === 'Justitie en Veiligheid').map((t) => String(t.Id));
    expect([...per.keys()].sort()).toEqual([...onze].sort());
    expect([...per.values()].every((n) => n === 1)).toBe(true);
    // Proposal ids run 1…60 without a gap or a double.
    expect(events.flatMap((e) => e.voorstellen.map((v) => Number(v.voorstelId))).sort((a, b) => a - b)).toEqual(Array.from({ length: ONZE }, (_, i) => i + 1));
    process.stdout.write(`Kamer-koppeling: ${KILLS} runs met SIGKILL gestopt, ${events.length} pagina-events, ${per.size} voorstellen voor ${ONZE} toezeggingen van het ministerie.\n`);

    // And a run after all that proposes nothing.
    const nogEens = await runCli(['kamer-synchroniseren', '--json'], dataDir, env).done;
    expect(JSON.parse(nogEens.stdout)).toMatchObject({ voorgesteld: 0, fout: null });
    expect(paginaEvents(dataDir)).toHaveLength(events.length);
  });

  it('doubles nothing when two runs go at the same moment', async () => {
    for (let n = ONZE + ANDERE + 1; n <= ONZE + ANDERE + 12; n++) {
      tk.toezeggingen.push(kamerToezegging(n, { ApiGewijzigdOp: new Date(Date.UTC(2026, 0, 6, 9, 0, n)).toISOString() }));
    }
    const [een, twee] = await Promise.all([runCli(['kamer-synchroniseren', '--json'], dataDir, env).done, runCli(['kamer-synchroniseren', '--json'], dataDir, env).done]);
    // One asks the Kamer; the other finds the lock taken and says so (or, started later, finds nothing new).
    for (const run of [een, twee]) {
      const r = JSON.parse(run.stdout);
      expect(run.code).toBe(r.bezet ? 1 : 0);
      if (r.bezet) expect(r.melding).toContain('Er loopt al een synchronisatie met de Tweede Kamer');
    }
    const samen = JSON.parse(een.stdout).voorgesteld + JSON.parse(twee.stdout).voorgesteld;
    expect(samen).toBe(12);
    const per = voorstellenPerRecord(paginaEvents(dataDir));
    expect(per.size).toBe(ONZE + 12);
    expect([...per.values()].every((n) => n === 1)).toBe(true);
  });

  it('ends with code 2 when the link is off, and says how to turn it on', async () => {
    const run = await runCli(['kamer-synchroniseren'], dataDir, { TK_ODATA_URL: '', TK_SYNC: '' }).done;
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('De koppeling met de Tweede Kamer staat uit (zet TK_ODATA_URL of TK_SYNC=aan).');
  });
});
