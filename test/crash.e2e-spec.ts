import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { motie } from './support/app';
import { json, maakToken, runCli, startServer } from './support/processes';

jest.setTimeout(120_000);

const RONDES = 5;

/**
 * Writers run while the server is SIGKILLed again and again. Every command that got a 2xx must be in
 * the store after the restart, none doubled, and the read model must reach what a clean rebuild gives.
 */
describe('crash without loss', () => {
  let dataDir: string;
  let schoon: string;
  let token: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'register-crash-'));
    schoon = mkdtempSync(join(tmpdir(), 'register-crash-schoon-'));
    token = await maakToken(dataDir, 'griffier.crash', 'griffier');
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(schoon, { recursive: true, force: true });
  });

  it('keeps every answered command through repeated SIGKILLs', async () => {
    const beantwoord = new Map<string, string>(); // nummer → itemId
    const voortgang: { itemId: string; revisie: number }[] = [];
    let verzonden = 0;
    let volgnummer = 0;
    const fouten: Record<string, number> = {};

    const geslaagdPerRonde: number[] = [];
    for (let ronde = 0; ronde < RONDES; ronde++) {
      const server = await startServer(dataDir);
      const voor = beantwoord.size;
      let stoppen = false;
      const schrijver = async () => {
        while (!stoppen) {
          const nummer = `29628-${10_000 + volgnummer++}`;
          verzonden++;
          try {
            const res = await json(`${server.url}/api/moties`, { method: 'POST', token, body: JSON.stringify(motie({ nummer })) });
            if (res.status === 201) {
              beantwoord.set(nummer, res.body.itemId);
              verzonden++;
              const v = await json(`${server.url}/api/items/${res.body.itemId}/voortgang`, { method: 'POST', token, body: JSON.stringify({ datum: '2025-06-20', tekst: `ronde ${ronde}` }) });
              if (v.status === 200) voortgang.push({ itemId: res.body.itemId, revisie: v.body.revisie });
              else fouten[v.status] = (fouten[v.status] ?? 0) + 1;
            } else fouten[res.status] = (fouten[res.status] ?? 0) + 1;
          } catch {
            fouten.verbroken = (fouten.verbroken ?? 0) + 1; // the connection died with the server: no answer, no promise
          }
        }
      };
      const schrijvers = Array.from({ length: 8 }, schrijver);
      await new Promise((resolve) => setTimeout(resolve, 400 + Math.floor(Math.random() * 600)));
      await server.stop('SIGKILL');
      stoppen = true;
      await Promise.all(schrijvers);
      geslaagdPerRonde.push(beantwoord.size - voor);
    }

    // The test proves nothing if the writers never got through: every round must have answered
    // registrations and progress reports, and nothing may have failed other than by the kill.
    expect(geslaagdPerRonde.every((n) => n >= 1)).toBe(true);
    expect(beantwoord.size).toBeGreaterThanOrEqual(RONDES * 5);
    expect(voortgang.length).toBeGreaterThanOrEqual(RONDES * 3);
    expect(Object.keys(fouten).filter((k) => k !== 'verbroken')).toEqual([]);

    // Restart once more: the register must catch up with everything answered.
    const server = await startServer(dataDir);
    try {
      const head = (await json(`${server.url}/health`)).body.details.eventstore.positie;
      await json(`${server.url}/api/items?minimalePositie=${head}`, { token });
    } finally {
      await server.stop('SIGTERM');
    }

    const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    const events = db.prepare('SELECT stream, revision, type, data, event_id FROM events').all() as { stream: string; revision: number; type: string; data: string; event_id: string }[];
    db.close();
    const registraties = events.filter((e) => e.type === 'MotieGeregistreerd').map((e) => JSON.parse(e.data) as { nummer: string; itemId: string });
    const perNummer = new Map<string, number>();
    for (const r of registraties) perNummer.set(r.nummer, (perNummer.get(r.nummer) ?? 0) + 1);

    for (const [nummer, itemId] of beantwoord) expect(registraties.find((r) => r.nummer === nummer)?.itemId).toBe(itemId);
    for (const v of voortgang) expect(events.some((e) => e.stream === `motie-${v.itemId}` && e.revision === v.revisie && e.type === 'MotieVoortgangGerapporteerd')).toBe(true);
    expect([...perNummer.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length);

    // The live read model after the crashes equals a clean rebuild of the same log.
    copyFileSync(join(dataDir, 'events.sqlite'), join(schoon, 'events.sqlite'));
    expect((await runCli(['herbouwen'], schoon).done).code).toBe(0);
    const dump = (dir: string) => {
      const rm = new Database(join(dir, 'read-models.sqlite'), { readonly: true });
      try {
        return rm.prepare('SELECT * FROM register_items ORDER BY item_id').all();
      } finally {
        rm.close();
      }
    };
    expect(dump(dataDir)).toEqual(dump(schoon));
    expect(dump(dataDir).length).toBeGreaterThanOrEqual(beantwoord.size);

    process.stdout.write(
      `crash: ${RONDES} SIGKILLs, registrations answered per round ${JSON.stringify(geslaagdPerRonde)}, ${verzonden} requests sent, ${beantwoord.size} registrations and ${voortgang.length} progress reports answered 2xx, other outcomes ${JSON.stringify(fouten)}, events in store ${events.length}, all answered present, none doubled\n`,
    );
  });
});
