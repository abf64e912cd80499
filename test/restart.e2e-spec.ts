import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { motie, toezegging } from './support/app';
import { json, maakToken, startServer } from './support/processes';

jest.setTimeout(60_000);

describe('the server as a process', () => {
  let dataDir: string;
  let token: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'register-restart-'));
    token = await maakToken(dataDir, 'griffier.jansen', 'griffier');
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (url: string, body: unknown) => json(url, { method: 'POST', body: JSON.stringify(body), token });
  const get = (url: string) => json(url, { token });

  it('keeps everything after a normal stop and start', async () => {
    let server = await startServer(dataDir);
    const m = await post(`${server.url}/api/moties`, motie());
    const tz = await post(`${server.url}/api/toezeggingen`, toezegging());
    await post(`${server.url}/api/items/${tz.body.itemId}/afdoening`, { datum: '2025-06-20', wijze: { soort: 'halfjaarbericht', referentie: 'Eerste halfjaarbericht politie 2025' }, toelichting: 'Afgedaan.' });
    await server.stop('SIGTERM');

    server = await startServer(dataDir);
    try {
      const lijst = await get(`${server.url}/api/items?sorteer=nummer&minimalePositie=0`);
      expect(lijst.body.items.map((i: { nummer: string; status: string }) => [i.nummer, i.status])).toEqual([
        ['29628-1230', 'InBehandeling'],
        ['TZ202412-156', 'Afgedaan'],
      ]);
      expect((await get(`${server.url}/api/items/${m.body.itemId}`)).body.titel).toBe(motie().titel);
      // The number is still held after the restart.
      expect((await post(`${server.url}/api/moties`, motie())).status).toBe(409);
    } finally {
      await server.stop();
    }
  });

  it('keeps every answered command after SIGKILL, and the register catches up to it', async () => {
    let server = await startServer(dataDir);
    const answered: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await post(`${server.url}/api/moties`, motie({ nummer: `29628-${2000 + i}` }));
      expect(res.status).toBe(201);
      answered.push(res.body.itemId);
    }
    await server.stop('SIGKILL');

    server = await startServer(dataDir);
    try {
      const health = await json(`${server.url}/health`);
      if (health.body.status !== 'ok') process.stdout.write(`health answer: ${JSON.stringify(health.body)}\n${server.output()}\n`);
      expect(health.body.status).toBe('ok');
      const head = health.body.details.eventstore.positie;
      const lijst = await get(`${server.url}/api/items?perPagina=100&minimalePositie=${head}`);
      expect(lijst.body.items.map((i: { itemId: string }) => i.itemId).sort()).toEqual([...answered].sort());
    } finally {
      await server.stop();
    }
  });
});
