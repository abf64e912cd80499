import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp, motie, startTestApp } from './support/app';
import { runCli } from './support/processes';

jest.setTimeout(120_000);

/**
 * A rebuild replays the log into the read models and nothing else. The afdoening reactor issues
 * commands; were it replayed too, a report's word would be acted on a second time, years late.
 *
 * The sharpest case: an item the report declares afgedaan that was already afgedaan when the report
 * was sent (the reactor rightly refuses), and is reopened later. Replaying the reactor would afdoen it
 * again, backdated to the old report.
 */
describe('a rebuild appends no event', () => {
  let s: Scenario;

  beforeEach(async () => {
    s = await scenario();
  });

  afterEach(async () => {
    await s.t.stop();
    rmSync(s.t.dataDir, { recursive: true, force: true });
  });

  it('over HTTP: the reopened items stay open', async () => {
    await s.t.as('beheerder').post('/api/beheer/herbouwen').expect(200);
    await bijgewerkt(s.t);
    expect(s.t.eventCount()).toBe(s.voor);
    expect(s.t.storedEvents().filter((e) => e.stream === `motie-${s.eerderAfgedaan}`).at(-1)!.type).toBe('MotieHeropend');
    expect(await stand(s.t, s.eerderAfgedaan)).toBe('InBehandeling');
    expect(await stand(s.t, s.doorBericht)).toBe('InBehandeling');
  });

  it('at a start after a version bump of every projection and reactor', async () => {
    await s.t.stop();
    const db = new Database(join(s.t.dataDir, 'read-models.sqlite'));
    db.prepare("UPDATE projection_checkpoints SET version = version - 1 WHERE name NOT LIKE '%#%'").run();
    db.close();
    s.t = await startTestApp({}, s.t.dataDir);
    await bijgewerkt(s.t);
    expect(s.t.eventCount()).toBe(s.voor);
    expect(await stand(s.t, s.eerderAfgedaan)).toBe('InBehandeling');
  });

  it('at a start on an empty read-model database (deleted, or moved to PostgreSQL)', async () => {
    await s.t.stop();
    for (const f of ['read-models.sqlite', 'read-models.sqlite-wal', 'read-models.sqlite-shm']) rmSync(join(s.t.dataDir, f), { force: true });
    s.t = await startTestApp({}, s.t.dataDir);
    await bijgewerkt(s.t);
    expect(s.t.eventCount()).toBe(s.voor);
    expect(await stand(s.t, s.eerderAfgedaan)).toBe('InBehandeling');
    expect(await stand(s.t, s.doorBericht)).toBe('InBehandeling');
  });

  it('from the CLI: herbouwen, bijwerken and controleren', async () => {
    await s.t.stop();
    for (const opdracht of ['herbouwen', 'bijwerken', 'controleren']) {
      const run = await runCli([opdracht], s.t.dataDir).done;
      expect({ opdracht, code: run.code }).toEqual({ opdracht, code: 0 });
      expect({ opdracht, events: s.t.eventCount() }).toEqual({ opdracht, events: s.voor });
    }
    s.t = await startTestApp({}, s.t.dataDir);
    await bijgewerkt(s.t);
    expect(s.t.eventCount()).toBe(s.voor);
    expect(await stand(s.t, s.eerderAfgedaan)).toBe('InBehandeling');
  });
});

interface Scenario {
  t: TestApp;
  /** Afgedaan before the report was sent (the reactor refused it), reopened after. */
  readonly eerderAfgedaan: string;
  /** Afgedaan by the report, reopened after. */
  readonly doorBericht: string;
  /** Events in the log once the reactor is done. */
  readonly voor: number;
}

async function scenario(): Promise<Scenario> {
  const t = await startTestApp();
  const post = (pad: string, body: object) => t.http.post(pad).send(body);
  const streamVan = (itemId: string) => t.storedEvents().filter((e) => e.stream === `motie-${itemId}`);
  const eerderAfgedaan = (await post('/api/moties', motie({ nummer: '30100-1' })).expect(201)).body.itemId;
  const doorBericht = (await post('/api/moties', motie({ nummer: '30100-2' })).expect(201)).body.itemId;
  const deels = (await post('/api/moties', motie({ nummer: '30100-3' })).expect(201)).body.itemId;
  await post(`/api/items/${eerderAfgedaan}/afdoening`, { datum: '2025-06-02', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2024/25, 29628, nr. 1260' }, toelichting: 'Afgedaan per brief.' }).expect(200);

  const bericht = (await post('/api/halfjaarberichten', { jaar: 2025, helft: 1, titel: 'Eerste halfjaarbericht 2025', peildatum: '2025-06-01', secties: ['A'] }).expect(201)).body.berichtId;
  for (const itemId of [eerderAfgedaan, doorBericht]) await post(`/api/halfjaarberichten/${bericht}/items`, { itemId, sectie: 'A', tekst: 'Gedaan.', status: 'afgedaan' }).expect(200);
  await post(`/api/halfjaarberichten/${bericht}/items`, { itemId: deels, sectie: 'A', tekst: 'Voor een deel.', status: 'deels-afgedaan', deel: 'het onderzoek' }).expect(200);
  await post(`/api/halfjaarberichten/${bericht}/verzending`, { datum: '2025-06-20', kenmerk: 'K-1' }).expect(200);
  // The reactor goes through the report's items in order: once the last one has its event, it has
  // refused the first.
  await totDat(() => streamVan(deels).some((e) => e.type === 'MotieDeelsAfgedaan'));
  expect(streamVan(doorBericht).filter((e) => e.type === 'MotieAfgedaan')).toHaveLength(1);
  expect(streamVan(eerderAfgedaan).filter((e) => e.type === 'MotieAfgedaan')).toHaveLength(1);

  for (const itemId of [eerderAfgedaan, doorBericht]) await post(`/api/items/${itemId}/heropening`, { datum: '2025-09-01', reden: 'De Kamer aanvaardt de afdoening niet.' }).expect(200);
  await bijgewerkt(t);
  expect(await stand(t, eerderAfgedaan)).toBe('InBehandeling');
  return { t, eerderAfgedaan, doorBericht, voor: t.eventCount() };
}

async function stand(t: TestApp, itemId: string): Promise<string> {
  return (await t.as('auditor').get(`/api/items/${itemId}?minimalePositie=${headVan(t.dataDir)}`).expect(200)).body.status;
}

function headVan(dataDir: string): number {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT MAX(position) AS head FROM events').get() as { head: number }).head;
  } finally {
    db.close();
  }
}

/** Until everything that follows the log (projections and reactors) has reached its head. */
async function bijgewerkt(t: TestApp): Promise<void> {
  await totDat(async () => {
    const res = await t.as('anoniem').get('/health');
    const head = BigInt(res.body.details?.eventstore?.positie ?? '-1');
    const projecties = (res.body.details?.projecties?.projecties ?? []) as { positie: string; bijgewerkt: boolean }[];
    return projecties.length > 0 && projecties.every((p) => p.bijgewerkt && BigInt(p.positie) >= head);
  });
  // A reactor acts after it has read an event: give a replaying one the time to append.
  await new Promise((r) => setTimeout(r, 300));
}

async function totDat(ok: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!(await ok())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
