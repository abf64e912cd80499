import { Browser, Page } from 'playwright-core';
import { TestApp, motie, startTestApp, toezegging } from '../support/app';
import { SMAL, aangemeld, rustig, schermafdrukken, startBrowser, toegankelijkheid } from './browser';

/**
 * Owners in headless Chromium against the real application: a griffier registers a motie with a
 * behandelaar and assigns one to a toezegging on its page (a bad address refused in Dutch, nothing
 * recorded); a liaison whose user has that e-mail address finds both under "Mijn items"; the
 * dashboard shows binnenkort and the counts per directie. Each page is checked with axe-core and
 * photographed at 1280 and 390 px. The people are made up, their addresses at example.org.
 */
jest.setTimeout(300_000);

const FENNA = { naam: 'Fenna Fictief', email: 'fenna.fictief@example.org', directie: 'Directie Politie' };

describe('behandelaars in the web app', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let toezeggingId: string;

  const bekijk = async (page: Page, naam: string) => {
    await rustig(page);
    const { smalBreedte } = await schermafdrukken(page, naam);
    expect({ pagina: naam, schendingen: await toegankelijkheid(page), smalBreedte }).toEqual({ pagina: naam, schendingen: [], smalBreedte: SMAL.width });
  };
  const fouten = (page: Page) => (page as Page & { fouten: string[] }).fouten;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await startBrowser();
    toezeggingId = (await t.http.post('/api/toezeggingen').send(toezegging({ nummer: 'TZ202501-71', titel: 'Informeren over de inzet van bodycams' })).expect(201)).body.itemId;
    await t.http.post('/api/moties').send(motie({ nummer: '29628-7101', titel: 'Motie over een ander onderwerp', behandelaar: { naam: 'Bram Bedacht', email: 'bram.bedacht@example.org', directie: 'Directie Veiligheid' } })).expect(201);
    const { positie } = (await t.http.post('/api/moties').send(motie({ nummer: '29628-7102', titel: 'Motie zonder behandelaar' })).expect(201)).body;
    await t.http.get(`/api/items?perPagina=1&minimalePositie=${positie}`).expect(200);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a griffier registers a motie with a behandelaar and assigns one on an item’s page; a bad address is refused in Dutch', async () => {
    const { page, context } = await aangemeld(browser, base, t.tokens.griffier);

    // Registration with the optional behandelaar fields.
    await page.goto('/nieuw/motie');
    await page.getByLabel('Kamerstuknummer').fill('29628-7103');
    await page.getByLabel('Vergaderjaar').fill('2024/25');
    await page.getByLabel('Titel').fill('Motie van het lid Fictief over wijkagenten');
    await page.getByLabel('Dictum').fill('verzoekt de regering meer wijkagenten in te zetten');
    await page.getByLabel('Debat').fill('commissiedebat politie 19 juni 2025');
    await page.getByLabel('Indieners').fill('Boswijk, CDA');
    await page.getByLabel('Bewindspersoon').fill('minister van Justitie en Veiligheid');
    await page.getByLabel('Ministerie').fill('JenV');
    await page.getByLabel('Thema').fill('Politie');
    await page.getByLabel('Termijn (niet verplicht)').fill('voor de zomer');
    await page.getByLabel('Termijn verloopt op (niet verplicht)').fill('2025-07-01');
    await page.getByLabel('Behandelaar (niet verplicht)', { exact: true }).fill(FENNA.naam);
    await page.getByLabel('E-mailadres behandelaar (niet verplicht)').fill('fenna.fictief@');
    await page.getByLabel('Directie behandelaar (niet verplicht)').fill(FENNA.directie);
    // Checked while typing, and by the API when sent anyway: nothing is recorded.
    await page.getByText('moet een e-mailadres zijn, zoals j.devries@example.org').waitFor();
    const voor = t.eventCount();
    await page.getByRole('button', { name: 'Motie registreren' }).click();
    await page.locator('.formulier__samenvatting').getByText('E-mailadres behandelaar: moet een geldig e-mailadres zijn, zoals j.devries@example.org').waitFor();
    expect(t.eventCount()).toBe(voor);
    await bekijk(page, 'behandelaar-nieuw-fout');
    await page.getByLabel('E-mailadres behandelaar (niet verplicht)').fill(FENNA.email);
    await page.getByRole('button', { name: 'Motie registreren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Motie 29628-7103' }).waitFor();
    await page.getByText('Fenna Fictief, Directie Politie · fenna.fictief@example.org').waitFor();

    // Assigning one later, on the toezegging's page, with a reason.
    await page.goto(`/items/${toezeggingId}`);
    await page.getByText('Nog niet toegewezen').waitFor();
    await page.getByRole('button', { name: 'Behandelaar toewijzen' }).click();
    const formulier = page.locator('#actie-behandelaar');
    await formulier.getByLabel('Naam behandelaar').fill(FENNA.naam);
    await formulier.getByLabel('E-mailadres').fill('fenna fictief@example.org');
    await formulier.getByLabel('Directie', { exact: true }).fill(FENNA.directie);
    await formulier.getByLabel('Afdeling (niet verplicht)').fill('Afdeling Politiebestel');
    await formulier.getByLabel('Reden').fill('Zij schrijft de brief over bodycams');
    const voorToewijzen = t.eventCount();
    await page.getByRole('button', { name: 'Behandelaar toewijzen: vastleggen' }).click();
    await formulier.locator('.formulier__samenvatting').getByText('E-mailadres: moet een geldig e-mailadres zijn, zoals j.devries@example.org').waitFor();
    expect(t.eventCount()).toBe(voorToewijzen);
    await bekijk(page, 'behandelaar-toewijzen-fout');
    await formulier.getByLabel('E-mailadres').fill(FENNA.email);
    await page.getByRole('button', { name: 'Behandelaar toewijzen: vastleggen' }).click();
    await page.getByRole('status').getByText('De behandelaar is vastgelegd.').waitFor();
    await page.getByText('Fenna Fictief, Directie Politie (Afdeling Politiebestel) · fenna.fictief@example.org').waitFor();
    await page.locator('.tijdlijn').getByText('Behandelaar toegewezen: Fenna Fictief <fenna.fictief@example.org>, Directie Politie / Afdeling Politiebestel: Zij schrijft de brief over bodycams').waitFor();
    await bekijk(page, 'behandelaar-item');
    expect(fouten(page)).toEqual([]);
    await context.close();
  });

  it('a user with that e-mail address finds the items under "Mijn items"; the dashboard counts per directie', async () => {
    const beheerder = t.as('beheerder');
    const { token } = (await beheerder.post('/api/beheer/gebruikers').send({ naam: 'fenna.fictief', rol: 'liaison', email: 'Fenna.Fictief@example.org' }).expect(201)).body;
    const { page, context } = await aangemeld(browser, base, token);

    await page.goto('/register');
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('tbody tr').count()).toBe(4);
    await page.getByRole('link', { name: 'Mijn items' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn items' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 2);
    expect(new URL(page.url()).searchParams.get('behandelaar')).toBe('Fenna.Fictief@example.org');
    expect(await page.locator('tbody tr td:first-child a').allInnerTexts()).toEqual(['29628-7103', 'TZ202501-71']);
    // The behandelaar column, chosen by the user.
    await page.getByText('Kolommen', { exact: true }).click();
    await page.getByLabel('Behandelaar', { exact: true }).check();
    await page.locator('tbody tr').first().getByText('Fenna Fictief').waitFor();
    await page.getByText('Kolommen', { exact: true }).click();
    await bekijk(page, 'behandelaar-mijn-items');
    await page.getByRole('link', { name: 'Alle items' }).click();
    await page.getByRole('heading', { level: 1, name: 'Register' }).waitFor();

    // The directie filter in the panel, equal up to case.
    await page.getByRole('complementary', { name: 'Filters' }).getByLabel('Directie').fill('directie veiligheid');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    expect(await page.locator('tbody tr td:first-child a').allInnerTexts()).toEqual(['29628-7101']);

    await page.goto('/dashboard');
    const directies = page.getByRole('region', { name: 'Per directie' });
    await directies.getByRole('rowheader', { name: 'Directie Politie' }).waitFor();
    await page.getByText(/binnenkort, termijn uiterlijk/).waitFor();
    await directies.getByText('1 open item heeft nog geen behandelaar.', { exact: false }).waitFor();
    await bekijk(page, 'behandelaar-dashboard');

    // A user without an address has no "Mijn items".
    const zonder = await aangemeld(browser, base, t.tokens.liaison);
    await zonder.page.goto('/register');
    await zonder.page.locator('tbody tr').first().waitFor();
    await rustig(zonder.page);
    expect(await zonder.page.getByRole('link', { name: 'Mijn items' }).count()).toBe(0);
    await zonder.context.close();
    expect(fouten(page)).toEqual([]);
    await context.close();
  });
});
