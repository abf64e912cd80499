import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { TestApp, startTestApp } from '../support/app';
import { SMAL, aangemeld, rustig, schermafdrukken, startBrowser, toegankelijkheid } from './browser';

/**
 * The import inbox in headless Chromium against the real application: a clerk reads the four seed
 * annexes in through the upload form, works through the proposals (all above a confidence at once,
 * one edited and one rejected by keyboard alone, the refused ones from the failure summary) and the
 * register then holds the items. Reading a document in again proposes nothing new. Each page is
 * checked with axe-core and photographed; the list and a batch with its highlighted passage also go
 * to SCREENS for a person to look at.
 */
jest.setTimeout(600_000);

const FIXTURES = join(__dirname, '..', 'fixtures', 'import');
const SCREENS = process.env.SCREENS_DIR ?? '/tmp/screens';
const MINISTER = 'minister van Justitie en Veiligheid';

/** In the order of their dates, so later reports propose status changes for earlier items. 003 and 004 name no date. */
const BIJLAGEN: readonly { bestand: string; datum?: string }[] = [
  { bestand: '002_bb53b5d01be0cbfb.txt' },
  { bestand: '000_a667fa4859d422a8.txt' },
  { bestand: '004_f0f2b828eb74e2ff.txt', datum: '2023-04-14' },
  { bestand: '003_867673a10de57136.txt', datum: '2025-06-20' },
];

interface VoorstelApi {
  id: string;
  afhandeling: string;
  itemId: string | null;
  soortVoorstel: string;
  reden: string | null;
  gewijzigdeVelden: string[];
  afgehandeldDoor: string | null;
  gegevens: { nummer: string | null; soort: string; status: string | null; rol: string };
}

describe('importen in the web app', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const batches: Record<string, string> = {};

  const bekijk = async (page: Page, naam: string) => {
    await rustig(page);
    const { smalBreedte } = await schermafdrukken(page, naam);
    expect({ pagina: naam, schendingen: await toegankelijkheid(page), smalBreedte }).toEqual({ pagina: naam, schendingen: [], smalBreedte: SMAL.width });
  };
  const fouten = (page: Page) => (page as Page & { fouten: string[] }).fouten;
  const voorstellen = async (batchId: string): Promise<VoorstelApi[]> => (await t.http.get(`/api/importen/${batchId}`).expect(200)).body.voorstellen;
  /** The button of the selected proposal has focus: what a keyboard user works on. */
  const gefocust = (page: Page) => page.evaluate(() => document.activeElement?.closest('li')?.querySelector('.voorstel__naam')?.textContent ?? '');

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await startBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const leesIn = async (page: Page, bestand: string, datum?: string) => {
    await page.locator('input[type="file"][name="bestand"]').setInputFiles(join(FIXTURES, bestand));
    await page.getByText(`Gekozen: ${bestand}`).waitFor();
    await page.getByLabel('Bewindspersoon').fill(MINISTER);
    await page.getByLabel('Ministerie').fill('JenV');
    await page.getByLabel('Datum van het bericht (niet verplicht)').fill(datum ?? '');
    await page.getByRole('button', { name: 'Inlezen' }).click();
  };

  /** Every proposal still open after the bulk acceptance is rejected by keyboard: select with j, r, reason, Enter. */
  const wijsRestAf = async (page: Page, reden: string) => {
    for (let i = 0; i < 80; i++) {
      await rustig(page);
      const open = await page.locator('.voorstel--open').count();
      if (open === 0) return;
      await page.getByRole('button', { name: /^Open \(\d+\)$/ }).click();
      await page.locator('.voorstel--open .voorstel__kop').first().click();
      await page.keyboard.press('r');
      await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'reden');
      await page.keyboard.type(reden);
      await page.keyboard.press('Enter');
      await page.locator('[role="status"]').getByText('is afgewezen').waitFor();
    }
    throw new Error('open voorstellen blijven over');
  };

  it('a clerk uploads the four annexes, accepts their proposals (in bulk, edited and rejected by keyboard) and the register then has the items', async () => {
    const { page, context } = await aangemeld(browser, base, t.tokens.griffier);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Importen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importen' }).waitFor();
    await page.getByText('Er is nog geen document ingelezen.').waitFor();

    // Nothing chosen: the error is next to the field and in the summary, whose link goes to the field.
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.locator('#upload-bestand').getByText('is verplicht: kies een document').waitFor();
    await page.getByRole('link', { name: 'Document: is verplicht: kies een document' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('upload-bestand-knop');
    await bekijk(page, 'importen-fout');

    for (const { bestand, datum } of BIJLAGEN) {
      await page.goto('/importen');
      if (bestand.startsWith('004')) {
        // The document names no date: the API says so, at the date field, and keeps the input.
        await leesIn(page, bestand);
        await page.locator('#upload-datum').getByText('noemt geen datum').waitFor();
        expect(await page.getByLabel('Bewindspersoon').inputValue()).toBe(MINISTER);
      }
      if (bestand.startsWith('003')) {
        // A slow line, so that the progress of the upload can be seen.
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: -1, uploadThroughput: 40_000 });
        await leesIn(page, bestand, datum);
        await page.locator('progress#upload-balk').waitFor();
        await page.getByRole('status').getByText(/Bezig met verzenden|Het document wordt gelezen/).first().waitFor();
        await page.getByRole('heading', { level: 1, name: `Import ${bestand}` }).waitFor({ timeout: 60_000 });
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      } else {
        await leesIn(page, bestand, datum);
        await page.getByRole('heading', { level: 1, name: `Import ${bestand}` }).waitFor();
      }
      batches[bestand] = new URL(page.url()).pathname.split('/').pop()!;
      await rustig(page);

      if (bestand.startsWith('000')) {
        // By keyboard alone: j to the first motie without a number, e, Tab to the number, type it, Enter.
        for (let i = 0; i < 20 && !(await gefocust(page)).includes('Motie zonder nummer'); i++) {
          const voor = await page.evaluate(() => document.activeElement?.id ?? '');
          await page.keyboard.press('j');
          // Focus follows the selection after React has rendered it: wait for it to move before reading it.
          await page.waitForFunction((id) => (document.activeElement?.id ?? '') !== id, voor);
        }
        expect(await gefocust(page)).toContain('Motie zonder nummer');
        await page.keyboard.press('e');
        await page.getByRole('heading', { name: 'Bewerken en aanvaarden' }).waitFor();
        // The form takes focus after it has rendered (an effect): on a loaded machine a moment after its heading shows.
        await page.waitForFunction(() => (document.activeElement as HTMLSelectElement | null)?.name === 'wijzigingen.soort');
        expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).name)).toBe('wijzigingen.soort');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('wijzigingen.nummer');
        await page.keyboard.type('36200-VI-41');
        await page.keyboard.press('Enter');
        await page.locator('[role="status"]').getByText('Motie 36200-VI-41 is aanvaard').waitFor();

        // Focus moves on to the next open proposal (after the list has re-rendered): r, a reason, Enter.
        await page.waitForFunction(
          () => document.activeElement?.closest('li.voorstel--open')?.querySelector('.voorstel__naam')?.textContent?.includes('Motie zonder nummer') === true,
        );
        await page.keyboard.press('r');
        await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'reden');
        await page.keyboard.type('Nummer niet te vinden; wordt met de hand geregistreerd');
        await page.keyboard.press('Enter');
        await page.locator('[role="status"]').getByText('is afgewezen').waitFor();
      }

      if (bestand.startsWith('003')) {
        // The batch page with a highlighted passage and its evidence sentence, for a person to look at.
        await page.locator('.voorstel__kop', { hasText: '36651-14' }).click();
        await page.locator('.bron__regel--gemarkeerd mark.bron__bewijs').waitFor();
        await rustig(page);
        await page.locator('.voorstel--gekozen').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SCREENS, 'import-batch.png') });
        await bekijk(page, 'import-batch');
      }

      // Everything the report handles, at once; what the register refuses is listed with the reason.
      await page.getByLabel('met zekerheid van ten minste').fill('0');
      await page.getByRole('button', { name: /^\d+ voorstel(len)? aanvaarden$/ }).click();
      await page.locator('[role="status"]').getByText(/\d+ voorstel(len)? aanvaard\./).waitFor();
      await rustig(page);

      if (bestand.startsWith('000')) {
        // The two moties left without a number are refused; one is fixed from the failure summary, by mouse.
        const mislukt = page.locator('.mislukt li');
        expect(await mislukt.count()).toBe(2);
        expect(await mislukt.first().innerText()).toContain('kan pas worden aanvaard als het Kamerstuknummer is ingevuld');
        await bekijk(page, 'import-mislukt');
        await mislukt.first().getByRole('button').click();
        await page.getByRole('button', { name: 'Bewerken', exact: true }).click();
        await page.getByLabel('Nummer (niet verplicht)').fill('36200-VI-42');
        await page.getByRole('button', { name: 'Aanvaarden met deze gegevens' }).click();
        await page.locator('[role="status"]').getByText('Motie 36200-VI-42 is aanvaard').waitFor();
      }

      await wijsRestAf(page, 'Niet over te nemen zoals gelezen');
      expect(await page.getByRole('button', { name: 'Open (0)' }).count()).toBe(1);
    }

    // The list: four documents, nothing open.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Importen' }).click();
    await page.locator('.importen-tabel tbody tr').nth(3).waitFor();
    expect(await page.locator('.importen-tabel tbody tr').count()).toBe(4);
    expect(await page.locator('.importen-tabel tbody').getByText('Alles beoordeeld').count()).toBe(4);
    await rustig(page);
    await page.screenshot({ path: join(SCREENS, 'importen-lijst.png'), fullPage: true });
    await bekijk(page, 'importen');

    // The history of the batch with the keyboard work: who did what.
    await page.getByRole('link', { name: '000_a667fa4859d422a8.txt' }).click();
    const historie = page.locator('section', { has: page.getByRole('heading', { name: 'Geschiedenis van deze import' }) });
    await historie.getByText('Afgewezen: Nummer niet te vinden; wordt met de hand geregistreerd').waitFor();
    expect(await historie.getByText('Aanvaard: geregistreerd', { exact: false }).count()).toBeGreaterThan(0);
    expect(await historie.getByText('(aangepast: nummer)', { exact: false }).count()).toBe(2);

    // The register answers as if a clerk had typed the items: every accepted proposal is an item, with the document's status.
    const alle = (await Promise.all(Object.values(batches).map(voorstellen))).flat();
    expect(alle.filter((v) => v.afhandeling === 'open')).toEqual([]);
    const aanvaard = alle.filter((v) => v.afhandeling === 'aanvaard');
    expect(aanvaard.length).toBeGreaterThan(50);
    expect(aanvaard.every((v) => v.itemId && v.afgehandeldDoor === 'test-griffier')).toBe(true);
    const itemIds = new Set(aanvaard.map((v) => v.itemId));
    const register = (await t.http.get('/api/items?perPagina=200&weergave=kort').expect(200)).body;
    expect(register.totaal).toBe(itemIds.size);
    expect(new Set(register.items.map((i: { itemId: string }) => i.itemId))).toEqual(itemIds);
    for (const nummer of ['36200-VI-41', '36200-VI-42']) await t.http.get(`/api/items/nummer/${nummer}`).expect(200);
    const laatste = new Map<string, VoorstelApi>();
    for (const v of aanvaard) if (v.gegevens.status) laatste.set(v.itemId!, v); // batches were read oldest first
    const STATUS: Record<string, string> = { afgedaan: 'Afgedaan', 'deels-afgedaan': 'DeelsAfgedaan', 'in-behandeling': 'InBehandeling' };
    for (const [itemId, v] of laatste) expect({ itemId, status: register.items.find((i: { itemId: string }) => i.itemId === itemId)?.status }).toEqual({ itemId, status: STATUS[v.gegevens.status!] });

    // In the register's own pages: the motie from 003, afgedaan, and its timeline says where it came from.
    await page.goto('/register?zoek=36651-14');
    const rij = page.locator('tbody tr', { has: page.getByRole('link', { name: '36651-14' }) });
    await rij.waitFor();
    expect(await rij.innerText()).toContain('Afgedaan');
    await rij.getByRole('link', { name: '36651-14' }).click();
    await page.getByRole('heading', { level: 1, name: 'Motie 36651-14' }).waitFor();
    await page.getByText('uit import van 003_867673a10de57136.txt', { exact: false }).first().waitFor();
    expect(fouten(page)).toEqual([]);
    await context.close();
  });

  it('reading a document in again proposes nothing new', async () => {
    const { page, context } = await aangemeld(browser, base, t.tokens.griffier);
    const voor = t.eventCount();
    await page.goto('/importen');
    await leesIn(page, '003_867673a10de57136.txt', '2025-06-20');
    await page.getByRole('status').getByText('003_867673a10de57136.txt was al eerder ingelezen: er komt niets nieuws bij').waitFor();
    await page.getByRole('link', { name: 'Naar de eerdere import' }).waitFor();
    expect(t.eventCount()).toBe(voor);
    expect((await t.http.get('/api/importen').expect(200)).body.importen).toHaveLength(4);
    expect((await t.http.get('/api/voorstellen?status=open').expect(200)).body.voorstellen).toEqual([]);
    expect(fouten(page)).toEqual([]);
    await context.close();
  });

  it('an auditor reads the batches and their history, without upload or actions', async () => {
    const { page, context } = await aangemeld(browser, base, t.tokens.auditor);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Importen' }).click();
    await page.locator('.importen-tabel tbody tr').nth(3).waitFor();
    expect(await page.getByRole('button', { name: 'Inlezen' }).count()).toBe(0);
    await page.getByRole('link', { name: '002_bb53b5d01be0cbfb.txt' }).click();
    await page.getByRole('heading', { name: 'Geschiedenis van deze import' }).waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('a');
    expect(await page.getByRole('button', { name: 'Aanvaarden' }).count()).toBe(0);
    await bekijk(page, 'import-auditor');
    expect(fouten(page)).toEqual([]);
    await context.close();
  });
});
