import { parse } from 'csv-parse/sync';
import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { TestApp, motie, startTestApp, toezegging } from '../support/app';
import { SCREENSHOTS, SMAL, aangemeld, rustig, schermafdrukken, startBrowser, toegankelijkheid } from './browser';

/**
 * The rappel in headless Chromium against the real application: a griffier chooses the peildatum
 * and a bewindspersoon by keyboard, reads both lists with how often each termijn moved, downloads
 * the DOCX, HTML and CSV (read back here), records a minister's new prognosis on one row through
 * the item's termijn command, and sees the item move to the other list with one more move. A
 * liaison sees the lists without the form. Each view is checked with axe-core and photographed at
 * 1280 and 390 px.
 */
jest.setTimeout(300_000);

const MINISTER = 'minister van Justitie en Veiligheid';
const STAATSSECRETARIS = 'staatssecretaris van Justitie en Veiligheid';

describe('the rappel in the web app', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const id: Record<string, { itemId: string; nummer: string }> = {};

  const bekijk = async (page: Page, naam: string) => {
    await rustig(page);
    const { smalBreedte } = await schermafdrukken(page, naam);
    expect({ pagina: naam, schendingen: await toegankelijkheid(page), smalBreedte }).toEqual({ pagina: naam, schendingen: [], smalBreedte: SMAL.width });
  };
  const fouten = (page: Page) => (page as Page & { fouten: string[] }).fouten;
  const lijst = (page: Page, bewindspersoon: string, kop: RegExp) => page.locator('section', { has: page.getByRole('heading', { level: 2, name: bewindspersoon }) }).locator('table', { has: page.locator('caption', { hasText: kop }) });

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    let positie = '0';
    const registreer = async (naam: string, pad: string, body: Record<string, unknown>) => {
      const res = (await t.http.post(pad).send(body).expect(201)).body;
      id[naam] = { itemId: res.itemId, nummer: res.nummer };
      positie = res.positie;
    };
    await registreer('bodycams', '/api/toezeggingen', toezegging({ nummer: 'TZ202412-150', titel: 'Informeren over de inzet van bodycams bij de ME', termijn: { omschrijving: 'na de zomer', datum: '2025-10-01' } }));
    await registreer('wodc', '/api/toezeggingen', toezegging({ nummer: 'TZ202412-151', titel: 'De Kamer het WODC-onderzoek naar taakstraffen sturen', leden: [{ naam: 'Van Nispen', fractie: 'SP' }, { naam: 'Ellian', fractie: 'VVD' }], termijn: { omschrijving: 'voor de zomer', datum: '2025-06-30' } }));
    await registreer('relschoppers', '/api/moties', motie({ nummer: '29628-1230', termijn: { omschrijving: 'eind 2025', datum: '2025-12-31' } }));
    await registreer('capaciteit', '/api/moties', motie({ nummer: '29628-1265', titel: 'Motie van het lid Mutluer over de politiecapaciteit in de regio', indieners: [{ naam: 'Mutluer', fractie: 'GL-PvdA' }], termijn: { omschrijving: 'in het volgende halfjaarbericht', datum: '2026-01-01' } }));
    await registreer('zonder', '/api/toezeggingen', toezegging({ nummer: 'TZ202412-152', titel: 'Zo snel mogelijk een brief over de meldkamer', termijn: { omschrijving: 'zo snel mogelijk', datum: null } }));
    await registreer('later', '/api/toezeggingen', toezegging({ nummer: 'TZ202412-153', titel: 'Een evaluatie na twee jaar', termijn: { omschrijving: 'najaar 2026', datum: '2026-10-01' } }));
    await registreer('staatssecretaris', '/api/toezeggingen', toezegging({ nummer: 'TZ202412-160', titel: 'Informeren over de wachtlijsten in de jeugdbescherming', bewindspersoon: STAATSSECRETARIS, leden: [{ naam: 'Bikker', fractie: 'ChristenUnie' }], termijn: { omschrijving: 'voor de kerst', datum: '2025-12-20' } }));
    // The WODC study moved twice already.
    positie = (await t.http.post(`/api/items/${id.wodc.itemId}/termijn`).send({ datum: '2025-06-20', termijn: { omschrijving: 'eind 2025', datum: '2025-12-01' }, reden: 'Het onderzoek loopt uit' }).expect(200)).body.positie;
    positie = (await t.http.post(`/api/items/${id.wodc.itemId}/termijn`).send({ datum: '2025-11-20', termijn: { omschrijving: 'voorjaar 2026', datum: '2026-03-01' }, reden: 'Consultatie duurt langer' }).expect(200)).body.positie;
    await t.http.get(`/api/items?perPagina=1&minimalePositie=${positie}`).expect(200);
    browser = await startBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a griffier chooses the peildatum, reads both lists, downloads them and records a new prognosis by keyboard', async () => {
    const { page, context } = await aangemeld(browser, base, t.tokens.griffier);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rappel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rappel' }).waitFor();
    await rustig(page);
    // The default is the next 1 January or 1 July.
    expect(await page.getByRole('textbox', { name: 'Peildatum (niet verplicht)' }).inputValue()).toMatch(/^\d{4}-(01|07)-01$/);

    // By keyboard: a peildatum, then Tab to the bewindspersoon (left at all) and to the button.
    const peildatum = page.getByRole('textbox', { name: 'Peildatum (niet verplicht)' });
    await peildatum.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2026-01-01');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Toon de rappel');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/rappel\?peildatum=2026-01-01$/);
    await page.getByRole('heading', { level: 2, name: 'Peildatum 1 januari 2026' }).waitFor();
    await rustig(page);

    const verstreken = lijst(page, MINISTER, /^Termijn verstreken vóór 1 januari 2026/);
    const komend = lijst(page, MINISTER, /^Termijn verstrijkt vóór 1 juli 2026/);
    expect(await verstreken.locator('caption').innerText()).toBe('Termijn verstreken vóór 1 januari 2026 (2)');
    expect(await verstreken.locator('tbody tr').allInnerTexts()).toEqual([expect.stringContaining(id.bodycams.nummer), expect.stringContaining(id.relschoppers.nummer)]);
    expect(await komend.locator('tbody tr').allInnerTexts()).toEqual([expect.stringContaining(id.capaciteit.nummer), expect.stringContaining(id.wodc.nummer)]);
    const wodc = komend.locator('tbody tr', { hasText: id.wodc.nummer });
    expect(await wodc.innerText()).toContain('2×');
    expect(await wodc.innerText()).toContain('voor de zomer (30 juni 2025), verschoven op 20 juni 2025');
    expect(await wodc.innerText()).toContain('Van Nispen (SP), Ellian (VVD)');
    expect(await page.getByText('Daarnaast staat 1 open item van minister van Justitie en Veiligheid zonder termijndatum').count()).toBe(1);
    expect(await page.getByText(id.later.nummer).count()).toBe(0);
    expect(await lijst(page, STAATSSECRETARIS, /^Termijn verstreken/).locator('tbody tr').count()).toBe(1);
    await bekijk(page, 'rappel');

    // One bewindspersoon, chosen from the rappel's own names.
    const keuze = page.getByRole('combobox', { name: 'Bewindspersoon (niet verplicht)' });
    expect(await keuze.locator('option').allInnerTexts()).toEqual(['Alle bewindspersonen', `${MINISTER} (4)`, `${STAATSSECRETARIS} (1)`]);
    await keuze.selectOption(STAATSSECRETARIS);
    await page.getByRole('button', { name: 'Toon de rappel' }).click();
    await page.waitForURL(/bewindspersoon=staatssecretaris/);
    await rustig(page);
    expect(await page.getByRole('heading', { level: 2, name: MINISTER }).count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2, name: STAATSSECRETARIS }).count()).toBe(1);

    // The downloads are the API's files for this choice.
    const download = async (knop: string) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: knop }).click()]);
      return { naam: d.suggestedFilename(), inhoud: readFileSync((await d.path())!) };
    };
    const csv = await download('Download CSV');
    expect(csv.naam).toBe('rappel-2026-01-01-staatssecretaris-van-justitie-en-veiligheid.csv');
    const rijen: Record<string, string>[] = parse(csv.inhoud.toString('utf8'), { columns: true, bom: true });
    expect(rijen.map((r) => [r.nummer, r.lijst, r['nieuwe prognose']])).toEqual([[id.staatssecretaris.nummer, 'Verstreken vóór 2026-01-01', '']]);
    const docx = await download('Download Word (DOCX)');
    expect(docx.naam).toBe('rappel-2026-01-01-staatssecretaris-van-justitie-en-veiligheid.docx');
    expect((await mammoth.extractRawText({ buffer: docx.inhoud })).value).toContain('Informeren over de wachtlijsten in de jeugdbescherming');
    const html = await download('Download HTML');
    expect(html.naam).toBe('rappel-2026-01-01-staatssecretaris-van-justitie-en-veiligheid.html');
    expect(html.inhoud.toString('utf8')).toContain('<th scope="col">Nieuwe prognose</th>');
    // The whole rappel as the HTML file shows it, photographed for a person to look at.
    const voorbeeld = await context.newPage();
    await voorbeeld.setContent((await t.http.get('/api/rappel?peildatum=2026-01-01&formaat=html').expect(200)).text);
    await voorbeeld.screenshot({ path: join(SCREENSHOTS, 'rappel-html.png'), fullPage: true });
    await voorbeeld.close();

    // Back to all, and the minister's answer for the bodycams: a new prognosis, by keyboard.
    await page.goto('/rappel?peildatum=2026-01-01');
    await page.getByRole('heading', { level: 2, name: MINISTER }).waitFor();
    await rustig(page);
    const knop = page.getByRole('button', { name: `Vastleggen nieuwe prognose voor ${id.bodycams.nummer}` });
    expect(await knop.getAttribute('aria-expanded')).toBe('false');
    await knop.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 3, name: `Nieuwe prognose voor ${id.bodycams.nummer}` }).waitFor();
    expect(await knop.getAttribute('aria-expanded')).toBe('true');
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'termijn.omschrijving');
    // Without a date the form says so and nothing is recorded.
    const voor = t.eventCount();
    await page.keyboard.type('voor de zomer van 2026');
    await page.getByRole('button', { name: 'Nieuwe prognose vastleggen' }).click();
    await page.locator('.formulier__samenvatting').getByText('Datum van de nieuwe prognose: is verplicht').waitFor();
    expect(t.eventCount()).toBe(voor);
    await bekijk(page, 'rappel-prognose');
    await page.getByLabel('Datum van de nieuwe prognose').focus();
    await page.keyboard.type('2026-05-01');
    await page.getByLabel('Datum van het antwoord').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2026-01-15');
    await page.getByRole('button', { name: 'Nieuwe prognose vastleggen' }).focus();
    await page.keyboard.press('Enter');
    const melding = page.getByText(`De nieuwe prognose voor ${id.bodycams.nummer} is vastgelegd: voor de zomer van 2026 (1 mei 2026).`);
    await melding.waitFor();
    await rustig(page);
    await page.waitForFunction(() => document.activeElement?.classList.contains('rappel__melding'));

    // The item moved to the other list, once more moved; its history has the ordinary termijn change.
    expect(await verstreken.locator('tbody tr').allInnerTexts()).toEqual([expect.stringContaining(id.relschoppers.nummer)]);
    const bodycams = komend.locator('tbody tr', { hasText: id.bodycams.nummer });
    expect(await bodycams.innerText()).toContain('1×');
    expect(await bodycams.innerText()).toContain('na de zomer (1 oktober 2025), verschoven op 15 januari 2026');
    const item = (await t.http.get(`/api/items/${id.bodycams.itemId}`).expect(200)).body;
    expect(item.termijn).toEqual({ omschrijving: 'voor de zomer van 2026', datum: '2026-05-01' });
    const historie = (await t.http.get(`/api/items/${id.bodycams.itemId}/historie`).expect(200)).body.events as { event: string; samenvatting: string; door: string }[];
    expect(historie.at(-1)).toMatchObject({ event: 'ToezeggingTermijnGewijzigd', door: 'test-griffier', samenvatting: expect.stringContaining('Nieuwe prognose in antwoord op de rappel van 1 januari 2026') });
    await bekijk(page, 'rappel-vastgelegd');

    // Each row leads to its item.
    await page.getByRole('link', { name: id.relschoppers.nummer }).click();
    await page.getByRole('heading', { level: 1, name: `Motie ${id.relschoppers.nummer}` }).waitFor();
    expect(fouten(page)).toEqual([]);
    await context.close();
  });

  it('a liaison reads the rappel without the form, also at phone width', async () => {
    const { page, context } = await aangemeld(browser, base, t.tokens.liaison);
    await page.goto('/rappel?peildatum=2026-01-01');
    await page.getByRole('heading', { level: 2, name: MINISTER }).waitFor();
    await rustig(page);
    expect(await page.getByRole('columnheader', { name: 'Nieuwe prognose' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Vastleggen/ }).count()).toBe(0);
    await bekijk(page, 'rappel-liaison');
    // A peildatum that does not exist: the API's Dutch message at the field.
    await page.goto('/rappel?peildatum=2026-02-30');
    await page.locator('.formulier__samenvatting').getByText('Peildatum: moet een bestaande datum zijn in de vorm JJJJ-MM-DD').waitFor();
    expect(fouten(page)).toEqual([]);
    await context.close();
  });
});
