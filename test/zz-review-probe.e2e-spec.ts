import { ProjectionRunner } from '@register/read-models';
import { DOMParser } from '@xmldom/xmldom';
import { TestApp, motie, startTestApp, toezegging } from './support/app';

const log = (...a: unknown[]) => process.stdout.write(`PROBE ${a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' ')}\n`);

describe('review probe', () => {
  let t: TestApp;
  const pub = () => t.as('anoniem');
  const zichtbaar = (positie: string) => t.http.get(`/api/items?perPagina=1&minimalePositie=${positie}`).expect(200);
  const stuur = async (pad: string, body: object) => {
    const res = await t.http.post(pad).send(body);
    if (res.status >= 300) throw new Error(`${pad}: ${res.status} ${JSON.stringify(res.body)}`);
    await zichtbaar(res.body.positie);
    return res.body;
  };
  beforeAll(async () => {
    t = await startTestApp({ OPENBAAR: 'aan', OPENBAAR_URL: 'https://open.example.org' });
  });
  afterAll(async () => t.close());

  it('A: bijgewerktOp / Last-Modified reveal a private behandelaar assignment', async () => {
    const id = (await stuur('/api/moties', motie({ nummer: '29628-2001' }))).itemId;
    const voor = await pub().get('/openbaar/api/v1/items/29628-2001').expect(200);
    await new Promise((r) => setTimeout(r, 5200));
    await stuur(`/api/items/${id}/behandelaar`, { datum: '2025-06-11', behandelaar: { naam: 'X Y', email: 'x@y.nl', directie: 'D' }, reden: 'geheim' });
    const na = await pub().get('/openbaar/api/v1/items/29628-2001').expect(200);
    const p = await pub().get('/openbaar/items/29628-2001').expect(200);
    log('A bijgewerktOp', voor.body.bijgewerktOp, '->', na.body.bijgewerktOp, 'historie', na.body.historie.map((h: any) => h.soort), 'lastmod', p.headers['last-modified'], 'etagchanged', voor.headers.etag !== na.headers.etag);
  });

  it('B: a corrected date stays in the public history/feed', async () => {
    const id = (await stuur('/api/moties', motie({ nummer: '29628-2002', datum: '2025-01-13', titel: 'Motie geheim oud woord xylofoonbeleid' }))).itemId;
    await stuur(`/api/items/${id}/correcties`, { correcties: { datum: '2025-05-28', titel: 'Motie nieuw' }, reden: 'fout' });
    await new Promise((r) => setTimeout(r, 5200));
    const na = await pub().get('/openbaar/api/v1/items/29628-2002').expect(200);
    log('B datum', na.body.datum, 'historie', na.body.historie);
    const w = await pub().get('/openbaar/api/v1/wijzigingen').expect(200);
    log('B feed', w.body.wijzigingen.filter((x: any) => x.titel.startsWith('29628-2002')).map((x: any) => [x.datum, x.titel]));
    const z = await pub().get('/openbaar/api/v1/items?zoek=xylofoonbeleid').expect(200);
    log('B zoek old title', z.body.totaal);
  });

  it('C: CSV / pages / JSON while a rebuild runs', async () => {
    const runner = t.app.get(ProjectionRunner) as any;
    runner.rebuildRunning = true;
    try {
      const csv = await pub().get('/openbaar/register.csv?zoek=abc');
      log('C csv', csv.status, csv.headers['content-type'], csv.headers['cache-control'], JSON.stringify(csv.text ?? csv.body).slice(0, 200));
      const d = await pub().get('/openbaar/dumps');
      log('C dumps list', d.status);
      const j = await pub().get('/openbaar/api/v1/items?perPagina=2');
      log('C json', j.status);
    } finally {
      runner.rebuildRunning = false;
    }
  });

  it('E/F/G/H/I: odd input', async () => {
    for (const pad of ['/openbaar/items/%E0%A4%A', '/openbaar/dumps/%ZZ', '/openbaar/api/v1/items/%', '/openbaar/halfjaarberichten/%C0%AF', '/openbaar/items/' + 'a'.repeat(5000), '/openbaar/api/v1/items?utm_source=x', '/openbaar/?pagina=99999', '/openbaar/?pagina=abc', '/openbaar/?zoek=' + encodeURIComponent('x'.repeat(201)), '/openbaar/api/v1/items?zoek=' + encodeURIComponent('a '.repeat(100)), '/openbaar/stijl-foo.css', '/openbaar/dumps/register-2025-13-45.json.gz', '/openbaar/api/v1/items?sorteer=laatsteWijziging', '/openbaar/api/v1/items?sorteer=behandelaarEmail', '/openbaar/api/v1/halfjaarberichten/00000000-0000-0000-0000-000000000000']) {
      const r = await pub().get(pad).set('Accept', 'text/html');
      log('E', pad.slice(0, 80), r.status, r.headers['content-type'], r.headers['cache-control'], (r.text ?? '').replace(/\s+/g, ' ').slice(0, 160));
    }
    const bogus = await pub().get('/openbaar/').set('Authorization', 'Bearer mtr_bogus');
    log('F bogus bearer', bogus.status);
    const p = await pub().get('/openbaar/?pagina=99999');
    log('I page', /Pagina 99999 van \d+/.exec(p.text)?.[0], /Vorige pagina/.test(p.text));
  });

  it('M: control chars in a title and the Atom feed', async () => {
    await stuur('/api/moties', motie({ nummer: '29628-2003', titel: 'Titel met \u0001 \u000b \ufffe en ]]> en \ud800 kapot' })).catch((e) => log('M refused', String(e).slice(0, 200)));
    await new Promise((r) => setTimeout(r, 5200));
    const f = await pub().get('/openbaar/feed.atom').buffer(true).parse((res, cb) => { const d: Buffer[] = []; res.on('data', (c: Buffer) => d.push(c)); res.on('end', () => cb(null, Buffer.concat(d))); });
    const errs: string[] = [];
    new DOMParser({ onError: (l: string, m: string) => errs.push(`${l}:${m}`) } as any).parseFromString((f.body as Buffer).toString('utf8'), 'application/xml');
    log('M feed errs', errs.slice(0, 3));
    const csv = await pub().get('/openbaar/register.csv');
    log('M csv', csv.status);
  });

  it('K: X-Forwarded-For ignored; throttle shared over routes', async () => {
    const r = await pub().get('/openbaar/').set('X-Forwarded-For', '1.2.3.4');
    log('K ratelimit headers', r.headers['x-ratelimit-remaining'], r.headers['x-ratelimit-limit']);
    const r2 = await pub().get('/openbaar/feed.atom').set('X-Forwarded-For', '5.6.7.8');
    log('K ratelimit headers 2', r2.headers['x-ratelimit-remaining']);
  });

  it('O: off', async () => {
    const uit = await startTestApp();
    try {
      for (const pad of ['/openbaar/stijl-x.css', '/openbaar/items/29628-1230', '/openbaar/bestaatniet', '/openbaar', '/openbaarheid']) {
        const r = await uit.as('anoniem').get(pad).set('Accept', 'text/html');
        log('O', pad, r.status, (r.text ?? '').slice(0, 120));
      }
    } finally {
      await uit.close();
    }
  });
});
