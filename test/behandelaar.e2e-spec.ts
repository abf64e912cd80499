import { GebruikersStore } from '@register/access';
import Ajv from 'ajv';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { TestApp, motie, startTestApp, toezegging } from './support/app';

/** As test/openapi.e2e-spec.ts: `nullable` as JSON Schema says it, and objects closed to undocumented fields. */
function strikt(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strikt);
  if (value === null || typeof value !== 'object') return value;
  const { nullable, ...rest } = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([n, p]) => [n, strikt(p)])) : strikt(v)])) as Record<string, unknown>;
  const gesloten = rest.type === 'object' && rest.properties && rest.additionalProperties === undefined ? { ...rest, additionalProperties: false } : rest;
  return nullable ? { anyOf: [{ type: 'null' }, gesloten] } : gesloten;
}

/** Validates answers that carry a behandelaar or an e-mail address against the OpenAPI document's own schemas. */
async function volgensDocument(t: TestApp): Promise<(path: string, body: unknown) => string[]> {
  const doc = (await t.as('anoniem').get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: unknown }> }> }>>; components: unknown };
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  const components = strikt(doc.components);
  return (route, body) => {
    const [method, path] = route.split(' ');
    const responses = doc.paths[path][method.toLowerCase()].responses;
    const schema = Object.entries(responses).find(([status]) => status.startsWith('2'))![1].content['application/json'].schema;
    const validate = ajv.compile({ ...(strikt(schema) as object), components });
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${route} ${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  };
}

/**
 * The behandelaar (owner) of an item over HTTP: at registration and by its own command with a
 * reason, kept in the history; the register's filters on directie and e-mail ("Mijn items"), the
 * dashboard's binnenkort and its counts per directie and behandelaar; users with an e-mail address.
 * Fictional people, addresses at example.org.
 */
describe('behandelaar', () => {
  let t: TestApp;
  const fenna = { naam: 'Fenna Fictief', email: 'fenna.fictief@example.org', directie: 'Directie Politie', afdeling: 'Afdeling Politiebestel' };
  const bram = { naam: 'Bram Bedacht', email: 'Bram.Bedacht@example.org', directie: 'Directie Veiligheid' };

  const zichtbaar = async (positie: string) => t.http.get(`/api/items?perPagina=1&minimalePositie=${positie}`).expect(200);
  const registreerMotie = async (extra: Record<string, unknown>) => {
    const res = (await t.http.post('/api/moties').send(motie(extra)).expect(201)).body;
    await zichtbaar(res.positie);
    return res as { itemId: string; revisie: number; positie: string };
  };
  const wijsToe = (itemId: string, body: Record<string, unknown>) => t.http.post(`/api/items/${itemId}/behandelaar`).send({ datum: '2025-06-20', reden: 'Nieuwe verdeling binnen de directie', ...body });

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('registers a motie and a toezegging with a behandelaar, shown in the full and the short view', async () => {
    const motieRes = await registreerMotie({ nummer: '29628-4001', behandelaar: fenna });
    const item = (await t.http.get(`/api/items/${motieRes.itemId}`).expect(200)).body;
    expect(item.behandelaar).toEqual(fenna);
    const kort = (await t.http.get('/api/items?weergave=kort&behandelaar=fenna.fictief%40example.org').expect(200)).body.items;
    expect(kort.map((i: { behandelaar: unknown }) => i.behandelaar)).toEqual([fenna]);

    const tz = (await t.http.post('/api/toezeggingen').send(toezegging({ nummer: 'TZ202501-4002', behandelaar: { ...bram, afdeling: null } })).expect(201)).body;
    const toez = (await t.http.get(`/api/items/${tz.itemId}?minimalePositie=${tz.positie}`).expect(200)).body;
    expect(toez.behandelaar).toEqual({ ...bram, afdeling: null });

    // Without one the item says so, and the stored registration has no field at all.
    const zonder = await registreerMotie({ nummer: '29628-4003' });
    expect((await t.http.get(`/api/items/${zonder.itemId}`).expect(200)).body.behandelaar).toBeNull();
    const opgeslagen = t.storedEvents().find((e) => e.type === 'MotieGeregistreerd' && e.data.itemId === zonder.itemId)!;
    expect('behandelaar' in opgeslagen.data).toBe(false);
  });

  it('assigns and changes the behandelaar with a reason; the history keeps who it was before', async () => {
    const { itemId } = await registreerMotie({ nummer: '29628-4010' });
    const eerste = (await wijsToe(itemId, { behandelaar: fenna, verwachteRevisie: 0 }).expect(200)).body;
    expect(eerste).toMatchObject({ itemId, revisie: 1 });
    const tweede = (await wijsToe(itemId, { behandelaar: bram, reden: 'Fenna met verlof' }).expect(200)).body;
    await zichtbaar(tweede.positie);
    expect((await t.http.get(`/api/items/${itemId}`).expect(200)).body.behandelaar).toEqual({ ...bram, afdeling: null });

    const events = t.storedEvents().filter((e) => e.data.itemId === itemId && e.type === 'MotieBehandelaarToegewezen');
    expect(events.map((e) => e.data)).toEqual([
      { itemId, datum: '2025-06-20', van: null, naar: fenna, reden: 'Nieuwe verdeling binnen de directie' },
      { itemId, datum: '2025-06-20', van: fenna, naar: { ...bram, afdeling: null }, reden: 'Fenna met verlof' },
    ]);
    expect(events.map((e) => e.metadata.actor)).toEqual(['test-griffier', 'test-griffier']);

    const historie = (await t.as('auditor').get(`/api/items/${itemId}/historie`).expect(200)).body.events;
    const regels = historie.filter((h: { event: string }) => h.event === 'MotieBehandelaarToegewezen');
    expect(regels.map((h: { samenvatting: string }) => h.samenvatting)).toEqual([
      'Behandelaar toegewezen: Fenna Fictief <fenna.fictief@example.org>, Directie Politie / Afdeling Politiebestel: Nieuwe verdeling binnen de directie',
      'Behandelaar gewijzigd: Bram Bedacht <Bram.Bedacht@example.org>, Directie Veiligheid: Fenna met verlof',
    ]);
    expect(regels[1].wijzigingen).toEqual([{ veld: 'behandelaar', oud: 'Fenna Fictief <fenna.fictief@example.org>, Directie Politie / Afdeling Politiebestel', nieuw: 'Bram Bedacht <Bram.Bedacht@example.org>, Directie Veiligheid' }]);
    expect(regels[0].datum).toBe('2025-06-20');
  });

  it('allows it on an afgedaan item, refuses it on a vervallen one and for the same behandelaar again (422, nothing appended)', async () => {
    const af = await registreerMotie({ nummer: '29628-4020' });
    await t.http.post(`/api/items/${af.itemId}/afdoening`).send({ datum: '2025-06-20', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2024/25, 29628, nr. 1260' }, toelichting: 'Afgedaan.' }).expect(200);
    await wijsToe(af.itemId, { behandelaar: fenna }).expect(200);

    const weg = await registreerMotie({ nummer: '29628-4021' });
    await t.http.post(`/api/items/${weg.itemId}/verval`).send({ datum: '2025-06-20', reden: 'Ingetrokken' }).expect(200);
    const voor = t.eventCount();
    const vervallen = (await wijsToe(weg.itemId, { behandelaar: fenna }).expect(422)).body;
    expect(vervallen).toMatchObject({ code: 'item-vervallen' });
    expect(vervallen.detail).toMatch(/vervallen/);

    const zelfde = (await wijsToe(af.itemId, { behandelaar: { ...fenna, email: 'FENNA.FICTIEF@example.org' } }).expect(422)).body;
    expect(zelfde).toMatchObject({ code: 'geen-wijziging' });
    expect(zelfde.detail).toBe('Er verandert niets: Fenna Fictief (FENNA.FICTIEF@example.org) is al de behandelaar.');
    // A business date before the item's own.
    expect((await wijsToe(af.itemId, { behandelaar: bram, datum: '2025-01-01' }).expect(422)).body).toMatchObject({ code: 'datum-voor-registratie' });
    expect(t.eventCount()).toBe(voor);
  });

  const lang = 'x'.repeat(201);
  const fouten: [string, Record<string, unknown>, string, RegExp][] = [
    ['an invalid e-mail address', { behandelaar: { ...fenna, email: 'fenna.fictief' } }, 'behandelaar.email', /geldig e-mailadres/],
    ['an e-mail address with a space', { behandelaar: { ...fenna, email: 'fenna fictief@example.org' } }, 'behandelaar.email', /geldig e-mailadres/],
    ['an e-mail address over 254 characters', { behandelaar: { ...fenna, email: `${'a'.repeat(250)}@example.org` } }, 'behandelaar.email', /hoogstens 254 tekens/],
    ['no e-mail address', { behandelaar: { naam: 'Fenna Fictief', directie: 'Directie Politie' } }, 'behandelaar.email', /verplicht/],
    ['an empty name', { behandelaar: { ...fenna, naam: '  ' } }, 'behandelaar.naam', /mag niet leeg zijn/],
    ['a name over 200 characters', { behandelaar: { ...fenna, naam: lang } }, 'behandelaar.naam', /hoogstens 200 tekens/],
    ['a directie over 200 characters', { behandelaar: { ...fenna, directie: lang } }, 'behandelaar.directie', /hoogstens 200 tekens/],
    ['an afdeling over 200 characters', { behandelaar: { ...fenna, afdeling: lang } }, 'behandelaar.afdeling', /hoogstens 200 tekens/],
    ['an unknown property', { behandelaar: { ...fenna, telefoon: '0612345678' } }, 'behandelaar.telefoon', /geen bekend veld/],
    ['no behandelaar', {}, 'behandelaar', /verplicht/],
    ['no reason', { behandelaar: fenna, reden: undefined }, 'reden', /verplicht/],
    ['a reason over 500 characters', { behandelaar: fenna, reden: 'r'.repeat(501) }, 'reden', /hoogstens 500 tekens/],
  ];

  it.each(fouten)('refuses %s with a Dutch message on the field, and appends nothing', async (_wat, body, veld, melding) => {
    const { itemId } = await registreerMotie({ nummer: `29628-${4100 + fouten.findIndex((f) => f[1] === body)}` });
    const voor = t.eventCount();
    const res = (await wijsToe(itemId, body).expect(400)).body;
    expect(res).toMatchObject({ status: 400, title: 'Ongeldige invoer' });
    const fout = (res.fouten as { veld: string; melding: string }[]).find((f) => f.veld === veld);
    expect(fout?.melding).toMatch(melding);
    expect(t.eventCount()).toBe(voor);
  });

  it('refuses a registration with a bad behandelaar, and appends nothing (not even the number)', async () => {
    const voor = t.eventCount();
    const res = (await t.http.post('/api/moties').send(motie({ nummer: '29628-4200', behandelaar: { ...fenna, email: 'geen adres' } })).expect(400)).body;
    expect(res.fouten).toEqual([{ veld: 'behandelaar.email', melding: 'moet een geldig e-mailadres zijn, zoals j.devries@example.org' }]);
    expect((await t.http.post('/api/toezeggingen').send(toezegging({ behandelaar: 'Fenna' })).expect(400)).body.fouten.map((f: { veld: string }) => f.veld)).toContain('behandelaar');
    expect(t.eventCount()).toBe(voor);
  });

  describe('finding by owner, the dashboard, and "Mijn items"', () => {
    let t2: TestApp;
    const sanne = { naam: 'Sanne Verzonnen', email: 'sanne.verzonnen@example.org', directie: 'Directie Politie' };

    beforeAll(async () => {
      t2 = await startTestApp();
      const reg = async (body: object, pad = '/api/moties') => (await t2.http.post(pad).send(body).expect(201)).body as { itemId: string; positie: string };
      // Peildatum 2025-07-01: overdue (termijn 30 June), binnenkort (1 and 31 July), later (1 August), none.
      await reg(motie({ nummer: '29628-5001', behandelaar: sanne, termijn: { omschrijving: 'voor de zomer', datum: '2025-07-01' } }));
      await reg(toezegging({ nummer: 'TZ202501-5002', behandelaar: { ...sanne, email: 'Sanne.Verzonnen@EXAMPLE.org' } }), '/api/toezeggingen');
      await reg(motie({ nummer: '29628-5003', behandelaar: { ...bram, directie: 'directie politie' }, termijn: { omschrijving: 'eind juli', datum: '2025-07-31' } }));
      await reg(motie({ nummer: '29628-5004', behandelaar: bram, termijn: { omschrijving: 'na de zomer', datum: '2025-08-01' } }));
      const laatste = await reg(motie({ nummer: '29628-5005', termijn: { omschrijving: 'voor de zomer', datum: '2025-07-01' } }));
      await t2.http.get(`/api/items?minimalePositie=${laatste.positie}`).expect(200);
    });

    afterAll(async () => {
      await t2.close();
    });

    const nummers = async (query: string, rol: 'griffier' | 'liaison' = 'liaison') =>
      ((await t2.as(rol).get(`/api/items?${query}`).expect(200)).body.items as { nummer: string }[]).map((i) => i.nummer);

    it('filters the register on directie and on the behandelaar’s e-mail, without case, also in the auditor’s register as it was', async () => {
      expect(await nummers('directie=DIRECTIE%20POLITIE')).toEqual(['29628-5001', '29628-5003', 'TZ202501-5002']);
      expect(await nummers('directie=directie%20veiligheid&status=open')).toEqual(['29628-5004']);
      expect(await nummers('behandelaar=sanne.verzonnen%40example.org&weergave=kort')).toEqual(['29628-5001', 'TZ202501-5002']);
      expect(await nummers('behandelaar=bram.bedacht%40example.org&directie=Directie%20Politie')).toEqual(['29628-5003']);
      expect(await nummers('behandelaar=sanne')).toEqual([]);
      const audit = (await t2.as('auditor').get('/api/audit/register?opDatum=2025-07-01&behandelaar=SANNE.verzonnen%40example.org').expect(200)).body;
      expect(audit.items.map((i: { nummer: string }) => i.nummer)).toEqual(['29628-5001', 'TZ202501-5002']);
      const fout = (await t2.as('liaison').get(`/api/items?directie=${'d'.repeat(201)}`).expect(400)).body;
      expect(fout.fouten).toEqual([{ veld: 'directie', melding: 'mag hoogstens 200 tekens lang zijn' }]);
    });

    it('counts binnenkort next to open and overdue, in total and per directie and behandelaar, keeping the other counts', async () => {
      const body = (await t2.as('liaison').get('/api/overzicht?peildatum=2025-07-01&maanden=2').expect(200)).body;
      expect(body).toMatchObject({ peildatum: '2025-07-01', open: 5, achterstallig: 1, binnenkort: 3, zonderBehandelaar: 1 });
      expect(body.perBewindspersoon).toEqual([{ waarde: 'minister van Justitie en Veiligheid', open: 5, achterstallig: 1 }]);
      expect(body.perDirectie).toEqual([
        { waarde: 'Directie Politie', open: 3, achterstallig: 1, binnenkort: 2 },
        { waarde: 'Directie Veiligheid', open: 1, achterstallig: 0, binnenkort: 0 },
      ]);
      expect(body.perBehandelaar).toEqual([
        { waarde: 'bram.bedacht@example.org', naam: 'Bram Bedacht', directie: 'Directie Veiligheid', open: 2, achterstallig: 0, binnenkort: 1 },
        { waarde: 'sanne.verzonnen@example.org', naam: 'Sanne Verzonnen', directie: 'Directie Politie', open: 2, achterstallig: 1, binnenkort: 1 },
      ]);
    });

    it('answers with behandelaars and e-mail addresses as the OpenAPI document describes them', async () => {
      const klopt = await volgensDocument(t2);
      const nieuw = (await t2.as('beheerder').post('/api/beheer/gebruikers').send({ naam: 'openapi.bram', rol: 'griffier', email: 'bram.bedacht@example.org' }).expect(201)).body;
      const item = (await t2.http.get('/api/items?behandelaar=bram.bedacht%40example.org').expect(200)).body;
      expect(item.items[0].behandelaar).not.toBeNull();
      expect([
        ...klopt('POST /api/beheer/gebruikers', nieuw),
        ...klopt('GET /api/beheer/gebruikers', (await t2.as('beheerder').get('/api/beheer/gebruikers').expect(200)).body),
        ...klopt('GET /api/ik', (await t2.as('anoniem').set('Authorization', `Bearer ${nieuw.token}`).get('/api/ik').expect(200)).body),
        ...klopt('GET /api/items', item),
        ...klopt('GET /api/items', (await t2.http.get('/api/items?weergave=kort&directie=directie%20politie').expect(200)).body),
        ...klopt('GET /api/items/{id}', (await t2.http.get(`/api/items/${item.items[0].itemId}`).expect(200)).body),
        ...klopt('GET /api/overzicht', (await t2.as('liaison').get('/api/overzicht?peildatum=2025-07-01').expect(200)).body),
        ...klopt('GET /api/audit/register', (await t2.as('auditor').get('/api/audit/register?opDatum=2025-07-01&directie=Directie%20Politie').expect(200)).body),
      ]).toEqual([]);
    });

    it('gives users an e-mail address: /api/ik answers it, and "Mijn items" is the register filtered on it', async () => {
      const beheerder = t2.as('beheerder');
      const nieuw = (await beheerder.post('/api/beheer/gebruikers').send({ naam: 'sanne.verzonnen', rol: 'liaison', email: 'Sanne.Verzonnen@example.org' }).expect(201)).body;
      expect(nieuw).toMatchObject({ naam: 'sanne.verzonnen', rol: 'liaison', email: 'Sanne.Verzonnen@example.org' });
      const lijst = (await beheerder.get('/api/beheer/gebruikers').expect(200)).body as { naam: string; email: string | null }[];
      expect(lijst.find((g) => g.naam === 'sanne.verzonnen')?.email).toBe('Sanne.Verzonnen@example.org');
      expect(lijst.find((g) => g.naam === 'test-liaison')?.email).toBeNull();

      const als = (token: string) => t2.as('anoniem').set('Authorization', `Bearer ${token}`);
      const ik = (await als(nieuw.token).get('/api/ik').expect(200)).body;
      expect(ik).toEqual({ naam: 'sanne.verzonnen', rollen: ['liaison'], email: 'Sanne.Verzonnen@example.org' });
      const mijn = (await als(nieuw.token).get(`/api/items?behandelaar=${encodeURIComponent(ik.email)}`).expect(200)).body.items;
      expect(mijn.map((i: { nummer: string }) => i.nummer)).toEqual(['29628-5001', 'TZ202501-5002']);
      // Without an address /api/ik says nothing about one.
      expect((await t2.as('liaison').get('/api/ik').expect(200)).body).toEqual({ naam: 'test-liaison', rollen: ['liaison'] });

      // The CLI and the store take one too; a bad address is refused with a Dutch message.
      const store = t2.app.get(GebruikersStore);
      expect(() => store.voegToe('bram.bedacht', 'griffier', { email: 'bram@' })).toThrow('"bram@" is geen geldig e-mailadres.');
      const fout = (await beheerder.post('/api/beheer/gebruikers').send({ naam: 'bram.bedacht', rol: 'griffier', email: 'bram bedacht' }).expect(400)).body;
      expect(fout.fouten).toEqual([{ veld: 'email', melding: 'moet een geldig e-mailadres zijn, zoals j.devries@example.org' }]);
      expect(store.gebruiker('bram.bedacht')).toBeUndefined();
    });
  });

  it('takes the e-mail address of an OIDC user from the token’s email claim, unless the IdP calls it unverified', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'sleutel-1', alg: 'RS256', use: 'sig' };
    const jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`;
    const oidc = await startTestApp({ OIDC_ISSUER: issuer, OIDC_AUDIENCE: 'register-api', OIDC_JWKS_URL: `${issuer}/jwks`, OIDC_ROLE_MAP: 'register-kamerliaison=liaison' });
    try {
      const ik = async (claims: Record<string, unknown>) => {
        const jwt = await new SignJWT({ preferred_username: 'f.fictief', roles: ['register-kamerliaison'], ...claims })
          .setProtectedHeader({ alg: 'RS256', kid: 'sleutel-1' })
          .setIssuer(issuer)
          .setAudience('register-api')
          .setExpirationTime('5m')
          .sign(privateKey);
        return (await oidc.as('anoniem').get('/api/ik').set('Authorization', `Bearer ${jwt}`).expect(200)).body;
      };
      expect(await ik({ email: 'Fenna.Fictief@example.org', email_verified: true })).toEqual({ naam: 'oidc:f.fictief', rollen: ['liaison'], email: 'Fenna.Fictief@example.org' });
      expect(await ik({ email: 'fenna.fictief@example.org' })).toMatchObject({ email: 'fenna.fictief@example.org' });
      expect(await ik({ email: 'fenna.fictief@example.org', email_verified: false })).toEqual({ naam: 'oidc:f.fictief', rollen: ['liaison'] });
      expect(await ik({ email: 'geen adres' })).toEqual({ naam: 'oidc:f.fictief', rollen: ['liaison'] });
      expect(await ik({})).toEqual({ naam: 'oidc:f.fictief', rollen: ['liaison'] });
    } finally {
      await oidc.close();
      await new Promise((resolve) => jwks.close(resolve));
    }
  });
});
