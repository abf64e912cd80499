import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { leesPdf } from '@register/import/lezers/lees-pdf';
import { TestApp, motie, startTestApp, toezegging } from '../support/app';
import { SMAL, aangemeld, rustig, schermafdrukken, startBrowser, toegankelijkheid } from './browser';

/**
 * The register as the liaison works in it all day: finding a member's open items by typing part of
 * the name (the list follows, the URL keeps it), exporting every one of them to Excel (read back
 * here), and printing the register (Chromium's PDF of the print layout, read back as text).
 */
jest.setTimeout(300_000);

const SCREENS = process.env.SCREENS_DIR ?? '/tmp/screens';

describe('the register in the web app', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  /** 30 open moties of Van Nispen, more than a page; 4 of them afgedaan; and others' items. */
  const open = Array.from({ length: 30 }, (_, i) => `36200-VI-${i * 13 + 5}`);
  const afgedaan = ['36200-VI-900', '36200-VI-901', '36200-VI-902', '36200-VI-903'];

  const bekijk = async (page: Page, naam: string) => {
    await rustig(page);
    const { smalBreedte } = await schermafdrukken(page, naam);
    expect({ pagina: naam, schendingen: await toegankelijkheid(page), smalBreedte }).toEqual({ pagina: naam, schendingen: [], smalBreedte: SMAL.width });
  };

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    for (const [i, nummer] of [...open, ...afgedaan].entries()) {
      const r = await t.http
        .post('/api/moties')
        .send(motie({ nummer, titel: `Motie van het lid Van Nispen over de rechtspraak (${i + 1})`, indieners: [{ naam: 'Van Nispen', fractie: 'SP' }], thema: 'Rechtspraak', termijn: { omschrijving: 'voor de zomer', datum: '2025-07-01' } }))
        .expect(201);
      if (afgedaan.includes(nummer)) {
        await t.http.post(`/api/items/${r.body.itemId}/afdoening`).send({ datum: '2025-06-20', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2024/25, 29279, nr. 900' }, toelichting: 'Uitgevoerd.' }).expect(200);
      }
    }
    for (let i = 0; i < 6; i++) await t.http.post('/api/toezeggingen').send(toezegging({ nummer: `TZ202501-${i + 1}`, leden: [{ naam: 'Ellian', fractie: 'VVD' }] })).expect(201);
    const laatste = await t.http.post('/api/toezeggingen').send(toezegging({ nummer: 'TZ202501-99', leden: [{ naam: 'Van der Werf', fractie: 'D66' }] })).expect(201);
    await t.http.get(`/api/items?perPagina=1&minimalePositie=${laatste.body.positie}`).expect(200);
    browser = await startBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a liaison finds Nispen’s open items by typing part of the name, exports all of them to Excel and prints the register', async () => {
    const { page, context } = await aangemeld(browser, base, t.tokens.liaison);
    await page.goto('/register');
    await page.locator('tbody tr').first().waitFor();
    await bekijk(page, 'register');

    // Typing part of the name: the register's own value is suggested, and the list follows.
    const paneel = page.getByRole('complementary', { name: 'Filters' });
    await paneel.getByLabel('Status').selectOption('open');
    await paneel.getByLabel('Kamerlid').pressSequentially('nisp', { delay: 40 });
    await page.waitForFunction(() => [...document.querySelectorAll('#filters-lid-suggesties option')].some((o) => (o as HTMLOptionElement).value === 'Van Nispen'));
    await page.getByText('30 items, pagina 1 van 2').waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('lid')).toBe('nisp');
    expect(url.searchParams.get('status')).toBe('open');
    // Numbers in their natural order, never wrapped at the hyphen.
    const nummers = await page.locator('tbody tr td:first-child a').allInnerTexts();
    expect(nummers).toEqual([...open].sort((a, b) => Number(a.split('-')[2]) - Number(b.split('-')[2])).slice(0, 25));
    const hoogte = await page.locator('tbody tr td:first-child a').evaluateAll((as) => Math.max(...as.map((a) => a.getBoundingClientRect().height)));
    expect(hoogte).toBeLessThan(30);
    await bekijk(page, 'register-nisp');

    // Export: every filtered row, not the page.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^register-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const werkmap = new ExcelJS.Workbook();
    await werkmap.xlsx.load(readFileSync((await download.path())!) as never);
    const blad = werkmap.getWorksheet('Register')!;
    const geexporteerd = blad.getRows(2, blad.rowCount - 1)!.map((r) => String(r.getCell(1).value));
    expect(geexporteerd.sort()).toEqual([...open].sort());
    expect(blad.getRows(2, blad.rowCount - 1)!.every((r) => r.getCell(4).value === 'Van Nispen (SP)' && r.getCell(8).value === 'In behandeling')).toBe(true);

    // Print: the button loads every filtered row and opens the browser's print dialog (recorded
    // here instead); Chromium's PDF of that print layout has every column, the filter and page numbers.
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-afgedrukt', 'ja');
    });
    await page.getByRole('button', { name: 'Afdrukken' }).click();
    await page.locator('body[data-afgedrukt="ja"]').waitFor({ state: 'attached' });
    expect(await page.locator('tbody tr').count()).toBe(30);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SCREENS, 'register-afdruk.png'), fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const pdfPad = join(SCREENS, 'register-afdruk.pdf');
    writeFileSync(pdfPad, pdf);
    // Read back with the importer's own PDF reader (pdfjs-dist).
    const tekst = (await leesPdf(pdf)).join('\n');
    for (const kop of ['Nummer', 'Titel', 'Leden', 'Bewindspersoon', 'Thema', 'Status', 'Termijn']) expect(tekst).toContain(kop);
    expect(tekst).toContain('Filters: Status: Open (in behandeling of deels afgedaan); Kamerlid: nisp');
    expect(tekst).toMatch(/Pagina 1 van \d/);
    for (const nummer of open) expect(tekst).toContain(nummer);
    expect(tekst).not.toContain('Afmelden');
    expect(tekst).not.toContain('Exporteer');
    await context.close();
  });

  it('on a phone the results come first and the filters open in a drawer', async () => {
    const { page, context } = await aangemeld(browser, base, t.tokens.liaison);
    await page.setViewportSize(SMAL);
    await page.goto('/register?status=open');
    await page.locator('tbody tr').first().waitFor();
    const tabelBoven = await page.locator('table').evaluate((e) => e.getBoundingClientRect().top);
    expect(tabelBoven).toBeLessThan(SMAL.height);
    await page.getByRole('button', { name: /^Filters/ }).click();
    const lade = page.getByRole('dialog', { name: 'Filters' });
    await lade.getByLabel('Kamerlid').fill('ellian');
    await lade.getByText('6 items', { exact: true }).waitFor();
    await rustig(page);
    await page.screenshot({ path: join(SCREENS, 'register-lade-smal.png') });
    expect(await toegankelijkheid(page)).toEqual([]);
    await lade.getByRole('button', { name: 'Toon resultaten' }).click();
    await page.locator('tbody tr').nth(5).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(6);
    expect(new URL(page.url()).searchParams.get('lid')).toBe('ellian');
    await context.close();
  });
});
