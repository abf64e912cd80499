import { CommandBus } from '@nestjs/cqrs';
import { GebruikersStore } from '@register/access';
import { VerstuurHerinneringenCommand } from '@register/application';
import ICAL from 'ical.js';
import { Browser, Page } from 'playwright-core';
import { TestApp, motie, startTestApp, toezegging } from '../support/app';
import { TestSmtp, startSmtp } from '../support/smtp';
import { BREED, SMAL, aangemeld, rustig, schermafdrukken, startBrowser, toegankelijkheid } from './browser';

jest.setTimeout(300_000);

/**
 * Termijnen in the tools people live in, in headless Chromium against the real application: a
 * behandelaar makes a calendar subscription of "Mijn items" on the Agenda page, the address it shows
 * answers a calendar with their termijnen, and revoking it on the page makes the address 404; the
 * reminder mail that a real SMTP server received is rendered as a mail program would show it. Each
 * view is checked with axe-core and photographed at 1280 and 390 px.
 */
describe('agenda and reminder mail in the browser', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let browser: Browser;
  let base: string;
  let token: string;
  const fenna = { naam: 'Fenna Fictief', email: 'fenna.fictief@example.org', directie: 'Directie Politie' };

  const bekijk = async (page: Page, naam: string) => {
    await rustig(page);
    const { smalBreedte } = await schermafdrukken(page, naam);
    expect({ pagina: naam, schendingen: await toegankelijkheid(page), smalBreedte }).toEqual({ pagina: naam, schendingen: [], smalBreedte: SMAL.width });
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ SMTP_URL: smtp.url, SMTP_AFZENDER: 'Register moties en toezeggingen <register@example.org>', WEB_URL: 'https://register.example.org' });
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    token = t.app.get(GebruikersStore).voegToe('fenna', 'griffier', { email: fenna.email });
    let positie = '0';
    const registreer = async (pad: string, body: Record<string, unknown>) => (positie = (await t.http.post(pad).send(body).expect(201)).body.positie);
    await registreer('/api/toezeggingen', toezegging({ nummer: 'TZ202412-150', titel: 'Informeren over de inzet van bodycams bij de ME', termijn: { omschrijving: 'voor de kerst', datum: '2026-11-20' }, behandelaar: fenna }));
    await registreer('/api/toezeggingen', toezegging({ nummer: 'TZ202412-151', titel: 'De Kamer het WODC-onderzoek naar taakstraffen sturen', leden: [{ naam: 'Van Nispen', fractie: 'SP' }], termijn: { omschrijving: 'voor de kerst', datum: '2026-12-18' }, behandelaar: fenna }));
    await registreer('/api/moties', motie({ nummer: '29628-1265', titel: 'Motie van het lid Mutluer over de politiecapaciteit in de regio', termijn: { omschrijving: 'begin 2027', datum: '2026-12-31' }, behandelaar: fenna }));
    await t.http.get(`/api/items?perPagina=1&minimalePositie=${positie}`).expect(200);
    browser = await startBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  it('a behandelaar subscribes a calendar to "Mijn items", and revokes it', async () => {
    const { page, context } = await aangemeld(browser, base, token);
    page.on('dialog', (d) => void d.accept());
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Agenda' }).click();
    await page.getByRole('heading', { level: 1, name: 'Termijnen in uw agenda' }).waitFor();
    await page.getByText('U heeft nog geen agenda-abonnement.').waitFor();
    await bekijk(page, 'agenda-leeg');

    expect(await page.getByRole('combobox', { name: 'Welke termijnen' }).inputValue()).toBe('mijn');
    await page.getByRole('button', { name: 'Maak de agenda' }).click();
    const adres = (await page.locator('code.token').textContent())!;
    expect(adres).toMatch(/^https:\/\/register\.example\.org\/agenda\/[A-Za-z0-9_-]{43}\.ics$/);
    await page.getByRole('row', { name: /mijn items/ }).waitFor();
    await bekijk(page, 'agenda-gemaakt');

    // The address, on this server, is a calendar with the three termijnen.
    const pad = new URL(adres).pathname;
    const feed = await context.request.get(`${base}${pad}`, { headers: { Authorization: '' } });
    expect(feed.status()).toBe(200);
    const events = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary).sort()).toEqual([
      'Termijn 29628-1265: Motie van het lid Mutluer over de politiecapaciteit in de regio',
      'Termijn TZ202412-150: Informeren over de inzet van bodycams bij de ME',
      'Termijn TZ202412-151: De Kamer het WODC-onderzoek naar taakstraffen sturen',
    ]);

    await page.getByRole('button', { name: 'Trek "mijn items" in' }).click();
    await page.getByText('De agenda "mijn items" is ingetrokken.').waitFor();
    await page.getByRole('cell', { name: /^Ingetrokken / }).waitFor();
    expect((await context.request.get(`${base}${pad}`)).status()).toBe(404);
    expect((page as Page & { fouten: string[] }).fouten).toEqual([]);
    await context.close();
  });

  it('the reminder mail, as the SMTP server received it, reads well in a browser', async () => {
    const commandId = '00000000-0000-4000-8000-000000000001';
    const resultaat = await t.app.get(CommandBus).execute(new VerstuurHerinneringenCommand('2026-12-03', { commandId, correlationId: commandId, causationId: commandId, actor: 'test' }));
    expect(resultaat.verstuurd).toBe(1);
    const [mail] = smtp.ontvangen;
    const context = await browser.newContext({ viewport: BREED, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.setContent(mail.html);
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Over de termijn (1)', 'Termijn binnen 30 dagen (tot en met 2 januari 2027) (2)']);
    expect(await page.getByRole('link', { name: 'TZ202412-150' }).getAttribute('href')).toMatch(/^https:\/\/register\.example\.org\/items\/[0-9a-f-]{36}$/);
    await page.setViewportSize(BREED);
    await page.screenshot({ path: `${__dirname}/../artifacts/screenshots/herinnering-mail-breed.png`, fullPage: true });
    await page.setViewportSize(SMAL);
    await page.screenshot({ path: `${__dirname}/../artifacts/screenshots/herinnering-mail-smal.png`, fullPage: true });
    expect(await toegankelijkheid(page)).toEqual([]);
    const itemUrl = (await page.getByRole('link', { name: 'TZ202412-150' }).getAttribute('href'))!;
    await context.close();

    // The item's page shows the griffie and auditors that its owner was told.
    const aangemeldeTab = await aangemeld(browser, base, t.tokens.auditor);
    await aangemeldeTab.page.goto(new URL(itemUrl).pathname);
    const rij = aangemeldeTab.page.getByRole('region', { name: 'Herinneringen' }).getByRole('row', { name: /Fenna Fictief/ });
    await rij.waitFor();
    expect(await rij.textContent()).toMatch(/3 december 2026.*fenna\.fictief@example\.org.*over de termijn.*verstuurd/);
    await bekijk(aangemeldeTab.page, 'item-herinneringen');
    await aangemeldeTab.context.close();
  });
});
