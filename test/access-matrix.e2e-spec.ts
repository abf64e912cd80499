import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rol, TestApp, motie, startTestApp, toezegging } from './support/app';

/**
 * Every endpoint × every role, plus no token and a bad token. The routes come from the OpenAPI
 * document, so an endpoint added later without an expectation here fails this test.
 */
const ROLLEN: Rol[] = ['griffier', 'auditor', 'liaison', 'beheerder'];
const LEZERS: Rol[] = ['griffier', 'auditor', 'liaison'];

interface Verzoek {
  readonly path: string;
  readonly body?: object;
  /** A multipart upload instead of a JSON body. */
  readonly upload?: { readonly velden: Record<string, string>; readonly bestand: Buffer };
  readonly headers?: Record<string, string>;
}

type Voorbereiding = (t: TestApp, wie: Rol | 'anoniem' | 'ongeldig') => Promise<Verzoek>;

/** A new motie, already visible in the register. */
const nieuwItem = async (t: TestApp, nummer?: string) => {
  const res = (await t.http.post('/api/moties').send(motie({ nummer: nummer ?? `4${String(Math.floor(Math.random() * 9000) + 1000)}-${Math.floor(Math.random() * 9000) + 1}` })).expect(201)).body;
  await t.http.get(`/api/items?perPagina=1&minimalePositie=${res.positie}`).expect(200);
  return res.itemId as string;
};

const afdoening = { datum: '2025-06-20', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2024/25, 29628, nr. 1260' }, toelichting: 'Afgedaan.' };

const bericht = () => ({ jaar: 2025, helft: 1, titel: `Bericht ${uniek()}`, peildatum: '2025-06-01', secties: ['A'] });

/** A draft report the read model already shows; `metItem` gives it something to send. */
const nieuwBericht = async (t: TestApp, _zichtbaar = false, metItem = false) => {
  const res = (await t.http.post('/api/halfjaarberichten').send(bericht()).expect(201)).body;
  let positie = res.positie;
  if (metItem) positie = (await t.http.post(`/api/halfjaarberichten/${res.berichtId}/items`).send({ itemId: await nieuwItem(t), sectie: 'A', tekst: 'x', status: 'in-behandeling' }).expect(200)).body.positie;
  await t.http.get(`/api/items?perPagina=1&minimalePositie=${positie}`).expect(200);
  return res.berichtId as string;
};

/** An annex read into the inbox, each time a different document (so a new batch); answers its first proposal. */
const ANNEX = readFileSync(join(__dirname, 'fixtures/import/002_bb53b5d01be0cbfb.txt'), 'utf8');
const UPLOAD_VELDEN = { bewindspersoon: 'minister van Justitie en Veiligheid', ministerie: 'JenV' };
const uniekeAnnex = () => Buffer.from(`${ANNEX}\n(kopie ${uniek()})\n`);
const nieuweImport = async (t: TestApp) => {
  const req = t.http.post('/api/importen');
  for (const [k, v] of Object.entries(UPLOAD_VELDEN)) req.field(k, v);
  const res = (await req.attach('bestand', uniekeAnnex(), 'annex.txt').expect(201)).body;
  const batch = (await t.http.get(`/api/importen/${res.batchId}?minimalePositie=${res.positie}`).expect(200)).body;
  return { batchId: res.batchId as string, voorstel: batch.voorstellen[0].id as string };
};

let volgnummer = 0;
const uniek = () => ++volgnummer;

/** A motie of a bewindspersoon of its own, visible in the register: something for one bulk change to take. */
const eigenMinister = async (t: TestApp) => {
  const van = `minister voor de matrix ${uniek()}`;
  const res = (await t.http.post('/api/moties').send(motie({ nummer: `29628-${8000 + uniek()}`, bewindspersoon: van })).expect(201)).body;
  await t.http.get(`/api/items?perPagina=1&minimalePositie=${res.positie}`).expect(200);
  return { van, itemId: res.itemId as string };
};
const overdracht = (van: string) => ({ van, naar: { bewindspersoon: 'minister van Asiel en Migratie', ministerie: 'AenM' }, datum: '2025-07-02', reden: 'Kabinetswisseling' });
const termijnwijziging = (itemId: string) => ({ itemIds: [itemId], termijn: { omschrijving: 'voor de zomer', datum: '2025-07-01' }, datum: '2025-06-20', reden: 'Uitstel' });
/** Carrying out a bulk change needs an Idempotency-Key. */
const metSleutel = () => ({ 'Idempotency-Key': `matrix-${uniek()}` });

/** Expected roles and a valid request for each documented route. */
const ROUTES: Record<string, { rollen: Rol[] | 'publiek'; verzoek: Voorbereiding }> = {
  'POST /api/moties': { rollen: ['griffier'], verzoek: async () => ({ path: '/api/moties', body: motie({ nummer: `29628-${3000 + uniek()}` }) }) },
  'POST /api/toezeggingen': { rollen: ['griffier'], verzoek: async () => ({ path: '/api/toezeggingen', body: toezegging({ nummer: `TZ202501-${uniek()}` }) }) },
  'POST /api/items/{id}/correcties': { rollen: ['griffier'], verzoek: async (t) => ({ path: `/api/items/${await nieuwItem(t)}/correcties`, body: { correcties: { titel: `Gecorrigeerd ${uniek()}` }, reden: 'Typfout' } }) },
  'POST /api/items/{id}/termijn': { rollen: ['griffier'], verzoek: async (t) => ({ path: `/api/items/${await nieuwItem(t)}/termijn`, body: { datum: '2025-06-01', termijn: { omschrijving: 'voor de zomer', datum: '2025-07-01' }, reden: 'Nieuw' } }) },
  'POST /api/items/{id}/voortgang': { rollen: ['griffier'], verzoek: async (t) => ({ path: `/api/items/${await nieuwItem(t)}/voortgang`, body: { datum: '2025-06-20', tekst: 'Loopt.' } }) },
  'POST /api/items/{id}/afdoening': { rollen: ['griffier'], verzoek: async (t) => ({ path: `/api/items/${await nieuwItem(t)}/afdoening`, body: afdoening }) },
  'POST /api/items/{id}/deelafdoening': { rollen: ['griffier'], verzoek: async (t) => ({ path: `/api/items/${await nieuwItem(t)}/deelafdoening`, body: { datum: '2025-06-20', deel: 'een deel', bewijs: afdoening.wijze } }) },
  'POST /api/items/{id}/heropening': {
    rollen: ['griffier'],
    verzoek: async (t) => {
      const id = await nieuwItem(t);
      await t.http.post(`/api/items/${id}/afdoening`).send(afdoening).expect(200);
      return { path: `/api/items/${id}/heropening`, body: { datum: '2025-09-01', reden: 'Kamer niet akkoord' } };
    },
  },
  'POST /api/items/{id}/overdracht': { rollen: ['griffier'], verzoek: async (t) => ({ path: `/api/items/${await nieuwItem(t)}/overdracht`, body: { datum: '2025-06-20', naar: { bewindspersoon: 'staatssecretaris', ministerie: 'JenV' }, reden: 'x' } }) },
  'POST /api/items/{id}/koppelingen': { rollen: ['griffier'], verzoek: async (t) => ({ path: `/api/items/${await nieuwItem(t)}/koppelingen`, body: { datum: '2025-06-20', relatie: 'samen-behandeld-met', doelItemId: await nieuwItem(t) } }) },
  'POST /api/items/{id}/behandelaar': {
    rollen: ['griffier'],
    verzoek: async (t) => ({ path: `/api/items/${await nieuwItem(t)}/behandelaar`, body: { datum: '2025-06-20', behandelaar: { naam: 'Fenna Fictief', email: 'fenna.fictief@example.org', directie: 'Directie Politie' }, reden: 'Toegewezen' } }),
  },
  'POST /api/items/{id}/verval': { rollen: ['griffier'], verzoek: async (t) => ({ path: `/api/items/${await nieuwItem(t)}/verval`, body: { datum: '2025-06-20', reden: 'Ingetrokken' } }) },
  'GET /api/items': { rollen: LEZERS, verzoek: async () => ({ path: '/api/items?status=open' }) },
  'GET /api/suggesties': { rollen: LEZERS, verzoek: async () => ({ path: '/api/suggesties?veld=lid&q=bos' }) },
  'GET /api/items/{id}': { rollen: LEZERS, verzoek: async (t) => ({ path: `/api/items/${await nieuwItem(t)}` }) },
  'GET /api/items/nummer/{nummer}': {
    rollen: LEZERS,
    verzoek: async (t) => {
      const nummer = `29628-${5000 + uniek()}`;
      await nieuwItem(t, nummer);
      return { path: `/api/items/nummer/${nummer}` };
    },
  },
  'GET /api/overzicht': { rollen: LEZERS, verzoek: async () => ({ path: '/api/overzicht?peildatum=2025-07-01' }) },
  'GET /api/rappel': { rollen: LEZERS, verzoek: async () => ({ path: '/api/rappel?peildatum=2026-01-01' }) },
  'GET /api/ik': { rollen: ROLLEN, verzoek: async () => ({ path: '/api/ik' }) },
  'GET /api/beheer/gebruikers': { rollen: ['beheerder'], verzoek: async () => ({ path: '/api/beheer/gebruikers' }) },
  'POST /api/beheer/gebruikers': { rollen: ['beheerder'], verzoek: async () => ({ path: '/api/beheer/gebruikers', body: { naam: `nieuw-${uniek()}`, rol: 'liaison' } }) },
  'DELETE /api/beheer/gebruikers/{naam}': {
    rollen: ['beheerder'],
    verzoek: async (t) => {
      const naam = `weg-${uniek()}`;
      await t.as('beheerder').post('/api/beheer/gebruikers').send({ naam, rol: 'liaison' }).expect(201);
      return { path: `/api/beheer/gebruikers/${naam}` };
    },
  },
  'POST /api/beheer/herbouwen': { rollen: ['beheerder'], verzoek: async () => ({ path: '/api/beheer/herbouwen' }) },
  'GET /health': { rollen: 'publiek', verzoek: async () => ({ path: '/health' }) },
  'GET /api/herinneringen': { rollen: ['auditor', 'griffier'], verzoek: async () => ({ path: '/api/herinneringen?ontvanger=iemand@example.org' }) },
  'GET /api/kamer/verschillen': { rollen: LEZERS, verzoek: async () => ({ path: '/api/kamer/verschillen' }) },
  'GET /api/kamer/status': { rollen: [...LEZERS, 'beheerder'], verzoek: async () => ({ path: '/api/kamer/status' }) },
  // The link points at a closed port: the run starts (202), finds nothing to ask and writes nothing.
  'POST /api/kamer/synchronisatie': { rollen: ['griffier'], verzoek: async () => ({ path: '/api/kamer/synchronisatie' }) },
  'GET /api/herinneringen/verzending': { rollen: ['beheerder', 'auditor', 'griffier'], verzoek: async () => ({ path: '/api/herinneringen/verzending' }) },
  'POST /api/agenda-abonnementen': { rollen: LEZERS, verzoek: async () => ({ path: '/api/agenda-abonnementen', body: { filter: {} } }) },
  'GET /api/agenda-abonnementen': { rollen: [...LEZERS, 'beheerder'], verzoek: async () => ({ path: '/api/agenda-abonnementen' }) },
  'DELETE /api/agenda-abonnementen/{id}': {
    rollen: [...LEZERS, 'beheerder'],
    // One's own subscription (a beheerder may revoke anyone's, and makes none).
    verzoek: async (t, wie) => {
      const eigenaar = LEZERS.includes(wie as Rol) ? (wie as Rol) : 'liaison';
      const { id } = (await t.as(eigenaar).post('/api/agenda-abonnementen').send({ filter: {} }).expect(201)).body;
      return { path: `/api/agenda-abonnementen/${id}` };
    },
  },
  'GET /agenda/{bestand}': {
    rollen: 'publiek',
    verzoek: async (t) => ({ path: (await t.as('liaison').post('/api/agenda-abonnementen').send({ filter: {} }).expect(201)).body.url }),
  },
  // The public side (OPENBAAR=aan): open to everyone, a bad token changes nothing.
  'GET /openbaar/api/v1/items': { rollen: 'publiek', verzoek: async () => ({ path: '/openbaar/api/v1/items?status=open' }) },
  'GET /openbaar/api/v1/items/{sleutel}': { rollen: 'publiek', verzoek: async (t) => ({ path: `/openbaar/api/v1/items/${await nieuwItem(t)}` }) },
  'GET /openbaar/api/v1/halfjaarberichten': { rollen: 'publiek', verzoek: async () => ({ path: '/openbaar/api/v1/halfjaarberichten' }) },
  'GET /openbaar/api/v1/halfjaarberichten/{id}': {
    rollen: 'publiek',
    verzoek: async (t) => {
      const id = await nieuwBericht(t, true, true);
      const { positie } = (await t.http.post(`/api/halfjaarberichten/${id}/verzending`).send({ datum: '2025-06-20', kenmerk: `K${uniek()}` }).expect(200)).body;
      await t.http.get(`/api/items?perPagina=1&minimalePositie=${positie}`).expect(200);
      return { path: `/openbaar/api/v1/halfjaarberichten/${id}` };
    },
  },
  'GET /openbaar/api/v1/wijzigingen': { rollen: 'publiek', verzoek: async () => ({ path: '/openbaar/api/v1/wijzigingen' }) },
  'GET /openbaar/feed.atom': { rollen: 'publiek', verzoek: async () => ({ path: '/openbaar/feed.atom' }) },
  'GET /openbaar/register.csv': { rollen: 'publiek', verzoek: async () => ({ path: '/openbaar/register.csv' }) },
  'GET /openbaar/dumps': { rollen: 'publiek', verzoek: async () => ({ path: '/openbaar/dumps' }) },
  'GET /openbaar/dumps/{bestand}': { rollen: 'publiek', verzoek: async () => ({ path: `/openbaar/dumps/register-${new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date())}.json.gz` }) },
  'GET /api/items/{id}/historie': { rollen: ['auditor', 'griffier'], verzoek: async (t) => ({ path: `/api/items/${await nieuwItem(t)}/historie` }) },
  'GET /api/audit/verificatie': {
    rollen: ['auditor'],
    verzoek: async (t) => {
      await t.as('auditor').post('/api/audit/verificatie').send({}).expect(202);
      return { path: '/api/audit/verificatie' };
    },
  },
  'POST /api/audit/verificatie': { rollen: ['auditor'], verzoek: async () => ({ path: '/api/audit/verificatie', body: {} }) },
  'GET /api/audit/register': { rollen: ['auditor'], verzoek: async () => ({ path: '/api/audit/register?opDatum=2025-07-01&status=open' }) },
  'GET /api/audit/halfjaarberichten/{id}': { rollen: ['auditor'], verzoek: async (t) => ({ path: `/api/audit/halfjaarberichten/${await nieuwBericht(t)}?opDatum=2025-07-01` }) },
  'GET /api/audit/items/{id}': { rollen: ['auditor'], verzoek: async (t) => ({ path: `/api/audit/items/${await nieuwItem(t)}?opDatum=2025-07-01` }) },
  'POST /api/halfjaarberichten': { rollen: ['griffier'], verzoek: async () => ({ path: '/api/halfjaarberichten', body: bericht() }) },
  'GET /api/halfjaarberichten': { rollen: LEZERS, verzoek: async () => ({ path: '/api/halfjaarberichten' }) },
  'GET /api/halfjaarberichten/{id}': { rollen: LEZERS, verzoek: async (t) => ({ path: `/api/halfjaarberichten/${await nieuwBericht(t)}` }) },
  'GET /api/halfjaarberichten/{id}/bijlage': { rollen: LEZERS, verzoek: async (t) => ({ path: `/api/halfjaarberichten/${await nieuwBericht(t, true)}/bijlage?formaat=md` }) },
  'POST /api/halfjaarberichten/{id}/items': { rollen: ['griffier'], verzoek: async (t) => ({ path: `/api/halfjaarberichten/${await nieuwBericht(t)}/items`, body: { itemId: await nieuwItem(t), sectie: 'A', tekst: 'x', status: 'in-behandeling' } }) },
  'DELETE /api/halfjaarberichten/{id}/items/{itemId}': {
    rollen: ['griffier'],
    verzoek: async (t) => {
      const id = await nieuwBericht(t);
      const itemId = await nieuwItem(t);
      await t.http.post(`/api/halfjaarberichten/${id}/items`).send({ itemId, sectie: 'A', tekst: 'x', status: 'in-behandeling' }).expect(200);
      return { path: `/api/halfjaarberichten/${id}/items/${itemId}` };
    },
  },
  'POST /api/halfjaarberichten/{id}/zaken': { rollen: ['griffier'], verzoek: async (t) => ({ path: `/api/halfjaarberichten/${await nieuwBericht(t)}/zaken`, body: { sectie: 'A', titel: 'x', tekst: 'y' } }) },
  'DELETE /api/halfjaarberichten/{id}/zaken/{zaakId}': {
    rollen: ['griffier'],
    verzoek: async (t) => {
      const id = await nieuwBericht(t);
      const { zaakId } = (await t.http.post(`/api/halfjaarberichten/${id}/zaken`).send({ sectie: 'A', titel: 'x', tekst: 'y' }).expect(200)).body;
      return { path: `/api/halfjaarberichten/${id}/zaken/${zaakId}` };
    },
  },
  'POST /api/halfjaarberichten/{id}/verzending': { rollen: ['griffier'], verzoek: async (t) => ({ path: `/api/halfjaarberichten/${await nieuwBericht(t, false, true)}/verzending`, body: { datum: '2025-06-20', kenmerk: 'K1' } }) },
  'POST /api/halfjaarberichten/{id}/kamerstuk': {
    rollen: ['griffier'],
    verzoek: async (t) => {
      const id = await nieuwBericht(t, false, true);
      await t.http.post(`/api/halfjaarberichten/${id}/verzending`).send({ datum: '2025-06-20', kenmerk: 'K1' }).expect(200);
      return { path: `/api/halfjaarberichten/${id}/kamerstuk`, body: { kamerstuk: 'Kamerstukken II 2024/25, 29628, nr. 1262' } };
    },
  },
  'POST /api/importen': { rollen: ['griffier'], verzoek: async () => ({ path: '/api/importen', upload: { velden: UPLOAD_VELDEN, bestand: uniekeAnnex() } }) },
  'GET /api/importen': { rollen: ['griffier', 'auditor'], verzoek: async () => ({ path: '/api/importen' }) },
  'GET /api/importen/{id}': { rollen: ['griffier', 'auditor'], verzoek: async (t) => ({ path: `/api/importen/${(await nieuweImport(t)).batchId}` }) },
  'POST /api/importen/{id}/aanvaarding': { rollen: ['griffier'], verzoek: async (t) => ({ path: `/api/importen/${(await nieuweImport(t)).batchId}/aanvaarding`, body: { minimaleZekerheid: 0.99 } }) },
  'GET /api/voorstellen': { rollen: ['griffier', 'auditor'], verzoek: async () => ({ path: '/api/voorstellen?status=open' }) },
  'POST /api/voorstellen/{id}/aanvaarding': { rollen: ['griffier'], verzoek: async (t) => ({ path: `/api/voorstellen/${(await nieuweImport(t)).voorstel}/aanvaarding`, body: { wijzigingen: { nummer: `29628-${5000 + uniek()}`, vergaderjaar: '2020/21', leden: [{ naam: 'Jansen', fractie: null }] } } }) },
  'POST /api/voorstellen/{id}/samenvoeging': { rollen: ['griffier'], verzoek: async (t) => ({ path: `/api/voorstellen/${(await nieuweImport(t)).voorstel}/samenvoeging`, body: { itemId: await nieuwItem(t) } }) },
  'POST /api/voorstellen/{id}/afwijzing': { rollen: ['griffier'], verzoek: async (t) => ({ path: `/api/voorstellen/${(await nieuweImport(t)).voorstel}/afwijzing`, body: { reden: 'Geen item.' } }) },
  'POST /api/overdrachten': { rollen: ['griffier'], verzoek: async (t) => ({ path: '/api/overdrachten', body: overdracht((await eigenMinister(t)).van), headers: metSleutel() }) },
  'POST /api/overdrachten/voorbeeld': { rollen: ['griffier'], verzoek: async (t) => ({ path: '/api/overdrachten/voorbeeld', body: overdracht((await eigenMinister(t)).van) }) },
  'GET /api/overdrachten/{id}': {
    rollen: ['griffier', 'auditor'],
    verzoek: async (t) => ({ path: `/api/overdrachten/${(await t.http.post('/api/overdrachten').set(metSleutel()).send(overdracht((await eigenMinister(t)).van)).expect(200)).body.id}` }),
  },
  'POST /api/termijnwijzigingen': { rollen: ['griffier'], verzoek: async (t) => ({ path: '/api/termijnwijzigingen', body: termijnwijziging(await nieuwItem(t)), headers: metSleutel() }) },
  'POST /api/termijnwijzigingen/voorbeeld': { rollen: ['griffier'], verzoek: async (t) => ({ path: '/api/termijnwijzigingen/voorbeeld', body: termijnwijziging(await nieuwItem(t)) }) },
  'GET /api/termijnwijzigingen/{id}': {
    rollen: ['griffier', 'auditor'],
    verzoek: async (t) => ({ path: `/api/termijnwijzigingen/${(await t.http.post('/api/termijnwijzigingen').set(metSleutel()).send(termijnwijziging(await nieuwItem(t))).expect(200)).body.id}` }),
  },
};

describe('access matrix: every endpoint × every role, no token and a bad token', () => {
  let t: TestApp;
  let routes: string[];

  beforeAll(async () => {
    // The matrix sends many bad tokens and public files on purpose; those limits are tested on their own.
    t = await startTestApp({ AUTH_MAX_MISLUKT: '100000', OPENBAAR: 'aan', OPENBAAR_BESTANDEN_PER_MINUUT: '1000', TK_ODATA_URL: 'http://127.0.0.1:9/OData/v4/2.0/', TK_MINISTERIE: 'Justitie en Veiligheid', TK_RETRY_MS: '0' });
    const doc = (await t.as('anoniem').get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
  });

  afterAll(async () => {
    await t.close();
  });

  it('has an expectation for every documented endpoint', () => {
    expect(routes.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  const gevallen = Object.entries(ROUTES).flatMap(([route, { rollen }]) =>
    [...ROLLEN, 'anoniem', 'ongeldig'].map((wie) => {
      const verwacht = rollen === 'publiek' ? 200 : wie === 'anoniem' || wie === 'ongeldig' ? 401 : rollen.includes(wie as Rol) ? 200 : 403;
      return [route, wie, verwacht] as const;
    }),
  );

  it.each(gevallen)('%s as %s → %s', async (route, wie, verwacht) => {
    const [method] = route.split(' ');
    const { path, body, upload, headers } = await ROUTES[route].verzoek(t, wie as Rol | 'anoniem' | 'ongeldig');
    const agent = wie === 'ongeldig' ? t.as('anoniem').set('Authorization', 'Bearer mtr_ditisgeengeldigtokenmaarwelgoedgevormd') : t.as(wie as Rol | 'anoniem');
    const voor = t.eventCount();
    const multipart = () => {
      const req = agent.post(path);
      for (const [k, v] of Object.entries(upload!.velden)) req.field(k, v);
      return req.attach('bestand', upload!.bestand, 'annex.txt');
    };
    const call = method === 'GET' ? agent.get(path) : method === 'DELETE' ? agent.delete(path) : upload ? multipart() : agent.post(path).set(headers ?? {}).send(body ?? {});
    const res = await call;
    if (verwacht === 200) {
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(res.status).toBeLessThan(300);
    } else {
      expect(res.status).toBe(verwacht);
      expect(res.body.status).toBe(verwacht);
      expect(t.eventCount()).toBe(voor);
    }
  });
});

describe('brute-force protection', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ AUTH_MAX_MISLUKT: '5' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with Retry-After to bad tokens after repeated failed authentication, and still lets a valid token in', async () => {
    for (let i = 0; i < 5; i++) await t.as('anoniem').get('/api/items').set('Authorization', `Bearer mtr_fout${i}xxxxxxxxxxxxxx`).expect(401);
    const geblokkeerd = await t.as('anoniem').get('/api/items').set('Authorization', 'Bearer mtr_nogeenfoutxxxxxxxxx').expect(429);
    expect(Number(geblokkeerd.headers['retry-after'])).toBeGreaterThan(0);
    expect(geblokkeerd.body.detail).toMatch(/Te veel mislukte aanmeldpogingen/);
    await t.http.get('/api/items').expect(200);
  });

  it('revoking a user stops its token at once', async () => {
    const fresh = await startTestApp();
    try {
      await fresh.as('liaison').get('/api/items').expect(200);
      await fresh.as('beheerder').delete('/api/beheer/gebruikers/test-liaison').expect(204);
      await fresh.as('liaison').get('/api/items').expect(401);
    } finally {
      await fresh.close();
    }
  });
});
