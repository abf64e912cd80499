import { ItemEvent } from '@register/domain';
import { StoredEvent } from '@register/event-store';
import { motieGeregistreerd, newEvent, randomUUID } from '../../../../test/support/events';
import { applyToRegisterRow } from './register-row';

function opgeslagen(event: ItemEvent, revision: number, recordedAt: string): StoredEvent {
  const e = newEvent('motie', event, recordedAt);
  return { ...e, stream: 'motie-x', revision, position: BigInt(revision + 1) } as unknown as StoredEvent;
}

describe('applyToRegisterRow', () => {
  const itemId = randomUUID();
  const rij = applyToRegisterRow(undefined, opgeslagen(motieGeregistreerd(itemId), 0, '2025-06-01T10:00:00.000Z'))!;

  it('keeps the time travel\'s columns: the latest recording time and business date (a back-dated fact lowers neither), and the row before the last event', () => {
    const na = applyToRegisterRow(rij, opgeslagen({ feit: 'VoortgangGerapporteerd', data: { itemId, datum: '2025-05-20', tekst: 'achteraf' } } as ItemEvent, 1, '2025-06-02T10:00:00.000Z'))!;
    expect([na.vastgelegdTot, na.gedateerdTot]).toEqual(['2025-06-02T10:00:00.000Z', '2025-05-28']);
    expect(na.vorigLicht).toEqual(expect.objectContaining({ revisie: 0, status: 'InBehandeling', nummerSorteer: rij.nummerSorteer }));
    expect([na.vorigVastgelegdTot, na.vorigGedateerdTot]).toEqual(['2025-06-01T10:00:00.000Z', '2025-05-28']);
  });

  it('lets a correction change only the fields a registration has', () => {
    const correctie = { feit: 'RegistratieGecorrigeerd', data: { itemId, reden: 'vals', wijzigingen: [{ veld: 'thema', oud: null, nieuw: 'Cybercrime' }, { veld: 'vastgelegdTot', oud: null, nieuw: '0000' }, { veld: 'revisie', oud: null, nieuw: 99 }] } } as unknown as ItemEvent;
    const na = applyToRegisterRow(rij, opgeslagen(correctie, 1, '2025-06-02T10:00:00.000Z'))!;
    expect([na.thema, na.vastgelegdTot, na.revisie]).toEqual(['Cybercrime', '2025-06-02T10:00:00.000Z', 1]);
  });
});
