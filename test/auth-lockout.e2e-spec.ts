import { TestApp, startTestApp } from './support/app';

/**
 * Ten bad tokens from one address used to lock out everyone at it, the right token included; behind
 * a proxy that was every user. Now the lockout only stops further guessing from that address: a
 * valid token always works. Addresses come from X-Forwarded-For only when TRUST_PROXY says whose
 * header to believe.
 */
const fout = (i: number | string) => `Bearer mtr_fout${i}xxxxxxxxxxxxxxxxxxxx`;

describe('lockout after failed authentication', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('ten bad tokens from one address: the right token from that address still works, a bad one gets 429 with Retry-After', async () => {
    for (let i = 0; i < 10; i++) await t.as('anoniem').get('/api/items').set('Authorization', fout(i)).expect(401);

    await t.as('liaison').get('/api/items').expect(200);
    await t.http.post('/api/moties').send({}).expect(400);

    const geblokkeerd = await t.as('anoniem').get('/api/items').set('Authorization', fout('nogeen')).expect(429);
    expect(geblokkeerd.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(geblokkeerd.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(geblokkeerd.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(geblokkeerd.body).toMatchObject({ status: 429, title: 'Te veel verzoeken' });
    expect(geblokkeerd.body.detail).toMatch(/Te veel mislukte aanmeldpogingen vanaf dit adres/);
    // A token of another shape (an OIDC JWT, here without OIDC configured) is a bad token too.
    await t.as('anoniem').get('/api/items').set('Authorization', 'Bearer eyJhbGciOiJub25lIn0.e30.xxxxxxxxxx').expect(429);
    // No token at all is not a guess: it is told to sign in.
    await t.as('anoniem').get('/api/items').expect(401);
    // And the right token still works after all that.
    await t.as('griffier').get('/api/items').expect(200);
  });
});

describe('valid tokens are not counted as failures', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('nine failures and any number of good requests leave one more failure before the lockout', async () => {
    for (let i = 0; i < 9; i++) await t.as('anoniem').get('/api/items').set('Authorization', fout(i)).expect(401);
    for (let i = 0; i < 15; i++) await t.as('auditor').get('/api/items').expect(200);
    await t.as('anoniem').get('/api/items').set('Authorization', fout(9)).expect(401);
    await t.as('anoniem').get('/api/items').set('Authorization', fout(10)).expect(429);
  });
});

describe('behind the ministry proxy (TRUST_PROXY=loopback)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('failures forwarded for 203.0.113.5 lock out that address only, not 203.0.113.6', async () => {
    const vanaf = (adres: string) => t.as('anoniem').get('/api/items').set('X-Forwarded-For', adres);
    for (let i = 0; i < 10; i++) await vanaf('203.0.113.5').set('Authorization', fout(i)).expect(401);

    await vanaf('203.0.113.5').set('Authorization', fout('nogeen')).expect(429);
    await vanaf('203.0.113.6').set('Authorization', fout('ander')).expect(401);
    await vanaf('203.0.113.5').set('Authorization', `Bearer ${t.tokens.liaison}`).expect(200);
  });
});

describe('without TRUST_PROXY', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: '' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('a client cannot escape its own lockout by sending another X-Forwarded-For each time', async () => {
    for (let i = 0; i < 10; i++) {
      await t.as('anoniem').get('/api/items').set('X-Forwarded-For', `198.51.100.${i}`).set('Authorization', fout(i)).expect(401);
    }
    await t.as('anoniem').get('/api/items').set('X-Forwarded-For', '198.51.100.99').set('Authorization', fout('nogeen')).expect(429);
  });
});
