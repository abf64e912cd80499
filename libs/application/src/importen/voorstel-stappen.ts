import {
  AfdoeningWijze,
  BusinessDate,
  ImportStandaard,
  ItemState,
  RegistreerMotie,
  RegistreerToezegging,
  VoorstelGegevens,
  isOpen,
  leesItemEvent,
} from '@register/domain';
import { StoredEvent } from '@register/event-store';
import { ItemWijziging } from '../items/item.commands';

/*
 * What accepting a proposal does to the register, decided from the proposal and the item as it
 * stands: at most a registration and one status step. A document only changes an item's status when
 * it is newer than every status the item already has from elsewhere, so importing a series of
 * annexes in any order ends in the state of the newest one.
 */

export type Stap = 'registratie' | 'afdoening' | 'deelafdoening' | 'voortgang' | 'correctie';

/** Every step an acceptance may take, in the order it takes them. */
export const STAPPEN: readonly Stap[] = ['registratie', 'afdoening', 'deelafdoening', 'voortgang', 'correctie'];

/** The facts that carry an item's status as of a business date. */
const STATUSFEITEN = new Set(['Geregistreerd', 'VoortgangGerapporteerd', 'Afgedaan', 'DeelsAfgedaan', 'Heropend', 'Vervallen']);

/** The latest business date of a status the item got other than from this proposal (whose events carry `eigenSleutels`). */
export function laatsteStatusdatum(events: readonly StoredEvent[], eigenSleutels: ReadonlySet<string>): BusinessDate | null {
  let laatste: BusinessDate | null = null;
  for (const stored of events) {
    if (eigenSleutels.has(String(stored.metadata.idempotencyKeyId ?? ''))) continue;
    const event = leesItemEvent(stored);
    if (!event || !STATUSFEITEN.has(event.feit)) continue;
    const datum = (event.data as { datum?: string }).datum;
    if (datum && (laatste === null || datum > laatste)) laatste = datum;
  }
  return laatste;
}

/** A Kamerstuk, or a letter to the Kamer by its document number (2026D12345): the afdoening's wijze is `kamerstuk`. */
const KAMERSTUK_VERWIJZING = /kamerstuk|kamerbrief|\b\d{4}D\d{5}\b|\b\d{5}(?:-[A-Z0-9]{1,6})?(?:-|,?\s*nr\.?\s*)\d+/i;

function wijze(gegevens: VoorstelGegevens, standaard: ImportStandaard): AfdoeningWijze {
  if (gegevens.afgedaanIn && KAMERSTUK_VERWIJZING.test(gegevens.afgedaanIn)) return { soort: 'kamerstuk', referentie: gegevens.afgedaanIn.slice(0, 500) };
  return { soort: 'halfjaarbericht', referentie: standaard.referentie };
}

/** The status step this proposal asks of the item, or null when the register already says as much (or says something newer). */
export function statusStap(
  gegevens: VoorstelGegevens,
  standaard: ImportStandaard,
  item: { state: ItemState; events: readonly StoredEvent[] },
  eigenSleutels: ReadonlySet<string>,
): { stap: Exclude<Stap, 'registratie' | 'correctie'>; wijziging: ItemWijziging } | null {
  if (gegevens.status === null || item.state.status === 'Nieuw') return null;
  const laatste = laatsteStatusdatum(item.events, eigenSleutels);
  if (laatste !== null && standaard.datum <= laatste) return null;
  const datum = standaard.datum;
  const bewijs = (gegevens.bewijs || gegevens.titel).slice(0, 5000);
  switch (gegevens.status) {
    case 'afgedaan':
      if (item.state.status === 'Afgedaan' || item.state.status === 'Vervallen') return null;
      return { stap: 'afdoening', wijziging: { type: 'DoeAf', datum, wijze: wijze(gegevens, standaard), toelichting: bewijs } };
    case 'deels-afgedaan':
      if (!isOpen(item.state)) return null;
      return { stap: 'deelafdoening', wijziging: { type: 'DoeDeelsAf', datum, deel: bewijs, bewijs: wijze(gegevens, standaard) } };
    case 'in-behandeling':
      if (!isOpen(item.state)) return null;
      return { stap: 'voortgang', wijziging: { type: 'RapporteerVoortgang', datum, tekst: (gegevens.tekst || bewijs).slice(0, 20000) } };
    default: {
      const unreachable: never = gegevens.status;
      return unreachable;
    }
  }
}

/** The registration a proposal makes when the register does not hold the item yet. */
export function registratie(itemId: string, gegevens: VoorstelGegevens, standaard: ImportStandaard): RegistreerMotie | RegistreerToezegging {
  // The debate cannot lie after the report that mentions it; a date read wrongly would block its afdoening.
  const datum = gegevens.datum && gegevens.datum <= standaard.datum ? gegevens.datum : standaard.datum;
  const gemeen = {
    itemId,
    titel: gegevens.titel,
    tekst: (gegevens.tekst || gegevens.titel).slice(0, 20000),
    datum,
    debat: gegevens.debat || `genoemd in ${standaard.referentie}`,
    bewindspersoon: standaard.bewindspersoon,
    ministerie: standaard.ministerie,
    thema: gegevens.thema || standaard.thema,
    termijn: null,
  };
  if (gegevens.soort === 'motie') {
    return { type: 'RegistreerMotie', ...gemeen, nummer: gegevens.nummer ?? '', vergaderjaar: gegevens.vergaderjaar ?? '', indieners: gegevens.leden };
  }
  return { type: 'RegistreerToezegging', ...gemeen, nummer: gegevens.nummer, vergaderjaar: gegevens.vergaderjaar, leden: gegevens.leden };
}

/** The parliamentary year a date falls in: it starts in September. */
export function vergaderjaarVan(datum: BusinessDate): string {
  const jaar = Number(datum.slice(0, 4));
  const maand = Number(datum.slice(5, 7));
  const begin = maand >= 9 ? jaar : jaar - 1;
  return `${begin}/${String((begin + 1) % 100).padStart(2, '0')}`;
}
