import fc from 'fast-check';
import { TestApp, motie, startTestApp, toezegging } from './support/app';

jest.setTimeout(120_000);

/**
 * Thousands of generated hostile requests against every command endpoint and the register query:
 * random JSON, wrong types, huge values, odd Unicode, injection strings, malformed JSON, unknown
 * properties. No answer may be a 5xx, and the store must hold exactly the events it held before.
 */
const HOSTILE_STRINGS = [
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '../../../../etc/passwd',
  '\u0000\u0001\u0002',
  '\uD800',
  '🇳🇱👩‍⚖️🏛️',
  'Ｔｚ２０２４１２－１５６',
  '\u202Eevil',
  'NEAR(a b) OR c*',
  '%00%ff',
  '2025-02-30',
  '29628-0',
  'TZ-1',
];

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));
// null is left out: on optional fields (a toezegging's nummer) it is a valid "none".
const nonString = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 3 }));
const huge = fc.integer({ min: 20_001, max: 200_000 }).map((n) => 'ä'.repeat(n));

interface Endpoint {
  readonly path: (itemId: string) => string;
  readonly valid: () => Record<string, unknown>;
  /** Fields whose content has a format: any hostile string there is invalid. */
  readonly formatVelden: string[];
  /** Free-text fields: only a non-string or an oversized string is invalid there. */
  readonly tekstVelden: string[];
}

const wijze = { soort: 'kamerstuk', referentie: 'Kamerstukken II 2024/25, 29628, nr. 1260' };
const ENDPOINTS: Endpoint[] = [
  { path: () => '/api/moties', valid: () => motie({ nummer: '29628-9999' }), formatVelden: ['nummer', 'vergaderjaar', 'datum'], tekstVelden: ['titel', 'tekst', 'debat', 'bewindspersoon', 'ministerie', 'thema'] },
  { path: () => '/api/toezeggingen', valid: () => toezegging({ nummer: 'TZ209912-1' }), formatVelden: ['nummer', 'vergaderjaar', 'datum'], tekstVelden: ['titel', 'tekst', 'debat', 'thema'] },
  { path: (id) => `/api/items/${id}/voortgang`, valid: () => ({ datum: '2025-06-20', tekst: 'stand' }), formatVelden: ['datum'], tekstVelden: ['tekst'] },
  { path: (id) => `/api/items/${id}/afdoening`, valid: () => ({ datum: '2025-06-20', wijze, toelichting: 'x' }), formatVelden: ['datum'], tekstVelden: ['toelichting'] },
  { path: (id) => `/api/items/${id}/deelafdoening`, valid: () => ({ datum: '2025-06-20', deel: 'x', bewijs: wijze }), formatVelden: ['datum'], tekstVelden: ['deel'] },
  { path: (id) => `/api/items/${id}/heropening`, valid: () => ({ datum: '2025-06-20', reden: 'x' }), formatVelden: ['datum'], tekstVelden: ['reden'] },
  { path: (id) => `/api/items/${id}/termijn`, valid: () => ({ datum: '2025-06-20', termijn: { omschrijving: 'x', datum: '2025-07-01' }, reden: 'x' }), formatVelden: ['datum'], tekstVelden: ['reden'] },
  { path: (id) => `/api/items/${id}/overdracht`, valid: () => ({ datum: '2025-06-20', naar: { bewindspersoon: 'x', ministerie: 'y' }, reden: 'x' }), formatVelden: ['datum'], tekstVelden: ['reden'] },
  { path: (id) => `/api/items/${id}/koppelingen`, valid: () => ({ datum: '2025-06-20', relatie: 'meegenomen-in', doelItemId: '00000000-0000-4000-8000-000000000000' }), formatVelden: ['datum', 'relatie', 'doelItemId'], tekstVelden: [] },
  { path: (id) => `/api/items/${id}/verval`, valid: () => ({ datum: '2025-06-20', reden: 'x' }), formatVelden: ['datum'], tekstVelden: ['reden'] },
  { path: (id) => `/api/items/${id}/correcties`, valid: () => ({ correcties: { titel: 'x' }, reden: 'x' }), formatVelden: [], tekstVelden: ['reden'] },
];

/** Percent-encodes every byte, so that even lone surrogates make a valid request line. */
const percentEncode = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

type Aanval = { soort: string; endpoint: number; body: unknown; raw?: string; pad?: string };

const aanval: fc.Arbitrary<Aanval> = fc.integer({ min: 0, max: ENDPOINTS.length - 1 }).chain((endpoint) => {
  const e = ENDPOINTS[endpoint];
  const veld = (velden: string[]) => fc.constantFrom(...(velden.length ? velden : ['datum']));
  return fc.oneof(
    fc.jsonValue().map((body) => ({ soort: 'willekeurige JSON', endpoint, body })),
    fc.tuple(fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !(k in e.valid()) && k !== '__proto__'), fc.oneof(hostileString, nonString)).map(([k, v]) => ({ soort: 'onbekend veld', endpoint, body: { ...e.valid(), [k]: v } })),
    fc.tuple(veld(e.formatVelden), hostileString).map(([k, v]) => ({ soort: 'verkeerd formaat', endpoint, body: { ...e.valid(), [k]: v } })),
    fc.tuple(veld([...e.formatVelden, ...e.tekstVelden]), nonString).map(([k, v]) => ({ soort: 'verkeerd type', endpoint, body: { ...e.valid(), [k]: v } })),
    fc.tuple(veld(e.tekstVelden.length ? e.tekstVelden : e.formatVelden), huge).map(([k, v]) => ({ soort: 'te groot', endpoint, body: { ...e.valid(), [k]: v } })),
    fc.string({ maxLength: 60 }).map((raw) => ({ soort: 'kapotte JSON', endpoint, body: undefined, raw: `{${raw}` })),
    hostileString.map((id) => ({ soort: 'vreemd id', endpoint, body: e.valid(), pad: `/api/items/${percentEncode(id)}/voortgang` })),
  );
});

describe('fuzz: hostile input never causes a 5xx and never changes the store', () => {
  let t: TestApp;
  let itemId: string;

  beforeAll(async () => {
    t = await startTestApp();
    itemId = (await t.http.post('/api/moties').send(motie()).expect(201)).body.itemId;
  });

  afterAll(async () => {
    await t.close();
  });

  it('survives generated requests to every command endpoint', async () => {
    const voor = t.eventCount();
    const perStatus: Record<string, number> = {};
    let verzonden = 0;
    await fc.assert(
      fc.asyncProperty(aanval, async (a) => {
        const pad = a.pad ?? ENDPOINTS[a.endpoint].path(itemId);
        const req = t.http.post(pad).set('Content-Type', 'application/json');
        const res = await (a.raw !== undefined ? req.send(a.raw) : req.send(JSON.stringify(a.body)));
        verzonden++;
        perStatus[res.status] = (perStatus[res.status] ?? 0) + 1;
        if (res.status >= 500) throw new Error(`${a.soort} → ${res.status} on ${pad}: ${JSON.stringify(res.body).slice(0, 300)}`);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }),
      { numRuns: 2500, seed: Number(process.env.FUZZ_SEED ?? 20251125) },
    );
    const na = t.eventCount();
    process.stdout.write(`fuzz commands: ${verzonden} requests, answers by status ${JSON.stringify(perStatus)}, events before/after ${voor}/${na}\n`);
    expect(na).toBe(voor);
  });

  it('survives generated query strings on the register', async () => {
    const perStatus: Record<string, number> = {};
    let verzonden = 0;
    const params = fc.dictionary(
      fc.constantFrom('soort', 'status', 'lid', 'fractie', 'bewindspersoon', 'thema', 'achterstalligOp', 'zoek', 'sorteer', 'pagina', 'perPagina', 'minimalePositie', 'onbekend'),
      fc.oneof(hostileString, fc.integer().map(String), fc.constant('')),
      { maxKeys: 4 },
    );
    await fc.assert(
      fc.asyncProperty(params, async (q) => {
        const res = await t.as('liaison').get('/api/items').query(q);
        verzonden++;
        perStatus[res.status] = (perStatus[res.status] ?? 0) + 1;
        if (res.status >= 500) throw new Error(`query ${JSON.stringify(q)} → ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
      }),
      { numRuns: 1000, seed: Number(process.env.FUZZ_SEED ?? 20251125) },
    );
    process.stdout.write(`fuzz queries: ${verzonden} requests, answers by status ${JSON.stringify(perStatus)}\n`);
  });

  it('sends security headers and keeps CORS closed', async () => {
    const res = await t.http.get('/api/items').set('Origin', 'https://kwaadwillend.example').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
