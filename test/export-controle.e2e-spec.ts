import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENESIS, eventHash } from '@register/event-store';
import { motie } from './support/app';
import { createPostgresDatabase } from './support/read-model-databases';
import { json, maakToken, runCli, startServer } from './support/processes';

jest.setTimeout(120_000);

/** The register's read models, row by row, for comparing two data directories. */
function dump(dataDir: string): unknown {
  const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
  try {
    return ['register_items', 'register_item_leden', 'halfjaarberichten'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all());
  } finally {
    db.close();
  }
}

describe('export, import, verify and the verified rebuild', () => {
  let bron: string;
  let doel: string;

  beforeAll(async () => {
    bron = mkdtempSync(join(tmpdir(), 'export-bron-'));
    doel = mkdtempSync(join(tmpdir(), 'export-doel-'));
    const token = await maakToken(bron, 'griffier.export', 'griffier');
    const server = await startServer(bron);
    try {
      const post = (pad: string, body: object) => json(`${server.url}${pad}`, { method: 'POST', token, body: JSON.stringify(body) });
      for (let i = 0; i < 30; i++) {
        const { body } = await post('/api/moties', motie({ nummer: `29628-${8100 + i}` }));
        await post(`/api/items/${body.itemId}/voortgang`, { datum: '2025-06-20', tekst: `Stand ${i}` });
        if (i % 3 === 0) await post(`/api/items/${body.itemId}/afdoening`, { datum: '2025-12-15', wijze: { soort: 'kamerstuk', referentie: 'Kamerstuk' }, toelichting: 'Afgedaan.' });
      }
      const head = (await json(`${server.url}/health`)).body.details.eventstore.positie;
      await json(`${server.url}/api/items?minimalePositie=${head}`, { token });
    } finally {
      await server.stop();
    }
  });

  afterAll(() => {
    rmSync(bron, { recursive: true, force: true });
    rmSync(doel, { recursive: true, force: true });
  });

  it('exports the log, imports it into an empty store with the same read models, and verify passes', async () => {
    const bestand = join(bron, 'export.ndjson');
    expect((await runCli(['exporteren', '--uit', bestand], bron).done).code).toBe(0);
    const regels = readFileSync(bestand, 'utf8').trim().split('\n');
    expect(regels.length).toBeGreaterThan(90);
    expect(JSON.parse(regels[0])).toMatchObject({ positie: '1', revisie: 0, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const imp = await runCli(['importeren', bestand], doel).done;
    expect(imp.code).toBe(0);
    expect((await runCli(['herbouwen'], doel).done).code).toBe(0);
    expect((await runCli(['herbouwen'], bron).done).code).toBe(0);
    expect(dump(doel)).toEqual(dump(bron));
    const verify = await runCli(['verifieren'], doel).done;
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/In orde: \d+ events/);
    expect((await runCli(['importeren', bestand], doel).done).stderr).toMatch(/niet leeg/);
  });

  it('refuses an export that was changed on the way', async () => {
    const bestand = join(bron, 'export.ndjson');
    const vervalst = readFileSync(bestand, 'utf8').replace('Stand 7', 'Stand 8');
    writeFileSync(join(bron, 'vervalst.ndjson'), vervalst);
    const leeg = mkdtempSync(join(tmpdir(), 'export-leeg-'));
    try {
      const run = await runCli(['importeren', join(bron, 'vervalst.ndjson')], leeg).done;
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/Regel \d+: motie-\S+ revisie 1 \(positie \d+\): de inhoud past niet bij de opgeslagen hash: het event is gewijzigd\. De export is gewijzigd of onvolledig; er is niets geïmporteerd/);
    } finally {
      rmSync(leeg, { recursive: true, force: true });
    }
  });

  it('refuses an export whose stream hashes the forger recomputed: the log chain no longer holds, and nothing is imported', async () => {
    const regels = readFileSync(join(bron, 'export.ndjson'), 'utf8').trim().split('\n').map((r) => JSON.parse(r));
    const doelwit = regels.find((r) => r.data.tekst === 'Stand 7');
    doelwit.data.tekst = 'Stand 8';
    let vorige = GENESIS;
    for (const r of regels.filter((x) => x.stream === doelwit.stream)) {
      r.hash = eventHash(vorige, { stream: r.stream, revision: r.revisie, eventId: r.eventId, type: r.type, data: r.data, metadata: r.metadata });
      vorige = r.hash;
    }
    writeFileSync(join(bron, 'herberekend.ndjson'), regels.map((r) => JSON.stringify(r)).join('\n'));
    const leeg = mkdtempSync(join(tmpdir(), 'export-leeg-'));
    try {
      const run = await runCli(['importeren', join(bron, 'herberekend.ndjson')], leeg).done;
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(`${doelwit.stream} revisie ${doelwit.revisie} (positie ${doelwit.positie}): de logketen breekt hier`);
      // Passed off as an export from before the log chain: refused without the flag, and with it
      // refused against an anchor; a file with links on some lines only is refused outright.
      writeFileSync(join(bron, 'zonder-keten.ndjson'), regels.map(({ keten: _, ...r }) => JSON.stringify(r)).join('\n'));
      writeFileSync(join(bron, 'half-keten.ndjson'), regels.map(({ keten, ...r }, i) => JSON.stringify(i % 2 ? r : { ...r, keten })).join('\n'));
      const anker = /mtr-anker:1:\S+/.exec((await runCli(['verifieren', '--anker'], bron).done).stdout)![0];
      expect((await runCli(['importeren', join(bron, 'zonder-keten.ndjson')], leeg).done).stderr).toContain('de export heeft geen logketen');
      const metAnker = await runCli(['importeren', join(bron, 'zonder-keten.ndjson'), '--zonder-logketen', '--tegen', anker], leeg).done;
      expect(metAnker.code).not.toBe(0);
      expect(metAnker.stderr).toContain('De export zet het anker niet voort');
      expect((await runCli(['importeren', join(bron, 'half-keten.ndjson'), '--zonder-logketen'], leeg).done).stderr).toContain('een deel van de regels heeft een schakel van de logketen en een deel niet');
      // Checked before anything was written: the store is still empty.
      const db = new Database(join(leeg, 'events.sqlite'), { readonly: true });
      expect((db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n).toBe(0);
      db.close();
    } finally {
      rmSync(leeg, { recursive: true, force: true });
    }
  });

  it('refuses to export a damaged store (exit 1, the stream and revision named, no file left), so an edit cannot be laundered by export and import', async () => {
    const kopie = mkdtempSync(join(tmpdir(), 'export-kopie-'));
    try {
      cpSync(bron, kopie, { recursive: true });
      const db = new Database(join(kopie, 'events.sqlite'));
      const rij = db.prepare("SELECT stream, revision, position FROM events WHERE type = 'MotieVoortgangGerapporteerd' ORDER BY position LIMIT 1 OFFSET 2").get() as { stream: string; revision: number; position: number };
      db.prepare("UPDATE events SET data = replace(data, 'Stand', 'Gewijzigd') WHERE stream = ? AND revision = ?").run(rij.stream, rij.revision);
      db.close();
      const bestand = join(kopie, 'uit.ndjson');
      const run = await runCli(['exporteren', '--uit', bestand], kopie).done;
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Export geweigerd: het log is beschadigd bij ${rij.stream} revisie ${rij.revision} (positie ${rij.position}): de inhoud past niet bij de opgeslagen hash`);
      expect(existsSync(bestand)).toBe(false);
      expect(existsSync(`${bestand}.deel`)).toBe(false);
    } finally {
      rmSync(kopie, { recursive: true, force: true });
    }
  });

  it('verifieren --anker gives an anchor that --tegen checks: it holds while the log only grows, and fails once its tail is cut', async () => {
    const kopie = mkdtempSync(join(tmpdir(), 'export-anker-'));
    try {
      cpSync(bron, kopie, { recursive: true });
      const eerst = await runCli(['verifieren', '--anker'], kopie).done;
      expect(eerst.code).toBe(0);
      const anker = /mtr-anker:1:\d+:\d+:[0-9a-f]{64}/.exec(eerst.stdout)?.[0];
      expect(anker).toBeDefined();
      const goed = await runCli(['verifieren', '--tegen', anker!], kopie).done;
      expect(goed.code).toBe(0);
      expect(goed.stdout).toContain('Het log zet het anker voort');
      // The import of the export also extends it.
      const leeg = mkdtempSync(join(tmpdir(), 'export-leeg-'));
      try {
        expect((await runCli(['importeren', join(bron, 'export.ndjson'), '--tegen', anker!], leeg).done).code).toBe(0);
        expect((await runCli(['verifieren', '--tegen', anker!], leeg).done).code).toBe(0);
      } finally {
        rmSync(leeg, { recursive: true, force: true });
      }
      // The last event of the log cut off, and its stream's revision lowered to match.
      const db = new Database(join(kopie, 'events.sqlite'));
      const laatste = db.prepare('SELECT stream, revision FROM events ORDER BY position DESC LIMIT 1').get() as { stream: string; revision: number };
      db.prepare('DELETE FROM events WHERE stream = ? AND revision = ?').run(laatste.stream, laatste.revision);
      db.prepare('UPDATE streams SET revision = ? WHERE stream = ?').run(laatste.revision - 1, laatste.stream);
      db.close();
      expect((await runCli(['verifieren'], kopie).done).code).toBe(0);
      const fout = await runCli(['verifieren', '--tegen', anker!], kopie).done;
      expect(fout.code).toBe(1);
      expect(fout.stdout).toMatch(/ANKER NIET VOORTGEZET: het log heeft \d+ events, minder dan de \d+ van het anker/);
      expect((await runCli(['verifieren', '--tegen', 'geen-anker'], kopie).done).stderr).toContain('Dit is geen anker van het register');
    } finally {
      rmSync(kopie, { recursive: true, force: true });
    }
  });

  it('verify names the exact stream and revision when the store file is edited', async () => {
    const db = new Database(join(doel, 'events.sqlite'));
    const rij = db.prepare("SELECT stream, revision, position FROM events WHERE type = 'MotieVoortgangGerapporteerd' ORDER BY position LIMIT 1 OFFSET 4").get() as { stream: string; revision: number; position: number };
    db.prepare("UPDATE events SET data = replace(data, 'Stand', 'Stant') WHERE stream = ? AND revision = ?").run(rij.stream, rij.revision);
    db.close();
    const verify = await runCli(['verifieren'], doel).done;
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain(`BESCHADIGD ${rij.stream} revisie ${rij.revision} (positie ${rij.position}): de inhoud past niet bij de opgeslagen hash`);
  });

  it('the verified rebuild finds no difference, and names a row altered by hand (SQLite)', async () => {
    const schoon = await runCli(['controleren'], bron).done;
    expect(schoon.code).toBe(0);
    expect(schoon.stdout).toContain('Geen verschillen');
    const db = new Database(join(bron, 'read-models.sqlite'));
    const { item_id } = db.prepare('SELECT item_id FROM register_items LIMIT 1').get() as { item_id: string };
    db.prepare("UPDATE register_items SET titel = 'met de hand gewijzigd' WHERE item_id = ?").run(item_id);
    db.close();
    const fout = await runCli(['controleren'], bron).done;
    expect(fout.code).toBe(1);
    expect(fout.stdout).toContain(`anders: ${item_id}`);
  });

  it('the verified rebuild works on PostgreSQL read models too', async () => {
    const pg = await createPostgresDatabase();
    try {
      expect((await runCli(['herbouwen'], bron, { DATABASE_URL: pg.url }).done).code).toBe(0);
      const schoon = await runCli(['controleren'], bron, { DATABASE_URL: pg.url }).done;
      expect(schoon.stdout).toContain('Geen verschillen');
      expect(schoon.code).toBe(0);
    } finally {
      await pg.drop();
    }
  });
});
