import express from 'express';
import { kamerKoppelingAan, magHerinneringKrijgen, parseBewindspersoonAdressen, parseRoleMap, trustProxy, validateConfig } from './config';

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

describe('mail and reminders', () => {
  it('has reminders off without SMTP_URL, on working days at 07:00 by default', () => {
    const c = validateConfig({});
    expect(c).toMatchObject({ SMTP_URL: undefined, HERINNERING_CRON: '0 7 * * 1-5', HERINNERING_DAGEN: 30, HERINNERING_WEEKDAG: 1 });
  });

  it('requires a sender with SMTP_URL and a real cron expression', () => {
    expect(() => validateConfig({ SMTP_URL: 'smtp://mail.example.org:587' })).toThrow(/SMTP_AFZENDER is verplicht/);
    expect(() => validateConfig({ SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL moet beginnen met smtp:\/\/ of smtps:\/\//);
    expect(() => validateConfig({ HERINNERING_CRON: 'elke dag' })).toThrow(/HERINNERING_CRON "elke dag" is geen cron-uitdrukking/);
    expect(() => validateConfig({ HERINNERING_DAGEN: '0' })).toThrow(/HERINNERING_DAGEN moet minstens 1 zijn/);
    expect(() => validateConfig({ HERINNERING_WEEKDAG: '8' })).toThrow(/HERINNERING_WEEKDAG moet 1/);
    expect(() => validateConfig({ WEB_URL: 'register.example.org' })).toThrow(/WEB_URL moet een http\(s\)-adres zijn/);
    expect(validateConfig({ SMTP_URL: 'smtps://u:p@mail.example.org:465', SMTP_AFZENDER: 'Register <register@example.org>' }).SMTP_AFZENDER).toBe('Register <register@example.org>');
  });

  it('reads which office gets which bewindspersoon’s summary, and refuses a pair that is not one', () => {
    expect(parseBewindspersoonAdressen(' minister van Justitie en Veiligheid = Sec.Minister@example.org ; staatssecretaris=s@example.org;')).toEqual([
      { bewindspersoon: 'minister van Justitie en Veiligheid', email: 'sec.minister@example.org' },
      { bewindspersoon: 'staatssecretaris', email: 's@example.org' },
    ]);
    expect(() => validateConfig({ HERINNERING_BEWINDSPERSONEN: 'minister' })).toThrow(/"minister" is geen paar bewindspersoon=e-mailadres/);
    expect(() => validateConfig({ HERINNERING_BEWINDSPERSONEN: 'minister=geen-adres' })).toThrow(/geen paar/);
  });
});

describe('HERINNERING_DOMEINEN', () => {
  it('lets reminders go to the listed domains and their subdomains only', () => {
    const domeinen = validateConfig({ HERINNERING_DOMEINEN: 'minjenv.nl, Rijksoverheid.nl' }).HERINNERING_DOMEINEN;
    expect(magHerinneringKrijgen('a@minjenv.nl', domeinen)).toBe(true);
    expect(magHerinneringKrijgen('a@DIENST.rijksoverheid.nl', domeinen)).toBe(true);
    expect(magHerinneringKrijgen('a@evilminjenv.nl', domeinen)).toBe(false);
    expect(magHerinneringKrijgen('a@minjenv.nl.example.org', domeinen)).toBe(false);
    expect(magHerinneringKrijgen('a@gmail.com', undefined)).toBe(true);
    expect(() => validateConfig({ HERINNERING_DOMEINEN: 'minjenv' })).toThrow(/HERINNERING_DOMEINEN moet een lijst maildomeinen zijn/);
  });
});

describe('the Kamer link', () => {
  it('is on with TK_ODATA_URL or TK_SYNC=aan, off with TK_SYNC=uit whatever else, and off when the variables are empty', () => {
    const url = 'http://127.0.0.1:8080/OData/v4/2.0/';
    expect(kamerKoppelingAan(validateConfig({}))).toBe(false);
    expect(kamerKoppelingAan(validateConfig({ TK_ODATA_URL: '', TK_SYNC: '', TK_MINISTERIE: '', TK_REGISTER_MINISTERIE: '', TK_SYNC_VANAF: '' }))).toBe(false);
    expect(kamerKoppelingAan(validateConfig({ TK_ODATA_URL: url, TK_MINISTERIE: 'Justitie en Veiligheid' }))).toBe(true);
    expect(kamerKoppelingAan(validateConfig({ TK_SYNC: 'aan', TK_MINISTERIE: 'Justitie en Veiligheid' }))).toBe(true);
    expect(kamerKoppelingAan(validateConfig({ TK_SYNC: 'uit', TK_ODATA_URL: url }))).toBe(false);
  });

  it('says what is missing or wrong', () => {
    expect(() => validateConfig({ TK_SYNC: 'aan' })).toThrow(/TK_MINISTERIE is verplicht als de koppeling met de Tweede Kamer aan staat/);
    expect(() => validateConfig({ TK_SYNC: 'ja' })).toThrow(/TK_SYNC moet aan of uit zijn/);
    expect(() => validateConfig({ TK_ODATA_URL: 'gegevensmagazijn' })).toThrow(/TK_ODATA_URL moet een http\(s\)-adres zijn/);
    expect(() => validateConfig({ TK_ODATA_URL: 'https://gebruiker:geheim@gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/', TK_MINISTERIE: 'JenV' })).toThrow(/TK_ODATA_URL mag geen gebruikersnaam of wachtwoord bevatten/);
    expect(validateConfig({ TK_ODATA_URL: 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/', TK_MINISTERIE: 'JenV' }).TK_ODATA_URL).toBe('https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/');
    expect(() => validateConfig({ TK_SYNC_VANAF: '1 september' })).toThrow(/TK_SYNC_VANAF moet een datum zijn/);
    expect(() => validateConfig({ TK_TIMEOUT_MS: '10' })).toThrow(/TK_TIMEOUT_MS moet minstens 100 zijn/);
  });

  it('takes the public register on only with OPENBAAR=aan, and a public address without secrets', () => {
    expect(validateConfig({}).OPENBAAR).toBeUndefined();
    expect(validateConfig({ OPENBAAR: 'aan' }).OPENBAAR_PER_MINUUT).toBe(600);
    expect(() => validateConfig({ OPENBAAR: 'ja' })).toThrow(/OPENBAAR moet aan of uit zijn/);
    expect(() => validateConfig({ OPENBAAR_PER_MINUUT: '0' })).toThrow(/OPENBAAR_PER_MINUUT moet minstens 1 zijn/);
    expect(validateConfig({ OPENBAAR_URL: 'https://open.minjenv.nl/moties' }).OPENBAAR_URL).toBe('https://open.minjenv.nl/moties');
    for (const url of ['https://beheer:geheim@open.minjenv.nl', 'https://open.minjenv.nl/?token=x', 'https://open.minjenv.nl/#x']) {
      expect(() => validateConfig({ OPENBAAR_URL: url })).toThrow(/OPENBAAR_URL mag geen gebruikersnaam, wachtwoord, \? of # bevatten/);
    }
  });
});
