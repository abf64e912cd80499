import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
      expect(run.stderr).toMatch(/past niet bij zijn hash; de export is gewijzigd/);
    } finally {
      rmSync(leeg, { recursive: true, force: true });
    }
  });

  it('verify names the exact stream and revision when the store file is edited', async () => {
    const db = new Database(join(doel, 'events.sqlite'));
    const rij = db.prepare("SELECT stream, revision FROM events WHERE type = 'MotieVoortgangGerapporteerd' ORDER BY position LIMIT 1 OFFSET 4").get() as { stream: string; revision: number };
    db.prepare("UPDATE events SET data = replace(data, 'Stand', 'Stant') WHERE stream = ? AND revision = ?").run(rij.stream, rij.revision);
    db.close();
    const verify = await runCli(['verifieren'], doel).done;
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain(`BESCHADIGD ${rij.stream} revisie ${rij.revision}: de inhoud past niet bij de opgeslagen hash`);
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
