import { kamerToezegging } from '../../../../test/support/gegevensmagazijn';
import { isVanMinisterie, leesKamerToezegging, minuutVroeger, nederlandseDatum, normaliseerTijd, registerStatus, registerTzNummer, versieVan, voorstelVan, zelfdeMinisterie } from './kamer-toezegging';
import { andereVraag, retryAfter } from './gegevensmagazijn';

describe('Kamer Toezegging', () => {
  it('writes every ApiGewijzigdOp as one comparable UTC string with seven decimals, offsets converted', () => {
    expect(normaliseerTijd('2023-08-29T11:23:41.8713166Z')).toBe('2023-08-29T11:23:41.8713166Z');
    expect(normaliseerTijd('2023-08-29T11:23:41.87Z')).toBe('2023-08-29T11:23:41.8700000Z');
    expect(normaliseerTijd('2023-08-29T11:23:41Z')).toBe('2023-08-29T11:23:41.0000000Z');
    expect(normaliseerTijd('2023-08-29T13:23:41.5+02:00')).toBe('2023-08-29T11:23:41.5000000Z');
    expect(normaliseerTijd('2024-01-01T00:30:00-01:00')).toBe('2024-01-01T01:30:00.0000000Z');
    // A tenth of a microsecond apart still sorts apart, where a JS Date would make them equal.
    expect(normaliseerTijd('2023-08-29T11:23:41.8713166Z')! < normaliseerTijd('2023-08-29T11:23:41.8713167Z')!).toBe(true);
    // Nothing rolls over into another moment: month 13, day 31 of a 30-day month, hour 25, offset +99:99.
    for (const fout of ['2023-08-29', '2023-08-29T11:23:41', '2023-08-29T11:23:41.12345678Z', 'gisteren', '2025-13-01T00:00:00Z', '2025-04-31T00:00:00Z', '2025-01-01T25:00:00Z', '2025-01-01T00:00:00+99:99', '2025-01-01T00:00:60Z']) {
      expect(normaliseerTijd(fout)).toBeNull();
    }
  });

  it('reads back the overlap in whole minutes and keeps the decimals', () => {
    expect(minuutVroeger('2025-11-20T15:20:41.8713166Z', 10)).toBe('2025-11-20T15:10:41.8713166Z');
    expect(minuutVroeger('2025-09-01T00:05:00.0000000Z', 10)).toBe('2025-08-31T23:55:00.0000000Z');
  });

  it('takes the Dutch day of a time, and the service’s year 1 as no date', () => {
    expect(nederlandseDatum('2025-11-20T23:30:00Z')).toBe('2025-11-21');
    expect(nederlandseDatum('2026-02-10T00:00:00+01:00')).toBe('2026-02-10');
    expect(nederlandseDatum('0001-01-01T00:00:00Z')).toBeNull();
    expect(nederlandseDatum(null)).toBeNull();
  });

  it('knows one ministry by any of its spellings, and by the bewindspersoon’s function when Ministerie is empty', () => {
    expect(zelfdeMinisterie('Ministerie van Justitie en Veiligheid', ' justitie  en veiligheid')).toBe(true);
    expect(zelfdeMinisterie('Financiën', 'Justitie en Veiligheid')).toBe(false);
    const t = (velden: Record<string, unknown>) => leesKamerToezegging(kamerToezegging(1, velden));
    expect(isVanMinisterie(t({ Ministerie: null, Functie: 'Staatssecretaris van Justitie en Veiligheid' }), 'Justitie en Veiligheid')).toBe(true);
    expect(isVanMinisterie(t({ Ministerie: 'Financiën', Functie: 'Minister van Justitie en Veiligheid' }), 'Justitie en Veiligheid')).toBe(false);
    expect(isVanMinisterie(t({ Ministerie: null, Functie: null }), 'Justitie en Veiligheid')).toBe(false);
  });

  it('maps the Kamer’s status words, older ones included, and proposes no status for the rest', () => {
    expect(['Afgedaan', 'Voldaan', 'Deels Afgedaan', 'Deels Voldaan', 'Openstaand', 'Vervallen', null].map(registerStatus)).toEqual(['afgedaan', 'afgedaan', 'deels-afgedaan', 'deels-afgedaan', null, null, null]);
  });

  it('writes a padded TZ number as the register does, and refuses what is no TZ number', () => {
    expect(registerTzNummer('TZ202504-057')).toBe('TZ202504-57');
    expect(registerTzNummer('TZ202412-116')).toBe('TZ202412-116');
    expect(registerTzNummer('tz202412-116')).toBe('TZ202412-116');
    expect(registerTzNummer('TZ202412-000')).toBeNull();
    expect(registerTzNummer('2024Z12345')).toBeNull();
    // The register's own numbers are never the Kamer's.
    expect(registerTzNummer('INT-0123456789AB')).toBeNull();
  });

  it('sees a new version only when something that matters changed', () => {
    const basis = leesKamerToezegging(kamerToezegging(1));
    expect(versieVan(leesKamerToezegging(kamerToezegging(1, { GewijzigdOp: '2026-01-01T10:00:00+01:00', ApiGewijzigdOp: '2026-01-01T09:00:00Z' })))).toBe(versieVan(basis));
    expect(versieVan(leesKamerToezegging(kamerToezegging(1, { Status: 'Voldaan' })))).not.toBe(versieVan(basis));
    expect(versieVan(leesKamerToezegging(kamerToezegging(1, { Verwijderd: true })))).not.toBe(versieVan(basis));
  });

  it('keeps no more of a field than the register stores, and reads an overlong code as absent', () => {
    const t = leesKamerToezegging(kamerToezegging(1, { Nummer: 'TZ'.padEnd(100_000, '9'), Status: 'Openstaand'.repeat(10), Tekst: 'x'.repeat(50_000), Ministerie: 'J'.repeat(5000) }));
    expect(t).toMatchObject({ nummer: null, status: null });
    expect(t.tekst).toHaveLength(10_000);
    expect(t.ministerie).toHaveLength(200);
    expect(JSON.stringify(voorstelVan(t, 'Justitie en Veiligheid', '2026-12-04', '1')).length).toBeLessThan(25_000);
  });

  it('refuses an entity without Id or ApiGewijzigdOp, and drops deleted children', () => {
    expect(() => leesKamerToezegging({ Tekst: 'x' })).toThrow(/zonder geldig Id/);
    expect(() => leesKamerToezegging({ Id: 'x', ApiGewijzigdOp: 'gisteren' })).toThrow(/zonder geldige ApiGewijzigdOp/);
    expect(() => leesKamerToezegging('x')).toThrow(/zonder geldig Id/);
    const t = leesKamerToezegging(kamerToezegging(1, { ToegezegdAan: [{ Persoon: { Initialen: 'A.', Achternaam: 'Weg' }, Verwijderd: true }, { Persoon: [{ Initialen: 'C.', Achternaam: 'Blijft' }], Fractie: null }] }));
    expect(t.leden).toEqual([{ id: null, naam: 'C. Blijft', fractie: null }]);
  });

  it('proposes the afdoening on the day of the letter, never before the debate nor after today, and warns of a status it does not take', () => {
    const afgedaan = leesKamerToezegging(kamerToezegging(1, { Status: 'Afgedaan', DatumNakoming: '2025-10-01T00:00:00+02:00' }));
    // A letter dated before the debate is read as the debate's day.
    expect(voorstelVan(afgedaan, 'Justitie en Veiligheid', '2026-12-04', '1').standaard!.datum).toBe('2025-11-20');
    // A nakoming after today (or none) is read as the day the Kamer recorded the change, and said.
    const later = voorstelVan(leesKamerToezegging(kamerToezegging(1, { Status: 'Afgedaan', DatumNakoming: '2027-01-01T00:00:00+01:00', ApiGewijzigdOp: '2026-01-15T10:00:00Z' })), 'Justitie en Veiligheid', '2026-12-04', '1');
    expect(later.standaard!.datum).toBe('2026-01-15');
    expect(later.waarschuwingen).toEqual([expect.stringContaining('de datum waarop zij de wijziging vastlegde (2026-01-15) geldt')]);
    const zonder = voorstelVan(leesKamerToezegging(kamerToezegging(1, { Status: 'Voldaan', DatumNakoming: '0001-01-01T00:00:00Z', ApiGewijzigdOp: '2026-02-03T10:00:00Z' })), 'Justitie en Veiligheid', '2026-12-04', '1');
    expect(zonder.standaard!.datum).toBe('2026-02-03');
    const vervallen = voorstelVan(leesKamerToezegging(kamerToezegging(1, { Status: 'Vervallen' })), 'Justitie en Veiligheid', '2026-12-04', '1');
    expect(vervallen.gegevens.status).toBeNull();
    expect(vervallen.waarschuwingen).toEqual([expect.stringContaining('"Vervallen"')]);
    const toekomst = voorstelVan(leesKamerToezegging(kamerToezegging(1, { Activiteit: { Datum: '2027-03-01T10:00:00+01:00' } })), 'Justitie en Veiligheid', '2026-12-04', '1');
    expect(toekomst.gegevens.datum).toBe('2026-12-04');
  });

  it('reads Retry-After in seconds or as a date, at most five minutes', () => {
    expect(retryAfter('3')).toBe(3000);
    expect(retryAfter('100000')).toBe(300_000);
    expect(retryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('2015-10-21T07:28:00Z'))).toBe(10_000);
    expect(retryAfter('morgen')).toBeUndefined();
    expect(retryAfter(null)).toBeUndefined();
  });

  it('follows a next link only when it moves on in the same question', () => {
    const basis = 'http://tk.example.org/OData/v4/2.0/Toezegging?$filter=ApiGewijzigdOp%20ge%202026-01-01T00:00:00Z&$orderby=ApiGewijzigdOp,Id';
    expect(andereVraag(basis, `${basis}&$skip=250`)).toBeNull();
    expect(andereVraag(`${basis}&$skip=250`, `${basis}&$skip=500`)).toBeNull();
    expect(andereVraag(`${basis}&$skip=250`, `${basis}&$skip=250`)).toBe('gaat niet verder dan deze pagina');
    expect(andereVraag(`${basis}&$skip=500`, `${basis}&$skip=250`)).toBe('gaat niet verder dan deze pagina');
    expect(andereVraag(basis, `${basis}&$skiptoken=abc`)).toBeNull();
    expect(andereVraag(`${basis}&$skiptoken=abc`, `${basis}&$skiptoken=abc`)).toBe('gaat niet verder dan deze pagina');
    expect(andereVraag(basis, basis.replace('Toezegging', 'Persoon') + '&$skip=250')).toMatch(/andere entiteitset/);
    expect(andereVraag(basis, basis.replace('2026-01-01', '2020-01-01') + '&$skip=250')).toBe('wijzigt de vraag ($filter)');
  });
});
