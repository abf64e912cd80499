import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';

/**
 * Headless Chromium from Debian's package, driven by playwright-core (no browser download).
 * `.ci/run` installs the package; CHROMIUM_PATH points elsewhere if needed.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '..', 'artifacts', 'screenshots');

export async function startBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium ontbreekt op ${CHROMIUM}. Installeer Debian's pakket: apt-get install -y chromium (of zet CHROMIUM_PATH).`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    // The machine's network is closed: without these Chromium keeps trying Google's services.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export const BREED = { width: 1280, height: 900 };
export const SMAL = { width: 390, height: 844 };

/** A signed-in browser tab: the token typed into the sign-in page, by keyboard. */
export async function aangemeld(browser: Browser, baseURL: string, token: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: BREED, acceptDownloads: true, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  const fouten: string[] = [];
  page.on('pageerror', (e) => fouten.push(e.message));
  (page as Page & { fouten: string[] }).fouten = fouten;
  await page.goto('/aanmelden');
  await page.getByLabel('Token').focus();
  await page.keyboard.type(token);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Afmelden' }).waitFor();
  return { context, page };
}

/**
 * The page at desktop and at phone width, saved as artifacts for a person to look at. Answers how
 * wide the page became on the phone: wider than the screen means sideways scrolling (WCAG 1.4.10).
 */
export async function schermafdrukken(page: Page, naam: string): Promise<{ smalBreedte: number }> {
  await page.setViewportSize(BREED);
  await page.screenshot({ path: join(SCREENSHOTS, `${naam}-breed.png`), fullPage: true });
  await page.setViewportSize(SMAL);
  const smalBreedte = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.screenshot({ path: join(SCREENSHOTS, `${naam}-smal.png`), fullPage: true });
  await page.setViewportSize(BREED);
  return { smalBreedte };
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeSchending {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: string[];
}

/** axe-core in the page, WCAG 2.1 A and AA rules: the serious and critical violations. */
export async function toegankelijkheid(page: Page): Promise<AxeSchending[]> {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const uitkomst = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return uitkomst.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Waits until the app has no request in flight (it marks its main region aria-busy) and has painted. */
export async function rustig(page: Page): Promise<void> {
  await page.locator('#inhoud[aria-busy="false"]').waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
