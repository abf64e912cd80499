import { termijnDatum } from './termijn';

describe('termijnDatum: the demo letters’ wording of a termijn as the date it runs out', () => {
  it.each([
    // [wording, reference date (letter or toezegging), runs out on]
    ['voor 20 oktober 2022', '2022-09-06', '2022-10-20'],
    ['voor de zomer van 2025', '2025-06-20', '2025-07-01'],
    ['voor de zomer', '2025-03-01', '2025-07-01'],
    ['voor de zomer', '2025-10-19', '2026-07-01'],
    ['medio 2026', '2025-06-20', '2026-07-01'],
    ['in het voorjaar 2026', '2025-06-20', '2026-06-30'],
    ['na de zomer', '2025-06-20', '2025-09-30'],
    ['in het najaar van 2025', '2025-06-20', '2025-12-31'],
    ['dit najaar', '2025-06-20', '2025-12-31'],
    ['in het najaar', '2025-06-20', '2025-12-31'],
    ['voor eind 2023', '2022-12-15', '2023-12-31'],
    ['eind 2023', '2022-10-19', '2023-12-31'],
    ['voor het einde van dit jaar', '2022-10-19', '2022-12-31'],
    ['begin 2023', '2022-12-15', '2023-03-31'],
    ['uiterlijk het tweede kwartaal van 2026', '2025-06-20', '2026-06-30'],
    ['in het eerste halfjaarbericht politie van 2023', '2022-12-15', '2023-07-01'],
    ['in het tweede halfjaarbericht van 2025', '2025-06-20', '2026-01-01'],
    // The next report after the words were said: before the summer, or before the new year.
    ['in het eerstvolgende halfjaarbericht politie', '2024-12-19', '2025-07-01'],
    ['in het volgende halfjaarbericht', '2025-06-20', '2026-01-01'],
    ['in het eerstvolgende halfjaarbericht', '2025-07-01', '2026-01-01'],
  ])('"%s" said on %s runs out on %s', (omschrijving, referentie, verwacht) => {
    expect(termijnDatum(omschrijving, referentie)).toBe(verwacht);
  });

  it('gives no date for wording without a period: the register then never calls it overdue', () => {
    expect(termijnDatum('op afzienbare termijn', '2025-06-20')).toBeNull();
    expect(termijnDatum('binnenkort', '2025-06-20')).toBeNull();
    expect(termijnDatum('voor de begrotingsbehandeling', '2022-10-19')).toBeNull();
  });
});
