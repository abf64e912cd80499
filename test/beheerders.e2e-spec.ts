import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApp, startTestApp } from './support/app';
import { runCli } from './support/processes';

/**
 * The register keeps at least one active beheerder: without one nobody can add or revoke users.
 * Over HTTP a revocation of the last one is refused (409 `laatste-beheerder`) and in the CLI too
 * (exit 1); the race of two revocations at once is in libs/access/src/gebruikers.store.int.spec.ts.
 */
jest.setTimeout(60_000);

describe('the last active beheerder', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('over HTTP: revoking the last one (oneself) is refused in Dutch and changes nothing; with a second one it is allowed', async () => {
    const weigering = await t.as('beheerder').delete('/api/beheer/gebruikers/test-beheerder').expect(409);
    expect(weigering.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(weigering.body).toMatchObject({ status: 409, code: 'laatste-beheerder', type: 'urn:register:fout:laatste-beheerder', detail: expect.stringContaining('test-beheerder is de laatste actieve beheerder') });
    // Still signed in and still a beheerder.
    await t.as('beheerder').get('/api/beheer/gebruikers').expect(200);

    await t.as('beheerder').delete('/api/beheer/gebruikers/niemand').expect(404);

    await t.as('beheerder').post('/api/beheer/gebruikers').send({ naam: 'tweede.beheerder', rol: 'beheerder' }).expect(201);
    await t.as('beheerder').delete('/api/beheer/gebruikers/tweede.beheerder').expect(204);
    await t.as('beheerder').post('/api/beheer/gebruikers').send({ naam: 'tweede.beheerder', rol: 'beheerder' }).expect(201);
    await t.as('beheerder').delete('/api/beheer/gebruikers/test-beheerder').expect(204);
    await t.as('beheerder').get('/api/beheer/gebruikers').expect(401);
  });

  it('in the CLI: gebruiker-intrekken refuses the last beheerder with exit 1 and the reason', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'beheerders-'));
    try {
      expect((await runCli(['gebruiker-toevoegen', 'enige.beheerder', '--rol', 'beheerder'], dataDir).done).code).toBe(0);
      const weigering = await runCli(['gebruiker-intrekken', 'enige.beheerder'], dataDir).done;
      expect({ code: weigering.code, stderr: weigering.stderr.trim() }).toEqual({ code: 1, stderr: 'enige.beheerder is de laatste actieve beheerder en wordt niet ingetrokken: dan kan niemand meer gebruikers beheren. Voeg eerst een andere beheerder toe.' });
      expect((await runCli(['gebruikers'], dataDir).done).stdout).toMatch(/enige\.beheerder\s+beheerder\s+actief/);
      const onbekend = await runCli(['gebruiker-intrekken', 'niemand'], dataDir).done;
      expect({ code: onbekend.code, stderr: onbekend.stderr.trim() }).toEqual({ code: 1, stderr: 'Er is geen actieve gebruiker niemand.' });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
