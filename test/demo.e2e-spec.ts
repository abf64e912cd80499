import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApp, startTestApp } from './support/app';
import { runCli } from './support/processes';

/**
 * `npm run demo` must be able to show the liaison's view: overdue items, fracties and a history of
 * open items. The demo takes the termijnen and fracties the letters give (apps/cli/src/demo).
 */
jest.setTimeout(120_000);

describe('the demo register', () => {
  let dataDir: string;
  let t: TestApp;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'demo-'));
    const run = await runCli(['demo-laden'], dataDir).done;
    if (run.code !== 0) throw new Error(`demo-laden failed: ${run.stderr}`);
    t = await startTestApp({}, dataDir);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has overdue items, open items per fractie, and open items over time', async () => {
    // On a fixed peildatum, so the test does not depend on today.
    const overzicht = (await t.as('liaison').get('/api/overzicht?maanden=72&peildatum=2026-01-01').expect(200)).body;
    expect(overzicht.open).toBeGreaterThan(40);
    expect(overzicht.achterstallig).toBeGreaterThanOrEqual(15);
    expect(Object.fromEntries(overzicht.perFractie.map((f: { waarde: string; open: number }) => [f.waarde, f.open]))).toMatchObject({ DENK: expect.any(Number), SP: expect.any(Number), VVD: expect.any(Number) });
    const verloop: { maand: string; open: number }[] = overzicht.verloop;
    expect(new Set(verloop.map((v) => v.open)).size).toBeGreaterThan(2);
  });

  it('maps a termijn’s wording to a date by the rule, and keeps a termijn the letter moved', async () => {
    const klaver = (await t.http.get('/api/items/nummer/35300-11').expect(200)).body;
    expect(klaver.termijn).toEqual({ omschrijving: 'eind 2023', datum: '2023-12-31' });
    expect(klaver.leden).toEqual([{ naam: 'Klaver', fractie: 'GroenLinks' }]);
    const beschouwing = (await t.http.get('/api/items/nummer/TZ127734').expect(200)).body;
    expect(beschouwing.termijn).toEqual({ omschrijving: 'in het najaar van 2025', datum: '2025-12-31' });
    const historie = (await t.http.get(`/api/items/${beschouwing.itemId}/historie`).expect(200)).body.events;
    expect(historie.map((h: { samenvatting: string }) => h.samenvatting)).toContainEqual(expect.stringContaining('Termijn gewijzigd naar "in het najaar van 2025" (2025-12-31)'));
  });
});
