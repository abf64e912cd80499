import { CommandBus } from '@nestjs/cqrs';
import { HerinneringenJob, HerinneringenResultaat, VerstuurHerinneringenCommand } from '@register/application';
import { createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { AddressInfo } from 'node:net';
import { TestApp, motie, startTestApp, toezegging } from './support/app';
import { OntvangenMail, TestSmtp, startSmtp } from './support/smtp';

/**
 * Reminder mails through a real SMTP server on loopback, read back with mailparser: what each owner
 * and each bewindspersoon's office is told, that a second run the same day sends nothing, and what
 * a refused recipient and an unreachable server leave behind (on /health too). On the embedded
 * default and (e2e-postgres) with the read models in PostgreSQL. Fictional people at example.org.
 */
describe('herinneringen', () => {
  const WEB_URL = 'https://register.example.org';
  // A Thursday: the weekly summaries (from Monday on) go out on it when the week has none yet.
  const DATUM = '2026-12-03';
  const fenna = { naam: 'Fenna Fictief', email: 'fenna.fictief@example.org', directie: 'Directie Politie' };
  const bram = { naam: 'Bram Bedacht', email: 'Bram.Bedacht@example.org', directie: 'Directie Veiligheid' };
  const kees = { naam: 'Kees Kwijt', email: 'kees.kwijt@example.org', directie: 'Directie Politie' };
  const MINISTER = 'minister van Justitie en Veiligheid';
  const STAATSSECRETARIS = 'staatssecretaris van Justitie en Veiligheid';

  let smtp: TestSmtp;
  let t: TestApp;
  const id: Record<string, string> = {};
  let run = 0;
  /** The first run, on DATUM: its positie lets a reader see what it recorded. */
  let eerste: HerinneringenResultaat;

  const verstuur = (datum = DATUM): Promise<HerinneringenResultaat> => {
    const commandId = `00000000-0000-4000-8000-${String(++run).padStart(12, '0')}`;
    return t.app.get(CommandBus).execute(new VerstuurHerinneringenCommand(datum, { commandId, correlationId: commandId, causationId: commandId, actor: 'test' }));
  };
  const aan = (email: string): OntvangenMail[] => smtp.ontvangen.filter((m) => m.aan === email.toLowerCase());

  const registreer = async (sleutel: string, pad: string, body: Record<string, unknown>) => {
    const antwoord = await t.http.post(pad).send(body);
    if (antwoord.status !== 201) throw new Error(`${sleutel}: ${antwoord.status} ${JSON.stringify(antwoord.body)}`);
    const res = antwoord.body;
    id[sleutel] = res.itemId;
    return res;
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      SMTP_AFZENDER: 'Register moties en toezeggingen <register@example.org>',
      WEB_URL,
      HERINNERING_BEWINDSPERSONEN: `${MINISTER}=secretariaat.minister@example.org; ${STAATSSECRETARIS}=secretariaat.staatssecretaris@example.org`,
    });
    const tz = (n: number, termijnDatum: string, extra: Record<string, unknown> = {}) => toezegging({ nummer: `TZ202412-${n}`, titel: `Toezegging ${n}`, termijn: { omschrijving: 'voor de zomer', datum: termijnDatum }, ...extra });
    await registreer('achterstallig', '/api/toezeggingen', tz(101, '2026-11-01', { behandelaar: fenna }));
    await registreer('binnenkort', '/api/moties', motie({ nummer: '29628-1301', titel: 'Motie over <script>alert(1)</script> & "aanhalingstekens"', termijn: { omschrijving: '20 december 2026', datum: '2026-12-20' }, behandelaar: fenna }));
    await registreer('laatsteDag', '/api/toezeggingen', tz(102, '2027-01-02', { behandelaar: fenna }));
    await registreer('teVer', '/api/toezeggingen', tz(103, '2027-01-03', { behandelaar: fenna }));
    await registreer('afgedaan', '/api/toezeggingen', tz(104, '2026-11-15', { behandelaar: fenna }));
    await registreer('vandaag', '/api/toezeggingen', tz(105, DATUM, { behandelaar: bram }));
    await registreer('zonder', '/api/toezeggingen', tz(106, '2026-10-01'));
    await registreer('staatssecretaris', '/api/toezeggingen', tz(107, '2026-12-10', { behandelaar: kees, bewindspersoon: STAATSSECRETARIS }));
    await registreer('geenTermijndatum', '/api/toezeggingen', tz(108, '2026-01-01', { behandelaar: bram, termijn: { omschrijving: 'na de zomer', datum: null } }));
    const af = await t.http
      .post(`/api/items/${id.afgedaan}/afdoening`)
      .send({ datum: '2025-06-20', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2024/25, 29628, nr. 1260' }, toelichting: 'Afgedaan met de brief.' })
      .expect(200);
    await t.http.get(`/api/items?perPagina=1&minimalePositie=${af.body.positie}`).expect(200);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('sends each owner one digest of the open items they own that are overdue or due within 30 days, with links into the web app', async () => {
    const resultaat = (eerste = await verstuur());
    expect(resultaat).toMatchObject({ aan: true, bezet: false, totaal: 5, verstuurd: 5, alVerstuurd: 0, mislukt: 0, serverFout: null, positie: expect.stringMatching(/^\d+$/) });

    const [mail, ...meer] = aan(fenna.email);
    expect(meer).toHaveLength(0);
    expect(mail.van).toContain('register@example.org');
    expect(mail.onderwerp).toBe('Termijnen in het register: 1 over de termijn, 2 binnenkort');
    expect(mail.messageId).toMatch(/^<herinnering-[0-9a-f-]{36}@example\.org>$/);
    expect(mail.kopregels.get('auto-submitted')).toBe('auto-generated');
    // Overdue first, then due within 30 days up to and including the 30th day; nothing else.
    for (const sleutel of ['achterstallig', 'binnenkort', 'laatsteDag']) expect(mail.html).toContain(`href="${WEB_URL}/items/${id[sleutel]}"`);
    for (const sleutel of ['teVer', 'afgedaan', 'vandaag', 'zonder', 'staatssecretaris']) expect(mail.html).not.toContain(id[sleutel]);
    expect(mail.html.indexOf('TZ202412-101')).toBeLessThan(mail.html.indexOf('29628-1301'));
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.html).toContain('<th scope="col"');
    expect(mail.html).toContain('Beste Fenna Fictief,');
    expect(mail.html).toContain('32 dagen over de termijn');
    // A title is text, never markup.
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;aanhalingstekens&quot;');
    expect(mail.html).toContain(`href="${WEB_URL}/register?behandelaar=fenna.fictief%40example.org&amp;status=open&amp;sorteer=termijn"`);
    // The plain-text part says the same.
    expect(mail.tekst).toContain('Over de termijn (1)');
    expect(mail.tekst).toContain('Termijn binnen 30 dagen (tot en met 2 januari 2027) (2)');
    expect(mail.tekst).toContain(`${WEB_URL}/items/${id.achterstallig}`);
    expect(mail.tekst).toContain('Motie over <script>alert(1)</script> & "aanhalingstekens"');

    // The owner is told apart by address without case; a termijn of today is due, not overdue.
    const [bramMail] = aan(bram.email);
    expect(bramMail.onderwerp).toBe('Termijnen in het register: 1 binnenkort');
    expect(bramMail.tekst).toContain('vandaag');
    expect(bramMail.html).not.toContain(id.geenTermijndatum);
  });

  it('sends each configured office a weekly summary of its bewindspersoon, with the owners and the items nobody owns', async () => {
    const [minister, ...meer] = aan('secretariaat.minister@example.org');
    expect(meer).toHaveLength(0);
    expect(minister.onderwerp).toBe(`Weekoverzicht termijnen ${MINISTER} (week 49): 2 over de termijn, 3 binnenkort`);
    expect(minister.html).toContain('Fenna Fictief (Directie Politie)');
    expect(minister.html).toContain('nog geen behandelaar');
    expect(minister.html).toContain(id.zonder);
    expect(minister.html).not.toContain(id.staatssecretaris);
    expect(minister.tekst).toContain('1 item heeft nog geen behandelaar');
    const [staatssecretaris] = aan('secretariaat.staatssecretaris@example.org');
    expect(staatssecretaris.html).toContain(id.staatssecretaris);
    expect(staatssecretaris.html).toContain('Kees Kwijt');
  });

  it('records who was told what before it is sent, and the server’s answer after', async () => {
    const events = t.storedEvents().filter((e) => e.stream.startsWith('herinnering-'));
    const voorbereid = events.filter((e) => e.type === 'HerinneringVoorbereid');
    const verstuurd = events.filter((e) => e.type === 'HerinneringVerstuurd');
    expect(voorbereid).toHaveLength(5);
    expect(verstuurd).toHaveLength(5);
    const vanFenna = voorbereid.find((e) => (e.data.ontvanger as { email: string }).email === fenna.email)!;
    expect(vanFenna.data).toMatchObject({ soort: 'behandelaar', periode: DATUM, datum: DATUM, dagen: 30, inhoud: { aantalAchterstallig: 1, aantalBinnenkort: 2 } });
    expect((vanFenna.data.inhoud as { achterstallig: { itemId: string }[] }).achterstallig.map((i) => i.itemId)).toEqual([id.achterstallig]);
    const zijnVerstuurd = verstuurd.find((e) => e.stream === vanFenna.stream)!;
    expect(zijnVerstuurd.revision).toBe(vanFenna.revision + 1);
    expect(zijnVerstuurd.data).toMatchObject({ messageId: vanFenna.data.messageId, poging: 1, hervat: false });
    expect(zijnVerstuurd.data.smtpAntwoord).toMatch(/^250/);
  });

  it('shows auditors who was told about an item, and when, also after a rebuild', async () => {
    // The read model follows the log: the run's positie waits for what it recorded (without it, a fast reader may see less).
    const over = async () => (await t.as('auditor').get(`/api/herinneringen?itemId=${id.achterstallig}&minimalePositie=${eerste.positie}`).expect(200)).body;
    const antwoord = await over();
    expect(antwoord.totaal).toBe(2);
    const aanFenna = antwoord.herinneringen.find((h: { soort: string }) => h.soort === 'behandelaar');
    expect(aanFenna).toMatchObject({ ontvanger: { email: fenna.email, naam: 'Fenna Fictief' }, periode: DATUM, status: 'Verstuurd', pogingen: 1, item: { achterstallig: true, termijnDatum: '2026-11-01' } });
    expect(aanFenna.smtpAntwoord).toMatch(/^250/);
    expect(aanFenna.messageId).toBe(aan(fenna.email)[0].messageId);
    expect(antwoord.herinneringen.find((h: { soort: string }) => h.soort === 'bewindspersoon')).toMatchObject({ ontvanger: { email: 'secretariaat.minister@example.org' }, periode: '2026-W49' });
    // An item in no digest is in none; the liaison may not look.
    expect((await t.as('auditor').get(`/api/herinneringen?itemId=${id.teVer}`).expect(200)).body.totaal).toBe(0);
    await t.as('liaison').get('/api/herinneringen').expect(403);
    expect((await t.as('auditor').get('/api/herinneringen?ontvanger=BRAM.bedacht@example.org').expect(200)).body.totaal).toBe(1);
    await t.as('auditor').get('/api/herinneringen?itemId=geen-uuid').expect(400);
    const voorbij = await t.as('auditor').get(`/api/herinneringen?minimalePositie=${BigInt(eerste.positie) + 1000n}`).expect(400);
    expect(voorbij.body.fouten).toEqual([expect.objectContaining({ veld: 'minimalePositie' })]);

    await t.as('beheerder').post('/api/beheer/herbouwen').expect(200);
    expect(await over()).toEqual(antwoord);
  });

  it('sends nothing on a second run the same day, nor a weekly summary again that week', async () => {
    const voor = smtp.ontvangen.length;
    const events = t.eventCount();
    expect(await verstuur()).toMatchObject({ totaal: 5, verstuurd: 0, alVerstuurd: 5, mislukt: 0 });
    // Friday: the owners again (a new day), the offices not (the same week).
    const vrijdag = await verstuur('2026-12-04');
    expect(vrijdag).toMatchObject({ totaal: 5, verstuurd: 3, alVerstuurd: 2 });
    expect(smtp.ontvangen.slice(voor).map((m) => m.aan).sort()).toEqual([bram.email.toLowerCase(), fenna.email, kees.email]);
    expect(t.eventCount()).toBe(events + 6);
    // A day later the termijn of today is overdue; one 31 days ahead has come within reach.
    expect(aan(bram.email)[1].onderwerp).toBe('Termijnen in het register: 1 over de termijn');
    expect(aan(fenna.email)[1].html).toContain(id.teVer);
  });

  it('sends no weekly summary before the configured weekday in a new week', async () => {
    // Sunday 6 December counts to week 49 still; Monday 7 December begins week 50.
    const maandag = await verstuur('2026-12-07');
    expect(maandag.verstuurd).toBe(5);
    expect(aan('secretariaat.minister@example.org').map((m) => m.onderwerp)).toEqual([expect.stringContaining('(week 49)'), expect.stringContaining('(week 50)')]);
  });

  it('reports a recipient the server refuses, and does not try it again that day', async () => {
    smtp.weiger(fenna.email);
    const resultaat = await verstuur('2026-12-08');
    expect(resultaat).toMatchObject({ verstuurd: 2, alVerstuurd: 2, mislukt: 1, serverFout: null });
    expect(resultaat.fouten).toEqual([{ email: fenna.email, soort: 'behandelaar', reden: expect.stringContaining('550'), blijvend: true }]);
    const mislukt = t.storedEvents().filter((e) => e.type === 'HerinneringMislukt');
    expect(mislukt).toHaveLength(1);
    expect(mislukt[0].data).toMatchObject({ blijvend: true, poging: 1 });
    const nogEens = await verstuur('2026-12-08');
    expect(nogEens).toMatchObject({ verstuurd: 0, alVerstuurd: 4, eerderGeweigerd: 1, mislukt: 0 });
  });
});

/**
 * The server's schedule against a mail server that is not there: the run stops at the first
 * failure, records it, reports it on /health (without the SMTP password), and leaves the rest for
 * a later run.
 */
describe('herinneringen without a mail server', () => {
  let t: TestApp;
  let dichtePoort: number;
  const vandaag = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const dagenVoor = (n: number) => new Date(Date.parse(`${vandaag}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    // A port nothing listens on: taken and released.
    const leeg = createServer();
    await new Promise<void>((r) => leeg.listen(0, '127.0.0.1', r));
    dichtePoort = (leeg.address() as AddressInfo).port;
    await new Promise<void>((r) => leeg.close(() => r()));
    t = await startTestApp({ SMTP_URL: `smtp://gebruiker:geheim-wachtwoord@127.0.0.1:${dichtePoort}`, SMTP_AFZENDER: 'register@example.org' });
    for (const [n, email] of [[201, 'een@example.org'], [202, 'twee@example.org']] as const) {
      const res = await t.http.post('/api/toezeggingen').send(toezegging({ nummer: `TZ202412-${n}`, termijn: { omschrijving: 'voor de zomer', datum: dagenVoor(5) }, behandelaar: { naam: `Behandelaar ${n}`, email, directie: 'Directie Politie' } })).expect(201);
      await t.http.get(`/api/items?perPagina=1&minimalePositie=${res.body.positie}`).expect(200);
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('says on /health that the last run left mail unsent, and why', async () => {
    const voor = (await t.as('anoniem').get('/health').expect(200)).body.info.herinneringen;
    expect(voor).toMatchObject({ status: 'up', toestand: 'in orde', aan: true, schema: '0 7 * * 1-5', laatste: null });
    expect(Date.parse(voor.volgende)).toBeGreaterThan(Date.now());

    await t.app.get(HerinneringenJob).start(HERHALING_NIET);
    const health = (await t.as('anoniem').get('/health').expect(200)).body;
    expect(health.info.herinneringen).toMatchObject({ status: 'up', toestand: 'verstoord', verstoord: true, laatste: { datum: vandaag, verstuurd: 0, mislukt: 1, nietGeprobeerd: 1, serverOnbereikbaar: true } });
    // /health is public: counts only, never to whom or the server's words.
    expect(JSON.stringify(health)).not.toMatch(/een@example\.org|twee@example\.org|ECONN|geheim-wachtwoord/);
    // Staff see it whole.
    await t.as('liaison').get('/api/herinneringen/verzending').expect(403);
    const volledig = (await t.as('beheerder').get('/api/herinneringen/verzending').expect(200)).body;
    expect(volledig.laatste.resultaat).toMatchObject({ datum: vandaag, totaal: 2, verstuurd: 0, mislukt: 1, nietGeprobeerd: 1, fouten: [{ email: 'een@example.org', blijvend: false }] });
    expect(volledig.laatste.resultaat.serverFout).toMatch(/ECONNREFUSED|ECONNECTION/);
    expect(JSON.stringify(volledig)).not.toContain('geheim-wachtwoord');
    // The one tried is recorded as a failure that may pass; the other was not even prepared.
    const events = t.storedEvents().filter((e) => e.stream.startsWith('herinnering-'));
    expect(events.map((e) => e.type).sort()).toEqual(['HerinneringMislukt', 'HerinneringVoorbereid']);
    expect(events.find((e) => e.type === 'HerinneringMislukt')!.data).toMatchObject({ blijvend: false, poging: 1 });
  });

  it('sends what was left once the server is there, the failed one as the same message', async () => {
    const smtp = await startSmtp();
    const gezien = await startTestApp({ SMTP_URL: smtp.url, SMTP_AFZENDER: 'register@example.org' }, await stopVoorHergebruik(t));
    t = gezien;
    try {
      await gezien.app.get(HerinneringenJob).start(HERHALING_NIET);
      const status = (await gezien.as('anoniem').get('/health').expect(200)).body.info.herinneringen;
      expect(status).toMatchObject({ toestand: 'in orde', laatste: { verstuurd: 2, mislukt: 0, serverOnbereikbaar: false } });
      expect(smtp.ontvangen.map((m) => m.aan).sort()).toEqual(['een@example.org', 'twee@example.org']);
      const voorbereid = gezien.storedEvents().filter((e) => e.type === 'HerinneringVoorbereid');
      expect(voorbereid).toHaveLength(2);
      expect(smtp.ontvangen.map((m) => m.messageId).sort()).toEqual(voorbereid.map((e) => e.data.messageId).sort());
      const tweede = gezien.storedEvents().find((e) => e.type === 'HerinneringVerstuurd' && e.data.poging === 2);
      expect(tweede).toBeDefined();
    } finally {
      await smtp.close();
    }
  });

  it('says on every instance that an earlier day’s reminders were left unsent, which no later run sends', async () => {
    // The mail server is gone again; a run for yesterday fails at its first mail.
    const gisteren = dagenVoor(1);
    const commandId = '00000000-0000-4000-b000-000000000001';
    const r: HerinneringenResultaat = await t.app.get(CommandBus).execute(new VerstuurHerinneringenCommand(gisteren, { commandId, correlationId: commandId, causationId: commandId, actor: 'test' }));
    expect(r).toMatchObject({ mislukt: 1, nietGeprobeerd: 1 });
    // The count comes from the read model: once the projection has the failure.
    let status: { toestand: string; onafgemaakt: number } = { toestand: '', onafgemaakt: 0 };
    for (let i = 0; i < 50 && status.onafgemaakt === 0; i++) {
      status = (await t.as('anoniem').get('/health').expect(200)).body.info.herinneringen;
      if (status.onafgemaakt === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toMatchObject({ toestand: 'verstoord', onafgemaakt: 1 });
  });
});

/** Stops a test app and answers its data directory, for a new app on the same data. */
async function stopVoorHergebruik(t: TestApp): Promise<string> {
  await t.stop();
  return t.dataDir;
}

/** Past the last retry: the job does not schedule another attempt in the test. */
const HERHALING_NIET = 3;

/**
 * With PostgreSQL read models the run's lock is an advisory lock on a session of its own. When that
 * session breaks mid-run, another instance may take the lock: this run stops sending at once, says so,
 * and a later run sends the rest, each mail once.
 */
(process.env.E2E_LEESMODELLEN === 'postgres' ? describe : describe.skip)('herinneringen whose lock is lost', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  const verstuur = (n: number): Promise<HerinneringenResultaat> => {
    const commandId = `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
    return t.app.get(CommandBus).execute(new VerstuurHerinneringenCommand('2026-12-03', { commandId, correlationId: commandId, causationId: commandId, actor: 'test' }));
  };

  beforeAll(async () => {
    smtp = await startSmtp({ vertragingMs: 150 });
    t = await startTestApp({ SMTP_URL: smtp.url, SMTP_AFZENDER: 'register@example.org' });
    let positie = '0';
    for (let n = 1; n <= 6; n++) {
      positie = (await t.http.post('/api/toezeggingen').send(toezegging({ nummer: `TZ202412-${400 + n}`, termijn: { omschrijving: 'voor de kerst', datum: '2026-12-20' }, behandelaar: { naam: `Eigenaar ${n}`, email: `eigenaar${n}@example.org`, directie: 'Directie Politie' } })).expect(201)).body.positie;
    }
    await t.http.get(`/api/items?perPagina=1&minimalePositie=${positie}`).expect(200);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('stops when its session is ended, and the next run sends the rest once', async () => {
    const run = verstuur(1);
    while (smtp.ontvangen.length < 1) await new Promise((r) => setTimeout(r, 10));
    // End exactly the session that holds the reminders' lock (the projections' lease is another).
    const beeindigd = await t.app.get(DataSource).query(`SELECT pg_terminate_backend(pid) AS ok FROM pg_locks WHERE locktype = 'advisory' AND objid = (hashtext('register:herinneringen')::bigint & 4294967295)::oid`);
    expect(beeindigd).toHaveLength(1);
    const eerste = await run;
    expect(eerste.onderbroken).toMatch(/Het slot van de verzending ging verloren/);
    expect(eerste.verstuurd).toBeLessThan(6);
    expect(eerste.nietGeprobeerd).toBeGreaterThan(0);
    const tweede = await verstuur(2);
    expect(tweede).toMatchObject({ onderbroken: null, mislukt: 0 });
    expect(eerste.verstuurd + tweede.verstuurd).toBe(6);
    expect(new Set(smtp.ontvangen.map((m) => m.aan)).size).toBe(6);
    expect(smtp.ontvangen).toHaveLength(6);
  });
});

/** HERINNERING_DOMEINEN: reminders go to the ministry's own addresses only; others are reported, not mailed. */
describe('herinneringen within the configured mail domains', () => {
  let t: TestApp;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ SMTP_URL: smtp.url, SMTP_AFZENDER: 'register@minjenv.example', HERINNERING_DOMEINEN: 'minjenv.example' });
    let positie = '0';
    for (const [n, email] of [[501, 'binnen@minjenv.example'], [502, 'ook@dienst.minjenv.example'], [503, 'buiten@gmail.example']] as const) {
      positie = (await t.http.post('/api/toezeggingen').send(toezegging({ nummer: `TZ202412-${n}`, termijn: { omschrijving: 'voor de kerst', datum: '2026-12-20' }, behandelaar: { naam: `Eigenaar ${n}`, email, directie: 'Directie Politie' } })).expect(201)).body.positie;
    }
    await t.http.get(`/api/items?perPagina=1&minimalePositie=${positie}`).expect(200);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('mails the addresses in the domain (and its subdomains) and reports the others', async () => {
    const commandId = '00000000-0000-4000-a000-000000000001';
    const r: HerinneringenResultaat = await t.app.get(CommandBus).execute(new VerstuurHerinneringenCommand('2026-12-03', { commandId, correlationId: commandId, causationId: commandId, actor: 'test' }));
    expect(r).toMatchObject({ verstuurd: 2, buitenDomeinen: ['buiten@gmail.example'] });
    expect(r.melding).toContain('Niet verstuurd aan 1 adres buiten HERINNERING_DOMEINEN.');
    expect(smtp.ontvangen.map((m) => m.aan).sort()).toEqual(['binnen@minjenv.example', 'ook@dienst.minjenv.example']);
    expect(t.storedEvents().filter((e) => e.stream.startsWith('herinnering-') && JSON.stringify(e.data).includes('gmail'))).toEqual([]);
  });
});
