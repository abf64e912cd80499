import { MAX_HERINNERING_ITEMS } from '@register/domain';
import { HerinneringRij, behandelaarHerinneringen, bewindspersoonOverzicht, dagenNa, isoWeek, weekdag } from './herinnering-lijsten';

const rij = (n: number, termijnDatum: string | null, email: string | null, extra: Partial<HerinneringRij> = {}): HerinneringRij => ({
  itemId: `id-${n}`,
  soort: 'toezegging',
  nummer: `TZ202412-${n}`,
  titel: `Toezegging ${n}`,
  bewindspersoon: 'minister van Justitie en Veiligheid',
  termijnOmschrijving: 'voor de zomer',
  termijnDatum,
  behandelaarNaam: email ? `Naam ${email}` : null,
  behandelaarEmail: email,
  behandelaarDirectie: email ? 'Directie Politie' : null,
  ...extra,
});

describe('reminder lists', () => {
  it('counts days across months, years and a leap day', () => {
    expect(dagenNa('2026-12-03', 30)).toBe('2027-01-02');
    expect(dagenNa('2028-02-28', 1)).toBe('2028-02-29');
    expect(dagenNa('2026-03-28', 2)).toBe('2026-03-30');
  });

  it('gives ISO weeks and weekdays as the calendar does', () => {
    expect([weekdag('2026-12-07'), weekdag('2026-12-06'), weekdag('2026-12-03')]).toEqual([1, 7, 4]);
    expect(isoWeek('2026-12-03')).toBe('2026-W49');
    expect(isoWeek('2026-12-06')).toBe('2026-W49');
    expect(isoWeek('2026-12-07')).toBe('2026-W50');
    // The week of 1 January belongs to the year its Thursday lies in.
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });

  it('gives each owner one digest, told apart by address without case, overdue before falling due', () => {
    const opzetten = behandelaarHerinneringen([rij(1, '2026-12-20', 'A@example.org'), rij(2, '2026-11-01', 'a@example.org'), rij(3, '2026-12-03', 'b@example.org'), rij(4, '2026-12-01', null), rij(5, null, 'a@example.org')], '2026-12-03');
    expect(opzetten.map((o) => o.ontvanger.email)).toEqual(['a@example.org', 'b@example.org']);
    const a = opzetten[0];
    expect(a).toMatchObject({ soort: 'behandelaar', periode: '2026-12-03', inhoud: { aantalAchterstallig: 1, aantalBinnenkort: 1 } });
    expect(a.inhoud.achterstallig.map((i) => i.itemId)).toEqual(['id-2']);
    expect(a.inhoud.binnenkort.map((i) => i.itemId)).toEqual(['id-1']);
    // A termijn today is due, not overdue.
    expect(opzetten[1].inhoud).toMatchObject({ aantalAchterstallig: 0, aantalBinnenkort: 1 });
  });

  it('lists at most MAX_HERINNERING_ITEMS per list and counts the rest', () => {
    const veel = Array.from({ length: MAX_HERINNERING_ITEMS + 5 }, (_, i) => rij(i, '2026-11-01', 'a@example.org'));
    const [a] = behandelaarHerinneringen(veel, '2026-12-03');
    expect(a.inhoud.achterstallig).toHaveLength(MAX_HERINNERING_ITEMS);
    expect(a.inhoud.aantalAchterstallig).toBe(MAX_HERINNERING_ITEMS + 5);
  });

  it('gives an office the items of its bewindspersoon with their owners, and counts those without', () => {
    const o = bewindspersoonOverzicht([rij(1, '2026-11-01', 'a@example.org'), rij(2, '2026-12-10', null)], { bewindspersoon: 'minister van Justitie en Veiligheid', email: 'sec@example.org' }, '2026-12-03');
    expect(o).toMatchObject({ soort: 'bewindspersoon', periode: '2026-W49', ontvanger: { email: 'sec@example.org' }, inhoud: { aantalAchterstallig: 1, aantalBinnenkort: 1, zonderBehandelaar: 1 } });
    expect(o.inhoud.achterstallig[0].behandelaar).toEqual({ naam: 'Naam a@example.org', directie: 'Directie Politie' });
    expect(o.inhoud.binnenkort[0].behandelaar).toBeNull();
  });
});
