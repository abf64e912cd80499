import { CommandBus } from '@nestjs/cqrs';
import { GebruikersStore } from '@register/access';
import { KamerSynchronisatieResultaat, SynchroniseerKamerCommand } from '@register/application';
import { Browser, Page } from 'playwright-core';
import { TestApp, startTestApp } from '../support/app';
import { TestGegevensmagazijn, kamerToezegging, startGegevensmagazijn } from '../support/gegevensmagazijn';
import { SMAL, aangemeld, rustig, schermafdrukken, startBrowser, toegankelijkheid } from './browser';

jest.setTimeout(300_000);

/**
 * The Kamer link in headless Chromium against the real application and a Gegevensmagazijn on
 * loopback: the liaison's page of differences with both sides linked, the filter per kind, the
 * griffier's button, the count on the dashboard, and the Kamer's proposals in the inbox. Each view is
 * checked with axe-core and photographed at 1280 and 390 px.
 */
describe('the Kamer link in the browser', () => {
  let tk: TestGegevensmagazijn;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let griffier: string;
  let liaison: string;
  let run = 0;

  const synchroniseer = (): Promise<KamerSynchronisatieResultaat> => {
    const commandId = `00000000-0000-4000-8000-${String(++run).padStart(12, '0')}`;
    return t.app.get(CommandBus).execute(new SynchroniseerKamerCommand({ commandId, correlationId: commandId, causationId: commandId, actor: 'test' }));
  };
  const bekijk = async (page: Page, naam: string) => {
    await rustig(page);
    const { smalBreedte } = await schermafdrukken(page, naam);
    expect({ pagina: naam, schendingen: await toegankelijkheid(page), smalBreedte }).toEqual({ pagina: naam, schendingen: [], smalBreedte: SMAL.width });
  };

  beforeAll(async () => {
    tk = await startGegevensmagazijn();
    const teksten = [
      'De minister informeert de Kamer voor de zomer over de voortgang van het programma tegen ondermijning.',
      'De minister stuurt de Kamer het WODC-onderzoek naar taakstraffen zodra het af is.',
      'De minister komt voor het kerstreces terug op de capaciteit van de politie in de regio.',
      'De staatssecretaris zegt toe de Kamer te informeren over de wachttijden bij de IND.',
    ];
    tk.toezeggingen = teksten.map((Tekst, i) => kamerToezegging(i + 1, { Tekst }));
    t = await startTestApp({ TK_ODATA_URL: tk.url, TK_MINISTERIE: 'Justitie en Veiligheid', TK_REGISTER_MINISTERIE: 'JenV', TK_SYNC_VANAF: '2025-09-01' });
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    griffier = t.app.get(GebruikersStore).voegToe('gerda', 'griffier');
    liaison = t.app.get(GebruikersStore).voegToe('lars', 'liaison');
    // Two registered from the Kamer; one done here, the other done at the Kamer.
    const eerste = await synchroniseer();
    const open = (await t.http.get(`/api/voorstellen?bron=tweede-kamer&minimalePositie=${eerste.positie}`).expect(200)).body.voorstellen;
    const [een, twee] = [open[0], open[1]];
    const a = (await t.http.post(`/api/voorstellen/${een.id}/aanvaarding`).send({}).expect(200)).body;
    await t.http.post(`/api/voorstellen/${twee.id}/aanvaarding`).send({}).expect(200);
    await t.http
      .post(`/api/items/${a.itemId}/afdoening`)
      .send({ datum: '2026-03-01', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2025/26, 29628, nr. 1310' }, toelichting: 'Afgedaan met de voortgangsbrief.' })
      .expect(200);
    tk.toezeggingen[1] = { ...tk.toezeggingen[1], Status: 'Voldaan', DatumNakoming: '2026-02-20T00:00:00+01:00', KamerbriefNakoming: [{ Id: 'd-1', DocumentNummer: '2026D05123', Titel: 'Aanbieding WODC-onderzoek taakstraffen' }], ApiGewijzigdOp: '2026-02-21T09:00:00Z' };
    const tweede = await synchroniseer();
    await t.http.get(`/api/kamer/verschillen?minimalePositie=${tweede.positie}`).expect(200);
    browser = await startBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await tk?.close();
  });

  it('shows the liaison where the register and the Kamer disagree, with both sides, and counts it on the dashboard', async () => {
    const { page } = await aangemeld(browser, base, liaison);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('link', { name: '2 verschillen met de Tweede Kamer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tweede Kamer' }).waitFor();
    const rijen = page.getByRole('table').getByRole('row');
    await rijen.nth(2).waitFor();
    expect(await rijen.count()).toBe(3);
    await page.getByRole('row', { name: /TZ202511-1 .*Afgedaan hier, open bij de Kamer/ }).waitFor();
    await page.getByRole('row', { name: /TZ202511-2 .*Open hier, afgedaan bij de Kamer/ }).getByRole('link', { name: 'Voorstel in de inbox' }).waitFor();
    // No button for the liaison: only a griffier asks the Kamer.
    expect(await page.getByRole('button', { name: 'Vraag de Kamer nu' }).count()).toBe(0);
    await bekijk(page, 'kamer-verschillen');

    await page.getByRole('link', { name: /^Open hier, afgedaan bij de Kamer \(1\)$/ }).click();
    await page.getByText('De Kamer noemt de toezegging afgedaan.').waitFor();
    await page.getByRole('row', { name: /TZ202511-1 / }).waitFor({ state: 'detached' });
    expect(await page.getByRole('table').getByRole('row').count()).toBe(2);
    expect(new URL(page.url()).search).toBe('?soort=open-hier-afgedaan-daar');
  });

  it('lets a griffier ask the Kamer now, and says what came of it', async () => {
    tk.toezeggingen.push(kamerToezegging(5, { Tekst: 'De minister stuurt de Kamer een brief over de gevangeniswezen-capaciteit.', ApiGewijzigdOp: '2026-03-02T09:00:00Z' }));
    const { page } = await aangemeld(browser, base, griffier);
    await page.goto(`${base}/kamer`);
    await page.getByRole('button', { name: 'Vraag de Kamer nu' }).click();
    await page.getByText(/1 nieuw voorstel/).waitFor();
    await page.getByRole('link', { name: /open voorstellen in de inbox/ }).waitFor();
    await bekijk(page, 'kamer-gevraagd');

    // The inbox shows the Kamer's proposals as any other import.
    await page.getByRole('link', { name: /open voorstellen in de inbox/ }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('De minister stuurt de Kamer een brief over de gevangeniswezen-capaciteit.').first().waitFor();
    await bekijk(page, 'kamer-inbox');
  });
});
