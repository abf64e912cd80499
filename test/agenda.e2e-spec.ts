import { GebruikersStore } from '@register/access';
import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { TestApp, motie, startTestApp, toezegging } from './support/app';

interface Afspraak {
  readonly uid: string;
  readonly summary: string;
  readonly start: string;
  readonly allDay: boolean;
  readonly sequence: number;
  readonly url: string;
  readonly description: string;
  readonly transp: string;
}

/** The feed as an independent parser (Mozilla's ical.js) reads it, as calendar programs do. */
function afspraken(ics: string): { naam: string; afspraken: Afspraak[] } {
  const kalender = new ICAL.Component(ICAL.parse(ics));
  expect(kalender.name).toBe('vcalendar');
  expect(kalender.getFirstPropertyValue('version')).toBe('2.0');
  return {
    naam: String(kalender.getFirstPropertyValue('x-wr-calname')),
    afspraken: kalender.getAllSubcomponents('vevent').map((v) => {
      const event = new ICAL.Event(v);
      return {
        uid: event.uid,
        summary: event.summary,
        start: event.startDate.toString(),
        allDay: event.startDate.isDate,
        sequence: event.sequence,
        url: String(v.getFirstPropertyValue('url')),
        description: event.description,
        transp: String(v.getFirstPropertyValue('transp')),
      };
    }),
  };
}

/**
 * Calendar feeds over HTTP: a subscription per user and filter with a secret address; the feed read
 * by an independent iCalendar parser; stable UIDs, a moved termijn moved, an afgedaan item gone, a
 * revoked address (or user) 404. On the embedded default and (e2e-postgres) in PostgreSQL.
 */
describe('agenda-abonnementen', () => {
  let t: TestApp;
  let fennaToken: string;
  const fenna = { naam: 'Fenna Fictief', email: 'fenna.fictief@example.org', directie: 'Directie Politie' };
  const bram = { naam: 'Bram Bedacht', email: 'bram.bedacht@example.org', directie: 'Directie Veiligheid' };
  const id: Record<string, string> = {};
  const alsFenna = () => t.as('anoniem').set('Authorization', `Bearer ${fennaToken}`);
  const zichtbaar = (positie: string) => t.http.get(`/api/items?perPagina=1&minimalePositie=${positie}`).expect(200);
  const ophalen = (url: string) => t.as('anoniem').get(url).buffer(true).parse((res, cb) => {
    let tekst = '';
    res.on('data', (c: Buffer) => (tekst += c.toString()));
    res.on('end', () => cb(null, tekst));
  });

  beforeAll(async () => {
    t = await startTestApp({ WEB_URL: 'https://register.example.org/' });
    fennaToken = t.app.get(GebruikersStore).voegToe('fenna', 'griffier', { email: 'Fenna.Fictief@example.org' });
    const registreer = async (sleutel: string, pad: string, body: Record<string, unknown>) => {
      const res = await t.http.post(pad).send(body).expect(201);
      id[sleutel] = res.body.itemId;
      await zichtbaar(res.body.positie);
    };
    const termijn = (datum: string | null) => ({ omschrijving: 'voor de zomer', datum });
    await registreer('eerste', '/api/toezeggingen', toezegging({ nummer: 'TZ202412-301', titel: 'Informeren over de ME', termijn: termijn('2026-12-20'), behandelaar: fenna }));
    await registreer('tweede', '/api/moties', motie({ nummer: '29628-1401', titel: 'Motie over bodycams', termijn: termijn('2027-02-01'), behandelaar: fenna }));
    await registreer('zonderDatum', '/api/toezeggingen', toezegging({ nummer: 'TZ202412-302', termijn: termijn(null), behandelaar: fenna }));
    await registreer('vanBram', '/api/toezeggingen', toezegging({ nummer: 'TZ202412-303', termijn: termijn('2026-12-24'), behandelaar: bram, bewindspersoon: 'staatssecretaris van Justitie en Veiligheid' }));
  });

  afterAll(async () => {
    await t.close();
  });

  it('gives a subscription to the signed-in user’s items a secret address, shown once and stored only as a hash', async () => {
    const res = await alsFenna().post('/api/agenda-abonnementen').send({ filter: { mijn: true } }).expect(201);
    expect(res.body).toMatchObject({ eigenaar: 'fenna', filter: { mijn: true }, omschrijving: 'mijn items', ingetrokkenOp: null });
    expect(res.body.url).toMatch(/^\/agenda\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(res.body.volledigeUrl).toBe(`https://register.example.org${res.body.url}`);
    expect(res.body.webcalUrl).toBe(`webcal://register.example.org${res.body.url}`);
    id.abonnement = res.body.id;
    id.url = res.body.url;

    const geheim = /\/agenda\/(.*)\.ics$/.exec(res.body.url)![1];
    const rijen = (await t.app.get(DataSource).query('SELECT * FROM agenda_abonnementen')) as Record<string, unknown>[];
    expect(rijen).toHaveLength(1);
    expect(JSON.stringify(rijen)).not.toContain(geheim);
    expect(rijen[0].eigenaar_email).toBe('fenna.fictief@example.org');
    // The list never shows the address again.
    const lijst = (await alsFenna().get('/api/agenda-abonnementen').expect(200)).body;
    expect(lijst).toEqual([{ id: id.abonnement, eigenaar: 'fenna', filter: { mijn: true }, omschrijving: 'mijn items', aangemaaktOp: expect.any(String), ingetrokkenOp: null }]);
    expect(JSON.stringify(lijst)).not.toContain(geheim);
  });

  it('serves one all-day event per open item with a termijn date, as an independent parser reads it', async () => {
    const res = await ophalen(id.url).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, no-cache');
    const { naam, afspraken: lijst } = afspraken(res.body);
    expect(naam).toBe('Termijnen: mijn items');
    expect(lijst.map((a) => a.uid).sort()).toEqual([`termijn-${id.eerste}@moties-toezeggingen.register`, `termijn-${id.tweede}@moties-toezeggingen.register`].sort());
    const eerste = lijst.find((a) => a.uid.includes(id.eerste))!;
    expect(eerste).toMatchObject({ summary: 'Termijn TZ202412-301: Informeren over de ME', start: '2026-12-20', allDay: true, url: `https://register.example.org/items/${id.eerste}`, transp: 'TRANSPARENT' });
    expect(eerste.description).toContain('Behandelaar: Fenna Fictief (Directie Politie)');
    expect(eerste.description).toContain('Termijn: 20 december 2026 (voor de zomer)');
  });

  it('answers the same feed on a second fetch, and 304 to a client that has it', async () => {
    const eerst = await ophalen(id.url).expect(200);
    const dan = await ophalen(id.url).expect(200);
    expect(dan.body).toBe(eerst.body);
    expect(eerst.headers.etag).toBeDefined();
    await t.as('anoniem').get(id.url).set('If-None-Match', eerst.headers.etag).expect(304);
  });

  it('moves an event whose termijn moved (same UID, higher SEQUENCE) and drops an item that is afgedaan', async () => {
    const voor = afspraken((await ophalen(id.url).expect(200)).body).afspraken.find((a) => a.uid.includes(id.eerste))!;
    await zichtbaar((await t.http.post(`/api/items/${id.eerste}/termijn`).send({ datum: '2025-06-20', termijn: { omschrijving: 'na de kerst', datum: '2027-01-15' }, reden: 'Onderzoek loopt uit' }).expect(200)).body.positie);
    const af = await t.http.post(`/api/items/${id.tweede}/afdoening`).send({ datum: '2025-06-20', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2024/25, 29628, nr. 1260' }, toelichting: 'Afgedaan met de brief.' }).expect(200);
    await zichtbaar(af.body.positie);
    const na = afspraken((await ophalen(id.url).expect(200)).body).afspraken;
    expect(na).toHaveLength(1);
    expect(na[0]).toMatchObject({ uid: voor.uid, start: '2027-01-15' });
    expect(na[0].sequence).toBeGreaterThan(voor.sequence);
  });

  it('selects by directie or bewindspersoon as the register does', async () => {
    const directie = (await alsFenna().post('/api/agenda-abonnementen').send({ filter: { directie: 'directie veiligheid' } }).expect(201)).body;
    expect(afspraken((await ophalen(directie.url).expect(200)).body).afspraken.map((a) => a.uid)).toEqual([`termijn-${id.vanBram}@moties-toezeggingen.register`]);
    const bewindspersoon = (await t.as('liaison').post('/api/agenda-abonnementen').send({ filter: { bewindspersoon: 'staatssecretaris' } }).expect(201)).body;
    expect(bewindspersoon.omschrijving).toBe('staatssecretaris');
    expect(afspraken((await ophalen(bewindspersoon.url).expect(200)).body).afspraken).toHaveLength(1);
  });

  it('answers 404 for an address that was revoked, that never existed, or whose user was revoked', async () => {
    const ingetrokken = await alsFenna().delete(`/api/agenda-abonnementen/${id.abonnement}`).expect(200);
    expect(ingetrokken.body.ingetrokkenOp).toEqual(expect.any(String));
    const weg = await ophalen(id.url).expect(404);
    expect(weg.headers['content-type']).toContain('application/problem+json');
    await ophalen('/agenda/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics').expect(404);
    await ophalen('/agenda/niets').expect(404);

    const gebruikers = t.app.get(GebruikersStore);
    const token = gebruikers.voegToe('tijdelijk', 'liaison');
    const van = (await t.as('anoniem').set('Authorization', `Bearer ${token}`).post('/api/agenda-abonnementen').send({ filter: {} }).expect(201)).body;
    await ophalen(van.url).expect(200);
    gebruikers.trekIn('tijdelijk');
    await ophalen(van.url).expect(404);
    // Somebody new under the same name does not bring the old feed back.
    gebruikers.voegToe('tijdelijk', 'liaison');
    await ophalen(van.url).expect(404);
  });

  it('lets a user keep at most 20 subscriptions at once', async () => {
    const token = t.app.get(GebruikersStore).voegToe('verzamelaar', 'liaison');
    const als = () => t.as('anoniem').set('Authorization', `Bearer ${token}`);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await als().post('/api/agenda-abonnementen').send({ filter: {} }).expect(201)).body.id);
    const teVeel = await als().post('/api/agenda-abonnementen').send({ filter: {} }).expect(422);
    expect(teVeel.body).toMatchObject({ code: 'te-veel-abonnementen' });
    await als().delete(`/api/agenda-abonnementen/${ids[0]}`).expect(200);
    await als().post('/api/agenda-abonnementen').send({ filter: {} }).expect(201);
  });

  it('lets only the owner and a beheerder see and revoke a subscription', async () => {
    const eigen = (await alsFenna().post('/api/agenda-abonnementen').send({ filter: {} }).expect(201)).body;
    await t.as('liaison').delete(`/api/agenda-abonnementen/${eigen.id}`).expect(404);
    expect((await t.as('liaison').get('/api/agenda-abonnementen').expect(200)).body.map((a: { id: string }) => a.id)).not.toContain(eigen.id);
    expect((await t.as('beheerder').get('/api/agenda-abonnementen').expect(200)).body.map((a: { id: string }) => a.id)).toContain(eigen.id);
    await t.as('beheerder').post('/api/agenda-abonnementen').send({ filter: {} }).expect(403);
    await t.as('beheerder').delete(`/api/agenda-abonnementen/${eigen.id}`).expect(200);
    await ophalen(eigen.url).expect(404);
  });

  it('refuses what it cannot serve, in Dutch, and stores nothing for it', async () => {
    const tellen = async () => ((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM agenda_abonnementen')) as { n: number | string }[])[0].n;
    const voor = await tellen();
    const zonderEmail = await t.http.post('/api/agenda-abonnementen').send({ filter: { mijn: true } }).expect(422);
    expect(zonderEmail.body).toMatchObject({ code: 'geen-email', detail: expect.stringContaining('e-mailadres') });
    const onwaar = await alsFenna().post('/api/agenda-abonnementen').send({ filter: { mijn: false } }).expect(400);
    expect(onwaar.body.fouten).toEqual([{ veld: 'filter.mijn', melding: 'moet true zijn, of weggelaten' }]);
    await alsFenna().post('/api/agenda-abonnementen').send({ filter: { eigenaar: 'iemand' } }).expect(400);
    await alsFenna().post('/api/agenda-abonnementen').send({}).expect(400);
    await alsFenna().delete('/api/agenda-abonnementen/geen-uuid').expect(400);
    expect(await tellen()).toBe(voor);
  });
});
