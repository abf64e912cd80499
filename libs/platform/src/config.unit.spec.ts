import express from 'express';
import { parseRoleMap, trustProxy, validateConfig } from './config';

describe('TRUST_PROXY', () => {
  const geldig = (waarde: string | undefined) => trustProxy(validateConfig({ TRUST_PROXY: waarde }).TRUST_PROXY);

  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    [' 0 ', 0],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['loopback, uniquelocal,linklocal', ['loopback', 'uniquelocal', 'linklocal']],
    ['10.0.0.0/8,192.168.1.10', ['10.0.0.0/8', '192.168.1.10']],
    ['::1, fd00::/8, 2001:db8::/128', ['::1', 'fd00::/8', '2001:db8::/128']],
  ])('%j is trust proxy %j, and Express takes it', (waarde, verwacht) => {
    expect(geldig(waarde)).toEqual(verwacht);
    expect(() => express().set('trust proxy', geldig(waarde))).not.toThrow();
  });

  it.each([
    ['true', /TRUST_PROXY=true/],
    ['ja', /"ja"/],
    ['-1', /"-1"/],
    ['1.5', /"1.5"/],
    ['10.0.0.0/33', /"10.0.0.0\/33"/],
    ['0.0.0.0/0', /"0.0.0.0\/0"/],
    ['fd00::/129', /"fd00::\/129"/],
    ['999.1.1.1', /"999.1.1.1"/],
    ['10.0.0.1,,10.0.0.2', /leeg/],
    ['loopback, 2', /"2"/],
  ])('refuses %j naming the variable', (waarde, melding) => {
    expect(() => validateConfig({ TRUST_PROXY: waarde })).toThrow(/TRUST_PROXY/);
    expect(() => validateConfig({ TRUST_PROXY: waarde })).toThrow(melding);
  });
});

describe('OIDC_ROLE_MAP', () => {
  const oidc = { OIDC_ISSUER: 'https://idp.example/realms/rijk', OIDC_AUDIENCE: 'register-api', OIDC_JWKS_URL: 'https://idp.example/realms/rijk/certs' };

  it('is not needed without OIDC', () => {
    expect(() => validateConfig({})).not.toThrow();
  });

  it.each([undefined, '', '  '])('is required with OIDC: %j is refused', (waarde) => {
    expect(() => validateConfig({ ...oidc, OIDC_ROLE_MAP: waarde })).toThrow(/OIDC_ROLE_MAP is verplicht als OIDC_ISSUER gezet is/);
  });

  it.each([
    ['register-griffie=grifier', /"grifier" is geen rol van het register \(griffier, auditor, liaison, beheerder\)/],
    ['register-griffie', /"register-griffie" is geen paar extern=intern/],
    ['a=griffier,,b=liaison', /"" is geen paar extern=intern/],
    ['a=b=griffier', /"a=b=griffier" is geen paar/],
  ])('refuses %j', (waarde, melding) => {
    expect(() => validateConfig({ ...oidc, OIDC_ROLE_MAP: waarde })).toThrow(melding);
  });

  it('maps IdP roles onto register roles, the same name included when it is written out', () => {
    const config = validateConfig({ ...oidc, OIDC_ROLE_MAP: ' register-griffie = griffier , beheerder=beheerder,register-kamerliaison=liaison' });
    expect([...parseRoleMap(config.OIDC_ROLE_MAP)]).toEqual([
      ['register-griffie', 'griffier'],
      ['beheerder', 'beheerder'],
      ['register-kamerliaison', 'liaison'],
    ]);
  });
});
