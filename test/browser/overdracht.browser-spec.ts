import { Browser, Page } from 'playwright-core';
import { TestApp, motie, startTestApp, toezegging } from '../support/app';
import { SMAL, aangemeld, rustig, schermafdrukken, startBrowser, toegankelijkheid } from './browser';

/**
 * The overdracht after a cabinet change in headless Chromium against the real application: a
 * griffier chooses the departing minister from the register's values, names the successor, date
 * and reason by keyboard, sees the preview (what goes, what stays and why), confirms, reads each
 * item's outcome, and the register then shows the items with the successor. Each page is checked
 * with axe-core and photographed at 1280 and 390 px.
 */
jest.setTimeout(300_000);

const VERTREKT = 'minister voor Migratie';
const OPVOLGER = 'minister van Asiel en Migratie';
const HERSTEL = 'staatssecretaris voor Herstel';

describe('overdracht in the web app', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const open: { itemId: string; nummer: string }[] = [];
  let afgedaan: { itemId: string; nummer: string };
  let ander: { itemId: string; nummer: string };
  const herstel: { itemId: string; nummer: string }[] = [];

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
    const registreer = async (body: Record<string, unknown>, pad = '/api/moties') => (await t.http.post(pad).send(body).expect(201)).body as { itemId: string; nummer: string; positie: string };
    for (let i = 1; i <= 3; i++) open.push(await registreer(motie({ nummer: `29628-${1400 + i}`, titel: `Motie over de asielketen ${i}`, bewindspersoon: VERTREKT, ministerie: 'JenV', thema: 'Migratie' })));
    for (let i = 1; i <= 2; i++) open.push(await registreer(toezegging({ nummer: `TZ202502-${10 + i}`, titel: `Toezegging over opvang ${i}`, bewindspersoon: VERTREKT, ministerie: 'JenV' }), '/api/toezeggingen'));
    afgedaan = await registreer(motie({ nummer: '29628-1499', titel: 'Motie over terugkeer, al afgedaan', bewindspersoon: VERTREKT, ministerie: 'JenV' }));
    await t.http.post(`/api/items/${afgedaan.itemId}/afdoening`).send({ datum: '2025-06-20', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2024/25, 19637, nr. 3300' }, toelichting: 'Afgedaan met de brief.' }).expect(200);
    ander = await registreer(motie({ nummer: '29628-1500', titel: 'Motie van een andere bewindspersoon' }));
    for (let i = 1; i <= 2; i++) herstel.push(await registreer(motie({ nummer: `29628-${1600 + i}`, titel: `Motie over herstel ${i}`, bewindspersoon: HERSTEL, ministerie: 'BZK' })));
    const { positie } = (await t.http.post(`/api/items/${open[0].itemId}/voortgang`).send({ datum: '2025-06-21', tekst: 'Loopt.' }).expect(200)).body;
    await t.http.get(`/api/items?perPagina=1&minimalePositie=${positie}`).expect(200);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a griffier transfers every open item of one minister to the successor in one action, and the register shows them there', async () => {
    const { page, context } = await aangemeld(browser, base, t.tokens.griffier);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overdracht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overdracht' }).waitFor();
    await page.getByLabel('Vertrekkende bewindspersoon').waitFor();

    // Nothing chosen: the API's field errors are next to the fields and in the summary; nothing is recorded.
    const voor = t.eventCount();
    await page.getByRole('button', { name: 'Bekijk wat er gebeurt' }).click();
    const samenvatting = page.locator('.formulier__samenvatting');
    await samenvatting.getByText('Vertrekkende bewindspersoon: is verplicht en mag niet leeg zijn').waitFor();
    await samenvatting.getByText('Opvolger: is verplicht en mag niet leeg zijn', { exact: true }).waitFor();
    await samenvatting.getByText('Ministerie van de opvolger: is verplicht en mag niet leeg zijn').waitFor();
    expect(t.eventCount()).toBe(voor);
    await bekijk(page, 'overdracht-fout');

    // By keyboard: the departing minister from the register's values, then Tab through the fields.
    const keuze = page.getByLabel('Vertrekkende bewindspersoon');
    expect(await keuze.locator('option').allInnerTexts()).toEqual(expect.arrayContaining([`${VERTREKT} (5 open)`, 'minister van Justitie en Veiligheid (1 open)']));
    await keuze.selectOption(VERTREKT);
    await keuze.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.type(OPVOLGER);
    await page.keyboard.press('Tab');
    await page.keyboard.type('AenM');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2025-07-02');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kabinetswisseling: de portefeuille migratie gaat naar het nieuwe ministerie');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bekijk wat er gebeurt');
    await page.keyboard.press('Enter');

    // The preview: what goes and what stays, with the reason; still nothing recorded.
    const kop = page.getByRole('heading', { level: 2, name: 'Voorbeeld: wat er gaat gebeuren' });
    await kop.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'voorbeeld-titel');
    expect(await page.getByText('5 open items gaan').count()).toBe(1);
    const gaan = page.locator('table', { has: page.getByText('Worden overgedragen') });
    expect(await gaan.locator('tbody tr').count()).toBe(5);
    for (const o of open) expect(await gaan.getByRole('link', { name: o.nummer }).count()).toBe(1);
    // The afgedaan item is no candidate: it is not listed, and the page says why.
    expect(await page.locator('table', { has: page.getByText('Blijven zoals ze zijn') }).count()).toBe(0);
    expect(await page.getByText(afgedaan.nummer).count()).toBe(0);
    await page.getByText(`Afgedane en vervallen items blijven bij ${VERTREKT} en staan hier niet.`).waitFor();
    expect(t.eventCount()).toBe(voor);
    await bekijk(page, 'overdracht-voorbeeld');

    // Confirm by keyboard.
    await page.getByRole('button', { name: 'Bevestig: 5 items overdragen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Overdracht afgerond' }).waitFor();
    await rustig(page);
    const telling = page.getByRole('list', { name: 'Uitkomst' });
    expect(await telling.innerText()).toMatch(/5\s+overgedragen/);
    const perItem = page.locator('table', { has: page.getByText('Per item') });
    expect(await perItem.locator('tbody tr').count()).toBe(5);
    expect(await perItem.getByText('Overgedragen', { exact: true }).count()).toBe(5);
    await bekijk(page, 'overdracht-resultaat');

    // Each item now lies with the successor; the afgedaan one and the other minister's stay.
    for (const o of open) expect((await t.http.get(`/api/items/${o.itemId}`).expect(200)).body).toMatchObject({ bewindspersoon: OPVOLGER, ministerie: 'AenM' });
    expect((await t.http.get(`/api/items/${afgedaan.itemId}`).expect(200)).body.bewindspersoon).toBe(VERTREKT);
    expect((await t.http.get(`/api/items/${ander.itemId}`).expect(200)).body.bewindspersoon).toBe('minister van Justitie en Veiligheid');

    // The register, from the result page's link, shows them with the successor.
    await page.getByRole('link', { name: `Bekijk de open items van ${OPVOLGER} in het register` }).click();
    await page.getByRole('heading', { level: 1, name: 'Register' }).waitFor();
    await page.locator('.register-tabel tbody tr').nth(4).waitFor();
    const rijen = page.locator('.register-tabel tbody tr');
    expect(await rijen.count()).toBe(5);
    for (let i = 0; i < 5; i++) expect(await rijen.nth(i).innerText()).toContain(OPVOLGER);
    await bekijk(page, 'overdracht-register');

    // An item's timeline says where the transfer came from, with its reason and the clerk.
    await page.getByRole('link', { name: open[0].nummer }).click();
    await page.getByRole('heading', { level: 1, name: `Motie ${open[0].nummer}` }).waitFor();
    await page.getByText(`Overgedragen aan ${OPVOLGER} (AenM): Kabinetswisseling`, { exact: false }).first().waitFor();
    await page.getByText(`uit overdracht van ${VERTREKT} aan ${OPVOLGER} (AenM)`, { exact: false }).first().waitFor();

    // Back to the result (its own address): the same outcome, also after a reload.
    await page.goBack();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Overdracht afgerond' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Overdracht afgerond' }).waitFor();
    expect(fouten(page)).toEqual([]);
    await context.close();
  });

  it('after a lost answer and a reload of the tab the page leads to the result, and the same input resumes the same overdracht', async () => {
    const { page, context } = await aangemeld(browser, base, t.tokens.griffier);
    const vulIn = async (van: string) => {
      await page.goto('/overdracht');
      await page.getByLabel('Vertrekkende bewindspersoon').selectOption(van);
      await page.getByLabel('Opvolger', { exact: true }).fill(OPVOLGER);
      await page.getByLabel('Ministerie van de opvolger').fill('AenM');
      await page.getByLabel('Datum van de overdracht').fill('2025-07-03');
      await page.getByLabel('Reden').fill('Herverdeling van de portefeuille');
      const antwoord = page.waitForResponse((r) => r.url().endsWith('/api/overdrachten/voorbeeld'));
      await page.getByRole('button', { name: 'Bekijk wat er gebeurt' }).click();
      await page.getByRole('heading', { level: 2, name: 'Voorbeeld: wat er gaat gebeuren' }).waitFor();
      return (await (await antwoord).json()) as { id: string; eerder: { status: string } | null };
    };
    const besluiten = () => t.storedEvents().filter((e) => e.type === 'BulkwijzigingBesloten' && (e.data.opdracht as { van?: string }).van === HERSTEL);
    const overgedragen = (itemId: string) => t.storedEvents().filter((e) => e.type === 'MotieOvergedragen' && e.data.itemId === itemId);

    // The confirmation never reaches the server: the same input after a reload gets the same key.
    const eerste = await vulIn(HERSTEL);
    await page.route('**/api/overdrachten', (route) => (route.request().method() === 'POST' ? route.abort('connectionreset') : route.continue()));
    await page.getByRole('button', { name: 'Bevestig: 2 items overdragen' }).click();
    await page.getByText('De server is niet bereikbaar.', { exact: false }).waitFor();
    await page.unroute('**/api/overdrachten');
    expect(besluiten()).toHaveLength(0);
    await page.reload();
    const nogmaals = await vulIn(HERSTEL);
    expect(nogmaals).toMatchObject({ id: eerste.id, eerder: null });

    // Now the server carries it out, but its answer is lost.
    await page.route('**/api/overdrachten', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Bevestig: 2 items overdragen' }).click();
    await page.getByText('De server is niet bereikbaar.', { exact: false }).waitFor();
    await page.unroute('**/api/overdrachten');
    expect(besluiten().map((e) => e.data.bulkwijzigingId)).toEqual([eerste.id]);
    for (const h of herstel) expect(overgedragen(h.itemId)).toHaveLength(1);

    // After a reload the page names the change it sent and leads to its result.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Overdracht' }).waitFor();
    const melding = page.getByRole('heading', { level: 2, name: 'Een overdracht is nog niet afgerond gezien' });
    await melding.waitFor();
    await bekijk(page, 'overdracht-openstaand');
    await page.getByRole('link', { name: `Van ${HERSTEL} naar ${OPVOLGER} (AenM), per 3 juli 2025` }).click();
    await page.getByRole('heading', { level: 1, name: 'Overdracht afgerond' }).waitFor();
    expect(page.url()).toContain(`/overdracht/${eerste.id}`);
    const perItem = page.locator('table', { has: page.getByText('Per item') });
    expect(await perItem.getByText('Overgedragen', { exact: true }).count()).toBe(2);

    // Seen finished, it is forgotten: the same input later is a new overdracht, of the item registered since.
    const later = (await t.http.post('/api/moties').send(motie({ nummer: '29628-1609', titel: 'Motie over herstel, later', bewindspersoon: HERSTEL, ministerie: 'BZK' })).expect(201)).body;
    await t.http.get(`/api/items?perPagina=1&minimalePositie=${later.positie}`).expect(200);
    const nieuw = await vulIn(HERSTEL);
    expect(nieuw.id).not.toBe(eerste.id);
    expect(nieuw.eerder).toBeNull();
    await page.getByRole('button', { name: 'Invoer aanpassen' }).click();
    expect(await melding.count()).toBe(0);
    expect(besluiten()).toHaveLength(1);
    for (const h of herstel) expect(overgedragen(h.itemId)).toHaveLength(1);
    expect(fouten(page)).toEqual([]);
    await context.close();
  });
});
