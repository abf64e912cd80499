import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ProjectionRunner } from '@register/read-models';
import { TestApp, motie, startTestApp } from './support/app';

jest.setTimeout(60_000);

interface ProjectieGezondheid {
  naam: string;
  fout: string | null;
}

/**
 * A rebuild over HTTP that fails half-way must not leave the register frozen while /health says
 * all is well. The failure is real: the read-model database refuses every new report row (a
 * trigger, as a full disk or a broken table would), after the register itself has been rebuilt.
 */
describe('a rebuild over HTTP that fails half-way', () => {
  let t: TestApp;
  let berichtId: string;

  const gezondheid = async () => {
    const res = await t.as('anoniem').get('/health');
    // A 503 comes as problem details, with the checks under `gezondheid`.
    const details = res.status === 200 ? res.body.details : res.body.gezondheid;
    return { status: res.status, body: res.body, projecties: (details?.projecties?.projecties ?? []) as ProjectieGezondheid[] };
  };
  const leesmodel = () => new Database(join(t.dataDir, 'read-models.sqlite'));

  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post('/api/moties').send(motie({ nummer: '30200-1' })).expect(201);
    const bericht = await t.http.post('/api/halfjaarberichten').send({ jaar: 2025, helft: 1, titel: 'Eerste halfjaarbericht 2025', peildatum: '2025-06-01', secties: ['A'] }).expect(201);
    berichtId = bericht.body.berichtId;
    await t.http.get(`/api/items?minimalePositie=${bericht.body.positie}`).expect(200);
    expect((await gezondheid()).status).toBe(200);
  });

  afterAll(async () => {
    await t.close();
  });

  it('says so on /health (503, with the reason) and keeps the other projections following the log', async () => {
    const db = leesmodel();
    db.exec("CREATE TRIGGER weiger_bericht BEFORE INSERT ON halfjaarberichten BEGIN SELECT RAISE(ABORT, 'schijf vol'); END");
    db.close();

    const herbouw = await t.as('beheerder').post('/api/beheer/herbouwen');
    expect(herbouw.status).toBe(500);
    const na = await gezondheid();
    expect(na.status).toBe(503);
    expect(na.projecties.find((p) => p.naam === 'halfjaarberichten')?.fout).toContain('schijf vol');
    // The answer names what failed and what state it left; the database's own words stay in the log and on /health.
    expect(herbouw.body.detail).toContain('halfjaarberichten');

    // The register was rebuilt before the failure and follows the log again: a new motie shows up.
    // (Not with minimalePositie: that waits for every projection, the failing one included.)
    const nieuw = await t.http.post('/api/moties').send(motie({ nummer: '30200-2' })).expect(201);
    const start = Date.now();
    let ids: string[] = [];
    while (!ids.includes(nieuw.body.itemId) && Date.now() - start < 10_000) {
      await new Promise((r) => setTimeout(r, 100));
      ids = (await t.as('liaison').get('/api/items?perPagina=100').expect(200)).body.items.map((i: { itemId: string }) => i.itemId);
    }
    expect(ids).toContain(nieuw.body.itemId);
  });

  it('recovers by itself once the database accepts the rows again', async () => {
    const db = leesmodel();
    db.exec('DROP TRIGGER weiger_bericht');
    db.close();
    const start = Date.now();
    while ((await gezondheid()).status !== 200) {
      if (Date.now() - start > 20_000) throw new Error(`still unhealthy: ${JSON.stringify((await gezondheid()).body)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await t.as('liaison').get(`/api/halfjaarberichten/${berichtId}`).expect(200)).body.titel).toBe('Eerste halfjaarbericht 2025');
  });

  it('is not ok while the projections are stopped', async () => {
    const runner = t.app.get(ProjectionRunner);
    await runner.stop();
    const gestopt = await gezondheid();
    expect(gestopt.status).toBe(503);
    expect(JSON.stringify(gestopt.body)).toContain('volgen het log niet');
    await runner.start();
    expect((await gezondheid()).status).toBe(200);
  });
});
