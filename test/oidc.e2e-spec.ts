import { KeyLike, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApp, motie, startTestApp } from './support/app';

/**
 * OIDC against a real JWKS endpoint on loopback, serving the public key of a key pair made here:
 * tokens are verified exactly as against a production identity provider.
 */
describe('OIDC access tokens', () => {
  let t: TestApp;
  let jwks: Server;
  let privateKey: KeyLike;
  let issuer: string;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'sleutel-1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`;
    t = await startTestApp({
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: 'register-api',
      OIDC_JWKS_URL: `${issuer}/jwks`,
      OIDC_ROLE_CLAIM: 'realm_access.roles',
      OIDC_ROLE_MAP: 'register-griffie=griffier,register-kamerliaison=liaison',
    });
  });

  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const token = (claims: Record<string, unknown>, opties: { audience?: string; issuer?: string; verlooptOver?: string } = {}) =>
    new SignJWT({ preferred_username: 'j.de.vries', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'sleutel-1' })
      .setIssuer(opties.issuer ?? issuer)
      .setAudience(opties.audience ?? 'register-api')
      .setSubject('a1b2c3')
      .setIssuedAt()
      .setExpirationTime(opties.verlooptOver ?? '5m')
      .sign(privateKey);

  it('accepts a valid token, maps its roles, and records the person as actor', async () => {
    const jwt = await token({ realm_access: { roles: ['register-griffie'] } });
    const res = await t.as('anoniem').post('/api/moties').set('Authorization', `Bearer ${jwt}`).send(motie()).expect(201);
    const [event] = t.storedEvents().filter((e) => e.stream === `motie-${res.body.itemId}`);
    expect(event.metadata.actor).toBe('oidc:j.de.vries');
  });

  it('gives a mapped liaison read access only', async () => {
    const jwt = await token({ realm_access: { roles: ['register-kamerliaison'] } });
    await t.as('anoniem').get('/api/items').set('Authorization', `Bearer ${jwt}`).expect(200);
    await t.as('anoniem').post('/api/moties').set('Authorization', `Bearer ${jwt}`).send(motie({ nummer: '29628-8001' })).expect(403);
  });

  it.each([
    ['another audience', { audience: 'iets-anders' }],
    ['another issuer', { issuer: 'https://nep.example' }],
    ['an expired token', { verlooptOver: '-1m' }],
  ])('refuses %s with 401', async (_naam, opties) => {
    const jwt = await token({ realm_access: { roles: ['register-griffie'] } }, opties);
    await t.as('anoniem').get('/api/items').set('Authorization', `Bearer ${jwt}`).expect(401);
  });

  it('refuses a token signed with another key', async () => {
    const ander = await generateKeyPair('RS256');
    const jwt = await new SignJWT({ preferred_username: 'x', realm_access: { roles: ['register-griffie'] } })
      .setProtectedHeader({ alg: 'RS256', kid: 'sleutel-1' })
      .setIssuer(issuer)
      .setAudience('register-api')
      .setExpirationTime('5m')
      .sign(ander.privateKey);
    await t.as('anoniem').get('/api/items').set('Authorization', `Bearer ${jwt}`).expect(401);
  });

  it('gives a token without a known role 403', async () => {
    const jwt = await token({ realm_access: { roles: ['iets'] } });
    await t.as('anoniem').get('/api/items').set('Authorization', `Bearer ${jwt}`).expect(403);
  });

  // A realm role belongs to the whole realm: one called "beheerder" may be another application's.
  it('ignores an unmapped role even when it is called like a register role', async () => {
    const jwt = await token({ realm_access: { roles: ['beheerder', 'griffier'] } });
    const res = await t.as('anoniem').get('/api/beheer/gebruikers').set('Authorization', `Bearer ${jwt}`).expect(403);
    expect(res.body.detail).toMatch(/u heeft geen rol/);
    await t.as('anoniem').post('/api/moties').set('Authorization', `Bearer ${jwt}`).send(motie({ nummer: '29628-8002' })).expect(403);
  });

  it('grants only what the mapped role maps to', async () => {
    const jwt = await token({ realm_access: { roles: ['register-griffie', 'beheerder'] } });
    await t.as('anoniem').get('/api/beheer/gebruikers').set('Authorization', `Bearer ${jwt}`).expect(403);
    await t.as('anoniem').post('/api/moties').set('Authorization', `Bearer ${jwt}`).send(motie({ nummer: '29628-8003' })).expect(201);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('gives a role named %s nothing', async (rol) => {
    const jwt = await token({ realm_access: { roles: [rol] } });
    await t.as('anoniem').get('/api/items').set('Authorization', `Bearer ${jwt}`).expect(403);
  });
});

/** Without a map the register cannot tell its own roles from another application's of the same name. */
describe('OIDC configuration', () => {
  const oidc = { OIDC_ISSUER: 'https://idp.example/realms/rijk', OIDC_AUDIENCE: 'register-api', OIDC_JWKS_URL: 'https://idp.example/realms/rijk/certs' };

  /** Starts and stops the app; a start that fails leaves neither its environment nor its data behind. */
  const start = async (env: Record<string, string>) => {
    const saved = { ...process.env };
    const dataDir = mkdtempSync(join(tmpdir(), 'register-oidc-'));
    try {
      await (await startTestApp(env, dataDir)).stop();
    } finally {
      process.env = saved;
      rmSync(dataDir, { recursive: true, force: true });
    }
  };

  it('refuses to start with OIDC but without OIDC_ROLE_MAP, naming the variable', async () => {
    await expect(start({ ...oidc, OIDC_ROLE_MAP: '' })).rejects.toThrow(/OIDC_ROLE_MAP is verplicht als OIDC_ISSUER gezet is/);
  });

  it('refuses a map onto a role the register does not have', async () => {
    await expect(start({ ...oidc, OIDC_ROLE_MAP: 'register-griffie=grifier' })).rejects.toThrow(/OIDC_ROLE_MAP: "grifier" is geen rol van het register \(griffier, auditor, liaison, beheerder\)/);
  });

  it('starts with the register role names mapped onto themselves, for an IdP whose roles are the register\'s own', async () => {
    await expect(start({ ...oidc, OIDC_ROLE_MAP: 'griffier=griffier, beheerder=beheerder' })).resolves.toBeUndefined();
  });
});
