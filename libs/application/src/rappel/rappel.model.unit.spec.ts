import { StoredEvent } from '@register/event-store';
import { standaardPeildatum, verschuivingen, volgendePeildatum } from './rappel.model';

describe('rappel: peildata', () => {
  it.each([
    ['2025-01-01', '2025-01-01'],
    ['2025-01-02', '2025-07-01'],
    ['2025-06-30', '2025-07-01'],
    ['2025-07-01', '2025-07-01'],
    ['2025-07-02', '2026-01-01'],
    ['2025-12-31', '2026-01-01'],
  ])('on %s the default peildatum is %s', (vandaag, peildatum) => {
    expect(standaardPeildatum(vandaag)).toBe(peildatum);
  });

  it.each([
    ['2026-01-01', '2026-07-01'],
    ['2025-07-01', '2026-01-01'],
    ['2025-12-15', '2026-06-15'],
    ['2025-08-31', '2026-02-28'],
    ['2027-08-31', '2028-02-29'],
    ['2025-06-30', '2025-12-30'],
  ])('after %s the next peildatum is %s', (peildatum, volgende) => {
    expect(volgendePeildatum(peildatum)).toBe(volgende);
  });
});

describe('rappel: how often a termijn moved', () => {
  const event = (revision: number, type: string, data: Record<string, unknown>): StoredEvent => ({
    eventId: `e${revision}`,
    stream: 'toezegging-1',
    revision,
    position: BigInt(revision),
    type,
    data,
    metadata: { eventId: `e${revision}`, commandId: 'c', correlationId: 'c', causationId: 'c', actor: 'griffier', recordedAt: '2025-01-01T00:00:00Z', schemaVersion: 1 },
  });
  const termijn = (revision: number, oud: object | null, nieuw: object, datum: string) => event(revision, 'ToezeggingTermijnGewijzigd', { itemId: '1', datum, oud, nieuw, reden: `reden ${revision}` });
  const events = [
    event(0, 'ToezeggingVoortgangGerapporteerd', { itemId: '1', datum: '2025-01-10', tekst: 'Loopt.' }),
    termijn(1, null, { omschrijving: 'voor de zomer', datum: '2025-07-01' }, '2025-02-01'),
    termijn(2, { omschrijving: 'voor de zomer', datum: '2025-07-01' }, { omschrijving: 'eind 2025', datum: '2025-12-31' }, '2025-06-20'),
    termijn(3, { omschrijving: 'eind 2025', datum: '2025-12-31' }, { omschrijving: 'voorjaar 2026', datum: null }, '2025-12-10'),
  ];

  it('counts every change of an existing termijn, oldest first; setting the first termijn is no move', () => {
    expect(verschuivingen(events, 3)).toEqual([
      { op: '2025-06-20', van: { omschrijving: 'voor de zomer', datum: '2025-07-01' }, reden: 'reden 2' },
      { op: '2025-12-10', van: { omschrijving: 'eind 2025', datum: '2025-12-31' }, reden: 'reden 3' },
    ]);
  });

  it('stops at the revision the register shows, so the history matches the termijn on the list', () => {
    expect(verschuivingen(events, 2)).toHaveLength(1);
  });
});
