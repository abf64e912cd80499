import { Browser, BrowserContext, Page } from 'playwright-core';
import { TestApp, motie, startTestApp, toezegging } from '../support/app';
import { BREED, SMAL, schermafdrukken, startBrowser, toegankelijkheid } from './browser';

jest.setTimeout(300_000);

/**
 * The public site (issue 20) in headless Chromium, as a member of the public sees it: no sign-in and
 * JavaScript switched off. The register filtered by its form, an item, the report it was afgedaan
 * in, the changes and the Atom feed; each page checked with axe-core (WCAG 2.1 AA) with JavaScript on
 * and photographed at 1280 and 390 px.
 */
describe('the public site in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let zonderJs: BrowserContext;
  let metJs: BrowserContext;
  let berichtId: string;

  /** axe needs JavaScript; the same address opened in a second tab that has it. */
  const bekijk = async (page: Page, naam: string) => {
    const axePagina = await metJs.newPage();
    await axePagina.goto(new URL(page.url()).pathname + new URL(page.url()).search);
    const { smalBreedte } = await schermafdrukken(axePagina, naam);
    expect({ pagina: naam, schendingen: await toegankelijkheid(axePagina), smalBreedte }).toEqual({ pagina: naam, schendingen: [], smalBreedte: SMAL.width });
    await axePagina.close();
  };

  beforeAll(async () => {
    t = await startTestApp({ OPENBAAR: 'aan', TK_MINISTERIE: 'Justitie en Veiligheid' });
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    let positie = '0';
    const stuur = async (pad: string, body: Record<string, unknown>, status = 200) => {
      const res = await t.http.post(pad).send(body).expect(status);
      positie = res.body.positie;
      return res.body;
    };
    const behandelaar = { naam: 'Fenna Fictief', email: 'fenna.fictief@example.org', directie: 'Directie Politie' };
    const bodycams = await stuur('/api/moties', motie({ nummer: '29628-1230', titel: 'Motie van het lid Boswijk over het verhalen van schade door vernielingen op relschoppers', termijn: { omschrijving: 'voor de zomer van 2025', datum: '2025-07-01' }, behandelaar }), 201);
    await stuur(`/api/items/${bodycams.itemId}/voortgang`, { datum: '2025-06-05', tekst: 'Het WODC onderzoekt de juridische belemmeringen voor schadeverhaal; het rapport volgt na de zomer.' });
    const me = await stuur('/api/toezeggingen', toezegging({ nummer: 'TZ202412-156', behandelaar }), 201);
    await stuur('/api/toezeggingen', toezegging({ nummer: 'TZ202412-160', titel: 'De Kamer informeren over de capaciteit van de recherche', leden: [{ naam: 'Van Nispen', fractie: 'SP' }], termijn: { omschrijving: 'eind 2025', datum: '2025-12-31' } }), 201);
    await stuur('/api/moties', motie({ nummer: '36600-VI-41', vergaderjaar: '2024/25', titel: 'Motie van het lid Mutluer over de politiecapaciteit in de regio', indieners: [{ naam: 'Mutluer', fractie: 'GroenLinks-PvdA' }], termijn: { omschrijving: 'in het volgende halfjaarbericht', datum: '2025-12-31' } }), 201);
    const bericht = await stuur('/api/halfjaarberichten', { jaar: 2025, helft: 1, titel: 'Eerste halfjaarbericht politie 2025', peildatum: '2025-06-01', secties: ['Politiepersoneel en middelen'] }, 201);
    berichtId = bericht.berichtId;
    await stuur(`/api/halfjaarberichten/${berichtId}/items`, { itemId: me.itemId, sectie: 'Politiepersoneel en middelen', tekst: 'Op 1 juni 2025 hadden 2.412 agenten het taakaccent ME; de verdeling per eenheid staat in bijlage 3.', status: 'afgedaan' });
    await stuur(`/api/halfjaarberichten/${berichtId}/items`, { itemId: bodycams.itemId, sectie: 'Politiepersoneel en middelen', tekst: 'Het WODC onderzoekt de juridische belemmeringen; de Kamer hoort in het volgende halfjaarbericht meer.', status: 'in-behandeling' });
    await stuur(`/api/halfjaarberichten/${berichtId}/verzending`, { datum: '2025-06-20', kenmerk: '6301234' });
    await t.http.get(`/api/items?perPagina=1&minimalePositie=${positie}`).expect(200);
    for (let i = 0; i < 100 && (await t.http.get(`/api/items/${me.itemId}`)).body.status !== 'Afgedaan'; i++) await new Promise((r) => setTimeout(r, 100));
    browser = await startBrowser();
    zonderJs = await browser.newContext({ baseURL: base, viewport: BREED, javaScriptEnabled: false, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    metJs = await browser.newContext({ baseURL: base, viewport: BREED, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('walks the register, an item, its report, the changes and the feed without signing in and without JavaScript', async () => {
    const page = await zonderJs.newPage();
    await page.goto('/openbaar/');
    await page.getByRole('heading', { level: 1, name: 'Moties en toezeggingen' }).waitFor();
    // The first Tab reaches the skip link, which leads to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Direct naar de inhoud');
    await expectCount(page.getByRole('table').getByRole('row')).toHaveCount(1 + 4);
    await bekijk(page, 'openbaar-register');

    // Filter with the form: a GET request, so the choice is in the address.
    await page.getByLabel('Status').selectOption('Afgedaan');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/status=Afgedaan/);
    await expectCount(page.getByRole('table').getByRole('row')).toHaveCount(1 + 1);
    await page.getByRole('link', { name: 'Informeren over het aantal agenten met taakaccent ME' }).click();

    await page.waitForURL(/\/openbaar\/items\/TZ202412-156$/);
    await page.getByRole('heading', { level: 1, name: 'Informeren over het aantal agenten met taakaccent ME' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Hoe is het afgedaan?' }).waitFor();
    await page.getByText('Op 1 juni 2025 hadden 2.412 agenten het taakaccent ME').first().waitFor();
    expect(await page.content()).not.toContain('fenna');
    await bekijk(page, 'openbaar-item');

    await page.getByRole('table', { name: /halfjaarberichten/ }).getByRole('link', { name: 'Eerste halfjaarbericht politie 2025' }).click();
    await page.waitForURL(new RegExp(`/openbaar/halfjaarberichten/${berichtId}$`));
    await page.getByRole('heading', { level: 1, name: 'Eerste halfjaarbericht politie 2025' }).waitFor();
    await page.getByText('1 afgedaan, 0 deels afgedaan, 1 in behandeling').waitFor();
    await bekijk(page, 'openbaar-halfjaarbericht');

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Wijzigingen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Eerste halfjaarbericht politie 2025 verzonden' }).waitFor();
    await bekijk(page, 'openbaar-wijzigingen');

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Open data' }).click();
    await page.getByRole('heading', { level: 2, name: 'Wat nooit wordt gepubliceerd' }).waitFor();
    await bekijk(page, 'openbaar-open-data');

    // The feed the page links to, as a feed reader fetches it.
    const feedAdres = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
    const feed = await page.request.get(feedAdres!);
    expect(feed.headers()['content-type']).toContain('application/atom+xml');
    const xml = await feed.text();
    expect(xml).toContain('<title>TZ202412-156: Afgedaan</title>');
    expect(xml).toContain('<title>Eerste halfjaarbericht politie 2025 verzonden</title>');
  });
});

/** Playwright's web-first assertion without its test runner: waits until the count is reached. */
function expectCount(locator: ReturnType<Page['getByRole']>) {
  return {
    async toHaveCount(n: number): Promise<void> {
      for (let i = 0; i < 50; i++) {
        if ((await locator.count()) === n) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await locator.count()).toBe(n);
    },
  };
}
