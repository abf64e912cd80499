import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { TestApp, startTestApp, toezegging } from '../support/app';
import { SMAL, aangemeld, rustig, schermafdrukken, startBrowser, toegankelijkheid } from './browser';

/**
 * The web app in headless Chromium against the real application on its embedded default: a clerk,
 * the liaison, an auditor and a beheerder doing their work through the pages. Each page visited is
 * checked with axe-core (no serious or critical WCAG 2.1 A/AA violations) and photographed at
 * desktop and phone width into test/artifacts/screenshots.
 */
jest.setTimeout(180_000);

const MINISTER = 'minister van Justitie en Veiligheid';
const STAATSSECRETARIS = 'staatssecretaris van Justitie en Veiligheid';

describe('web app', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  const bekijk = async (page: Page, naam: string) => {
    const { smalBreedte } = await schermafdrukken(page, naam);
    expect({ pagina: naam, schendingen: await toegankelijkheid(page), smalBreedte }).toEqual({ pagina: naam, schendingen: [], smalBreedte: SMAL.width });
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await startBrowser();
    // The liaison's data: overdue toezeggingen of two bewindspersonen, and one that is not yet due.
    const termijn = (datum: string) => ({ omschrijving: 'voor de zomer', datum });
    let positie = '0';
    for (const [nummer, bewindspersoon, datum] of [
      ['TZ202501-1', MINISTER, '2025-03-01'],
      ['TZ202501-2', MINISTER, '2025-04-01'],
      ['TZ202501-3', STAATSSECRETARIS, '2025-02-01'],
      ['TZ202501-4', STAATSSECRETARIS, '2025-05-01'],
      ['TZ202501-5', MINISTER, '2099-01-01'],
    ] as const) {
      const res = await t.http.post('/api/toezeggingen').send(toezegging({ nummer, bewindspersoon, titel: `Toezegging ${nummer} over de politie`, datum: '2025-01-15', termijn: termijn(datum) })).expect(201);
      positie = res.body.positie;
    }
    await t.http.get(`/api/items?minimalePositie=${positie}`).expect(200);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  let motieUrl = '';
  let toezeggingUrl = '';

  it('a clerk registers a motie (by keyboard alone) and a toezegging, reports progress, afdoet the motie and sees it in the register', async () => {
    const { page, context } = await aangemeld(browser, base, t.tokens.griffier);
    await bekijk(page, 'register');

    await page.getByRole('link', { name: 'Nieuwe motie' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe motie registreren' }).waitFor();
    await bekijk(page, 'nieuwe-motie');

    // Keyboard only: type, Tab to the next field, Enter to send. The number is checked while typing.
    await page.getByLabel('Kamerstuknummer').focus();
    await page.keyboard.type('29628-12a');
    await page.getByText('moet een Kamerstuknummer zijn').waitFor();
    await page.keyboard.press('Backspace');
    await page.keyboard.type('50');
    expect(await page.getByText('moet een Kamerstuknummer zijn').count()).toBe(0);
    for (const [waarde] of [
      ['2024/25'],
      ['Motie van het lid Boswijk over bodycams voor handhavers'],
      ['verzoekt de regering handhavers uit te rusten met bodycams'],
      ['2025-05-28'],
      ['tweeminutendebat Politie 28 mei 2025'],
      ['Boswijk, CDA\nSix Dijkstra, NSC'],
      [MINISTER],
      ['JenV'],
      ['Politie'],
    ]) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(waarde);
    }
    await page.keyboard.press('Tab'); // termijn
    await page.keyboard.press('Tab'); // termijn datum
    await page.keyboard.press('Tab'); // the button
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Motie 29628-1250' }).waitFor();
    motieUrl = new URL(page.url()).pathname;
    expect(await page.getByText('Boswijk (CDA), Six Dijkstra (NSC)').count()).toBe(1);

    await page.getByRole('link', { name: 'Nieuwe toezegging' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe toezegging registreren' }).waitFor();
    await page.getByLabel('Toezeggingnummer').fill('TZ202506-77');
    await page.getByLabel('Vergaderjaar').fill('2024/25');
    await page.getByLabel('Titel').fill('Informeren over de inzet van bodycams');
    await page.getByLabel('Toezegging', { exact: true }).fill('De minister zegt toe de Kamer te informeren over de inzet van bodycams.');
    await page.getByLabel('Datum van de toezegging').fill('2025-06-12');
    await page.getByLabel('Debat').fill('commissiedebat politie 12 juni 2025');
    await page.getByLabel('Gedaan aan').fill('Michon-Derkzen, VVD');
    await page.getByLabel('Bewindspersoon').fill(MINISTER);
    await page.getByLabel('Ministerie').fill('JenV');
    await page.getByLabel('Thema').fill('Politie');
    await page.getByLabel('Termijn (niet verplicht)', { exact: true }).fill('voor het eind van het jaar');
    await page.getByLabel('Termijn verloopt op').fill('2025-12-31');
    await bekijk(page, 'nieuwe-toezegging');
    await page.getByRole('button', { name: 'Toezegging registreren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Toezegging TZ202506-77' }).waitFor();
    toezeggingUrl = new URL(page.url()).pathname;

    await page.getByRole('button', { name: 'Voortgang rapporteren', exact: true }).click();
    await page.getByLabel('Voortgang', { exact: true }).fill('Een eerste pilot loopt in drie eenheden.');
    await page.getByRole('button', { name: 'Voortgang rapporteren: vastleggen' }).click();
    await page.getByText('De voortgang is vastgelegd').waitFor();
    await page.getByText('Voortgang: Een eerste pilot loopt in drie eenheden.').waitFor();
    // The message says what happened, in the clerk's words: no stream revision.
    expect(await page.getByRole('status').filter({ hasText: 'De voortgang is vastgelegd' }).innerText()).toBe('De voortgang is vastgelegd.');
    await bekijk(page, 'item');

    // Afdoen: the API's field error appears next to the field and the input stays.
    await page.goto(motieUrl);
    await page.getByRole('button', { name: 'Afdoen', exact: true }).click();
    await page.getByLabel('Vindplaats').fill('Kamerstukken II 2024/25, 29628, nr. 1270');
    await page.getByRole('button', { name: 'Afdoen: vastleggen' }).click();
    await page.locator('#actie-afdoening-toelichting').getByText('is verplicht en mag niet leeg zijn').waitFor();
    expect(await page.getByLabel('Vindplaats').inputValue()).toBe('Kamerstukken II 2024/25, 29628, nr. 1270');
    await bekijk(page, 'item-veldfout');
    await page.getByLabel('Toelichting').fill('Met de brief van 1 oktober is de motie uitgevoerd.');
    await page.getByRole('button', { name: 'Afdoen: vastleggen' }).click();
    await page.getByText('Het item is afgedaan').waitFor();

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Register' }).click();
    await page.goto('/register?soort=motie&status=Afgedaan');
    const rij = page.locator('tbody tr', { has: page.getByRole('link', { name: '29628-1250' }) });
    await rij.waitFor();
    expect(await rij.locator('td').nth(5).innerText()).toContain('Afgedaan');
    expect((page as Page & { fouten: string[] }).fouten).toEqual([]);
    await context.close();
  });

  it('shows a clear message when someone else changed the item meanwhile (409), keeps the input and offers to reload', async () => {
    const { page, context } = await aangemeld(browser, base, t.tokens.griffier);
    await page.goto(toezeggingUrl);
    // By keyboard: open the action, skip the date (today), type, and send.
    await page.getByRole('button', { name: 'Voortgang rapporteren', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Datum', { exact: true }).waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('datum');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Mijn tekst, die niet verloren mag gaan.');
    // Meanwhile a colleague reports progress on the same item.
    const itemId = toezeggingUrl.split('/').pop();
    await t.http.post(`/api/items/${itemId}/voortgang`).send({ datum: '2025-07-01', tekst: 'Collega was eerder.' }).expect(200);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Iemand anders heeft dit intussen gewijzigd').waitFor();
    expect(await page.getByLabel('Voortgang', { exact: true }).inputValue()).toBe('Mijn tekst, die niet verloren mag gaan.');
    await bekijk(page, 'item-conflict');

    await page.getByRole('button', { name: 'Nieuwste stand laden' }).click();
    await page.getByText('Voortgang: Collega was eerder.').waitFor();
    await page.getByRole('button', { name: 'Voortgang rapporteren: vastleggen' }).click();
    await page.getByText('De voortgang is vastgelegd').waitFor();
    const item = (await t.http.get(`/api/items/${itemId}`).expect(200)).body;
    expect(item.voortgang.map((v: { tekst: string }) => v.tekst)).toEqual(['Een eerste pilot loopt in drie eenheden.', 'Collega was eerder.', 'Mijn tekst, die niet verloren mag gaan.']);
    await context.close();
  });

  it('a number already in use is a field error: its own heading, a link to the item that holds it, and the field marked', async () => {
    const { page, context } = await aangemeld(browser, base, t.tokens.griffier);
    await page.goto('/nieuw/toezegging');
    await page.getByLabel('Toezeggingnummer').fill('TZ202501-3');
    await page.getByLabel('Titel').fill('Een andere toezegging met hetzelfde nummer');
    await page.getByLabel('Toezegging', { exact: true }).fill('De minister zegt iets anders toe.');
    await page.getByLabel('Debat').fill('commissiedebat politie 12 juni 2025');
    await page.getByLabel('Bewindspersoon').fill(MINISTER);
    await page.getByLabel('Ministerie').fill('JenV');
    await page.getByLabel('Thema').fill('Politie');
    await page.getByRole('button', { name: 'Toezegging registreren' }).click();
    await page.getByRole('heading', { name: 'Dit nummer is al in gebruik' }).waitFor();
    expect(await page.getByText('Iemand anders heeft dit intussen gewijzigd').count()).toBe(0);
    const houder = (await t.http.get('/api/items/nummer/TZ202501-3').expect(200)).body;
    const link = page.getByRole('link', { name: 'Bekijk de toezegging met nummer TZ202501-3' });
    expect(await link.getAttribute('href')).toBe(`/items/${houder.itemId}`);
    // No raw UUID in what the clerk reads.
    expect(await page.locator('.formulier__samenvatting').innerText()).not.toContain(houder.itemId);
    const veld = page.getByLabel('Toezeggingnummer');
    expect(await veld.getAttribute('aria-invalid')).toBe('true');
    const beschrijving = await veld.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    expect(beschrijving).toContain('is al in gebruik door de toezegging "Toezegging TZ202501-3 over de politie"');
    expect(await veld.inputValue()).toBe('TZ202501-3');
    await bekijk(page, 'nummer-in-gebruik');
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Toezegging TZ202501-3' }).waitFor();
    await context.close();
  });

  it('the liaison filters the overdue items of one bewindspersoon from the dashboard and exports exactly the filtered rows as CSV', async () => {
    const { page, context } = await aangemeld(browser, base, t.tokens.liaison);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await bekijk(page, 'dashboard');
    expect(await page.getByRole('link', { name: 'Nieuwe motie' }).count()).toBe(0);
    // The peildatum in words, as every date on the page; the month labels never overlap, on a desktop or a phone.
    expect(await page.locator('.kerncijfer--achterstallig').innerText()).toMatch(/achterstallig op \d{1,2} [a-z]+ \d{4}$/);
    for (const breedte of [1280, 390]) {
      await page.setViewportSize({ width: breedte, height: 844 });
      // Drawn at the width it gets: its own units are pixels on the screen.
      await page.waitForFunction(() => {
        const svg = document.querySelector<SVGSVGElement>('.grafiek__svg')!;
        return Math.abs(svg.viewBox.baseVal.width - svg.getBoundingClientRect().width) < 1;
      });
      const labels = await page.locator('.grafiek__svg text').filter({ hasText: /^[a-z]{3} \d{4}$/ }).evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ links: r.left, rechts: r.right, hoogte: r.height })));
      const svg = await page.locator('.grafiek__svg').evaluate((e) => e.getBoundingClientRect());
      expect(labels.length).toBeGreaterThanOrEqual(3);
      const opVolgorde = [...labels].sort((a, b) => a.links - b.links);
      for (let i = 1; i < opVolgorde.length; i++) expect({ breedte, label: i, vrij: opVolgorde[i].links - opVolgorde[i - 1].rechts > 0 }).toEqual({ breedte, label: i, vrij: true });
      expect({ breedte, binnen: opVolgorde[0].links >= svg.left && opVolgorde[opVolgorde.length - 1].rechts <= svg.right + 0.5 }).toEqual({ breedte, binnen: true });
      // Legible on a phone: the text is not scaled down with the picture.
      expect(labels[0].hoogte).toBeGreaterThanOrEqual(12);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('link', { name: `2 achterstallige items, ${STAATSSECRETARIS}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Register' }).waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('bewindspersoon')).toBe(STAATSSECRETARIS);
    expect(url.searchParams.get('achterstalligOp')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.locator('tbody tr').first().waitFor();
    const tabel = await page.locator('tbody tr').evaluateAll((rijen) => rijen.map((r) => [...r.querySelectorAll('td')].map((c) => (c as HTMLElement).innerText.trim())));
    expect(tabel.map((r) => r[0].split('\n')[0])).toEqual(['TZ202501-3', 'TZ202501-4']);
    expect(tabel.every((r) => r[5].includes('Achterstallig'))).toBe(true);
    await bekijk(page, 'register-achterstallig');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV', exact: true }).click()]);
    const rijen: Record<string, string>[] = parse(readFileSync((await download.path())!, 'utf8'), { columns: true, bom: true });
    expect(rijen.map((r) => [r.Nummer, r.Titel, r.Bewindspersoon, r.Achterstallig])).toEqual(tabel.map((r) => [r[0].split('\n')[0], r[1], r[3], 'ja']));

    // The same view from a bookmark, and no actions on an item for this role.
    await page.goto(url.pathname + url.search);
    await page.locator('tbody tr').nth(1).waitFor();
    await page.getByRole('link', { name: 'TZ202501-3' }).click();
    await page.getByRole('heading', { level: 1, name: 'Toezegging TZ202501-3' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Acties' }).count()).toBe(0);
    await context.close();
  });

  it('a report is drafted, filled from search and suggestions, previewed, sent after confirmation and downloaded as DOCX', async () => {
    const { page, context } = await aangemeld(browser, base, t.tokens.griffier);
    await page.getByRole('link', { name: 'Halfjaarberichten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Halfjaarberichten' }).waitFor();
    await page.getByRole('textbox', { name: 'Titel' }).fill('Tweede halfjaarbericht politie 2025');
    await page.getByRole('spinbutton', { name: 'Jaar' }).fill('2025');
    await page.getByLabel('Helft').selectOption('2');
    await page.getByLabel('Stand per').fill('2025-12-01');
    await page.getByLabel('Secties').fill('Politie\nDemonstraties');
    await bekijk(page, 'halfjaarberichten');
    await page.getByRole('button', { name: 'Concept aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tweede halfjaarbericht politie 2025' }).waitFor();

    // The report's parts are tabs: the summary first; the preview is only fetched once its tab is opened.
    const tabs = page.getByRole('tablist', { name: 'Onderdelen van dit halfjaarbericht' });
    expect(await tabs.getByRole('tab').allInnerTexts()).toEqual(['Overzicht', 'Items (0)', 'Bijlage-voorbeeld', 'Verzenden']);
    expect(await tabs.getByRole('tab', { selected: true }).innerText()).toBe('Overzicht');
    expect(await page.locator('iframe.voorbeeld').count()).toBe(0);
    await bekijk(page, 'halfjaarbericht-overzicht');
    // By keyboard (the WAI-ARIA tabs pattern): the arrow key moves to the next tab and shows it.
    await tabs.getByRole('tab', { name: 'Overzicht' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator(':focus').innerText()).toBe('Items (0)');
    await page.getByRole('tabpanel', { name: 'Items (0)' }).waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('items');
    expect(await page.getByRole('heading', { name: 'Samenvatting' }).isVisible()).toBe(false);

    await page.getByLabel('Zoek in het register').fill('bodycams');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('button', { name: 'Neem TZ202506-77 op' }).click();
    await page.getByLabel('Status in het bericht').selectOption('afgedaan');
    await page.getByRole('textbox', { name: 'Stand van zaken' }).fill('De Kamer is met de brief van 1 december over de bodycams geïnformeerd.');
    await page.getByRole('button', { name: 'Opnemen in het bericht' }).click();
    await page.getByText('TZ202506-77 is opgenomen.').waitFor();

    await page.getByText(/Suggesties: \d+ open items/).click();
    await page.getByRole('button', { name: 'Neem TZ202501-3 op' }).click();
    await page.getByRole('textbox', { name: 'Stand van zaken' }).fill('Het onderzoek loopt nog; de Kamer hoort in het voorjaar meer.');
    await page.getByRole('button', { name: 'Opnemen in het bericht' }).click();
    await page.getByText('TZ202501-3 is opgenomen.').waitFor();

    // An entry is changed with the same form, filled with what the report says now.
    await rustig(page);
    await page.getByRole('button', { name: 'Bewerk TZ202501-3' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('textbox', { name: 'Stand van zaken' }).inputValue()).toBe('Het onderzoek loopt nog; de Kamer hoort in het voorjaar meer.');
    await page.getByRole('textbox', { name: 'Stand van zaken' }).fill('Het onderzoek loopt nog; de Kamer hoort in april meer.');
    await page.getByRole('button', { name: 'Opnemen in het bericht' }).click();
    await page.getByRole('cell', { name: 'Het onderzoek loopt nog; de Kamer hoort in april meer.' }).waitFor();

    await bekijk(page, 'halfjaarbericht-concept');

    await tabs.getByRole('tab', { name: 'Bijlage-voorbeeld' }).click();
    const voorbeeld = page.frameLocator('iframe.voorbeeld');
    // Attached, not visible: Chromium does not paint an out-of-process frame that is scrolled out of view.
    await voorbeeld.locator('body', { hasText: 'Informeren over de inzet van bodycams' }).waitFor({ state: 'attached' });
    await bekijk(page, 'halfjaarbericht-voorbeeld');

    // Buttons near the preview are pressed by keyboard: the preview is a sandboxed (so cross-origin,
    // out-of-process) iframe, and a synthetic mouse click right after the page re-rendered was at
    // times routed into it by Chromium's stale hit-test data (focus ended in the iframe).
    await tabs.getByRole('tab', { name: 'Bijlage-voorbeeld' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByLabel('Verzonden op').fill('2025-12-15');
    await page.getByLabel('Kenmerk').fill('BR-2025-2');
    await rustig(page);
    await page.getByRole('button', { name: 'Verzenden…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Na verzending kan dit bericht niet meer worden gewijzigd').waitFor();
    await bekijk(page, 'halfjaarbericht-bevestigen');
    await page.getByRole('button', { name: 'Ja, definitief verzenden' }).click();
    await page.getByText('Het bericht is verzonden.').waitFor();
    expect(await page.getByRole('heading', { name: 'Motie of toezegging opnemen' }).count()).toBe(0);
    expect(await tabs.getByRole('tab').allInnerTexts()).toEqual(['Overzicht', 'Items (2)', 'Bijlage', 'Verzending']);

    await tabs.getByRole('tab', { name: 'Bijlage' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Word (DOCX)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const document = await zip.file('word/document.xml')!.async('string');
    expect(document).toContain('Informeren over de inzet van bodycams');
    expect(document).toContain('TZ202501-3');
    await bekijk(page, 'halfjaarbericht-verzonden');

    // The report afdoet what it declares afgedaan; the item's timeline says so in words, not as `halfjaarbericht:<titel>`.
    // The reactor works after the answer: look again until its event is there.
    for (let poging = 0; poging < 20; poging++) {
      await page.goto(toezeggingUrl);
      await page.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
      if (await page.getByText('door het halfjaarbericht Tweede halfjaarbericht politie 2025').count()) break;
      await page.waitForTimeout(250);
    }
    await page.getByText('door het halfjaarbericht Tweede halfjaarbericht politie 2025').waitFor({ timeout: 1000 });
    expect(await page.locator('.tijdlijn').innerText()).not.toContain('door halfjaarbericht:');
    await context.close();
  });

  it('an auditor sees the register as it was, any item’s history and the verification of the log', async () => {
    const { page, context } = await aangemeld(browser, base, t.tokens.auditor);
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit' }).waitFor();
    await page.getByRole('button', { name: 'Controleer het log nu' }).click();
    await page.getByText('Intact.').waitFor();

    await page.getByLabel('Datum', { exact: true }).fill('2025-02-01');
    await page.getByRole('button', { name: 'Toon het register' }).click();
    await page.getByText(/^\d+ items op 1 februari 2025/).waitFor();
    // On 1 February 2025 only the five toezeggingen of 15 January existed; the motie and TZ202506-77 came later.
    expect(await page.locator('#inhoud tbody tr').count()).toBe(5);
    await bekijk(page, 'audit');

    await page.getByLabel('Nummer').fill('29628-1250');
    await page.getByRole('button', { name: 'Toon historie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Motie 29628-1250' }).waitFor();
    await page.getByRole('heading', { name: 'Tijdlijn' }).waitFor();
    const tijdlijn = await page.locator('.tijdlijn li').allInnerTexts();
    expect(tijdlijn[0]).toContain('Geregistreerd als 29628-1250');
    expect(tijdlijn[1]).toContain('Afgedaan');
    expect(tijdlijn[1]).toContain('door test-griffier');
    expect(await page.getByRole('heading', { name: 'Acties' }).count()).toBe(0);
    await bekijk(page, 'item-auditor');
    await context.close();
  });

  it('a beheerder adds a user, whose token then signs in with only that role’s pages', async () => {
    const { page, context } = await aangemeld(browser, base, t.tokens.beheerder);
    await page.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor();
    await page.getByLabel('Naam').fill('liaison@minjenv.nl');
    await page.getByLabel('Rol').selectOption('liaison');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    const token = (await page.locator('code.token').innerText()).trim();
    expect(token).toMatch(/^mtr_/);
    await bekijk(page, 'beheer');
    // Others can be revoked here; oneself not (the API refuses the last beheerder anyway).
    await page.getByRole('button', { name: 'Trek test-griffier in' }).waitFor();
    expect(await page.getByRole('button', { name: 'Trek test-beheerder in' }).count()).toBe(0);
    expect(await page.getByRole('row', { name: /test-beheerder/ }).innerText()).toContain('U zelf');

    // A select shows its whole choice: as wide as the text, or wrapping it; on a desktop and on a phone.
    await page.getByLabel('Rol').selectOption('griffier');
    for (const breedte of [1280, 390]) {
      await page.setViewportSize({ width: breedte, height: 844 });
      const past = await page.getByLabel('Rol').evaluate((el) => {
        const select = el as HTMLSelectElement;
        const stijl = getComputedStyle(select);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = `${stijl.fontWeight} ${stijl.fontSize} ${stijl.fontFamily}`;
        const tekst = context.measureText(select.selectedOptions[0].text).width;
        const ruimte = select.clientWidth - parseFloat(stijl.paddingLeft) - parseFloat(stijl.paddingRight);
        const regel = parseFloat(stijl.lineHeight) || parseFloat(stijl.fontSize) * 1.2;
        const regels = Math.ceil(tekst / ruimte);
        // One line that fits, or as many lines as the text needs (a customisable select wraps).
        return { tekst: Math.round(tekst), ruimte: Math.round(ruimte), past: tekst <= ruimte || (stijl.whiteSpace === 'normal' && select.clientHeight >= regels * regel), binnenScherm: select.getBoundingClientRect().right <= window.innerWidth };
      });
      expect({ breedte, past: past.past, binnenScherm: past.binnenScherm }).toEqual({ breedte, past: true, binnenScherm: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await context.close();

    const nieuw = await aangemeld(browser, base, token);
    await nieuw.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(await nieuw.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts()).toEqual(['Register', 'Halfjaarberichten', 'Dashboard', 'Rappel', 'Tweede Kamer', 'Agenda']);
    await nieuw.page.goto('/audit');
    await nieuw.page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    await nieuw.context.close();
  });

  it('the sign-in page refuses an unknown token in words, next to the field', async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto('/register?status=open');
    await page.getByLabel('Token').fill('mtr_onbekend');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByText('is onbekend, verlopen of ingetrokken').first().waitFor();
    await bekijk(page, 'aanmelden');
    await context.close();
  });
});
