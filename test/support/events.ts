import { randomUUID } from 'node:crypto';
import { ItemEvent, Soort, eventType } from '@register/domain';
import { NewEvent } from '@register/event-store';

/** Turns domain events into stored-event input with plausible metadata, for read-model tests. */
export function newEvent(soort: Soort, event: ItemEvent, recordedAt = '2025-06-20T09:00:00.000Z', actor = 'griffier@jenv'): NewEvent {
  const eventId = randomUUID();
  return {
    eventId,
    type: eventType(soort, event.feit),
    data: event.data as unknown as Record<string, unknown>,
    metadata: { eventId, commandId: randomUUID(), correlationId: randomUUID(), causationId: randomUUID(), actor, recordedAt, schemaVersion: 1 },
  };
}

export function motieGeregistreerd(itemId: string, overrides: Record<string, unknown> = {}): ItemEvent {
  return {
    feit: 'Geregistreerd',
    data: {
      itemId,
      soort: 'motie',
      nummer: '29628-1230',
      nummerBron: 'kamer',
      vergaderjaar: '2024/25',
      titel: 'Motie van het lid Boswijk over het verhalen van schade door vernielingen op relschoppers',
      tekst: 'verzoekt de regering belemmeringen voor schadeverhaal op relschoppers weg te nemen',
      datum: '2025-05-28',
      debat: 'tweeminutendebat Politie 28 mei 2025',
      leden: [
        { naam: 'Boswijk', fractie: 'CDA' },
        { naam: 'Six Dijkstra', fractie: 'NSC' },
      ],
      bewindspersoon: 'minister van Justitie en Veiligheid',
      ministerie: 'JenV',
      thema: 'Demonstraties',
      termijn: { omschrijving: 'voor de zomer', datum: '2025-07-01' },
      ...overrides,
    },
  } as ItemEvent;
}

export function toezeggingGeregistreerd(itemId: string, overrides: Record<string, unknown> = {}): ItemEvent {
  return {
    feit: 'Geregistreerd',
    data: {
      itemId,
      soort: 'toezegging',
      nummer: 'TZ202412-156',
      nummerBron: 'kamer',
      vergaderjaar: '2024/25',
      titel: 'Informeren over het aantal agenten met taakaccent ME',
      tekst: 'De minister zegt toe de Kamer te informeren over het aantal agenten met de nevenfunctie ME.',
      datum: '2024-12-19',
      debat: 'commissiedebat politie 19 december 2024',
      leden: [{ naam: 'Michon-Derkzen', fractie: 'VVD' }],
      bewindspersoon: 'minister van Justitie en Veiligheid',
      ministerie: 'JenV',
      thema: 'Politiepersoneel en middelen',
      termijn: { omschrijving: 'in het eerstvolgende halfjaarbericht', datum: '2025-06-30' },
      ...overrides,
    },
  } as ItemEvent;
}

export { randomUUID };
