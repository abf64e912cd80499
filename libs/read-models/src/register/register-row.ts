import { Behandelaar, CORRIGEERBARE_VELDEN, leesItemEvent, parseEventType } from '@register/domain';
import { StoredEvent } from '@register/event-store';
import { LichteVelden, RegisterItem } from './register-item.entity';
import { nummerSorteersleutel } from './nummer-volgorde';
import { LICHTE_VELDEN } from './register-licht';

/**
 * Applies one item event to the item's register row and returns the new row. Pure, so that the
 * projection can fold a whole batch in memory and write each touched row once.
 * An event at or below the row's revision is already in it: the row comes back unchanged.
 */
export function applyToRegisterRow(row: RegisterItem | undefined, event: StoredEvent): RegisterItem | undefined {
  const gelezen = leesItemEvent(event);
  if (!gelezen) return row;
  if (row && event.revision <= row.revisie) return row;

  if (gelezen.feit === 'Geregistreerd') {
    if (row) return row;
    const d = gelezen.data;
    return Object.assign(new RegisterItem(), {
      itemId: d.itemId,
      volgnummer: event.position.toString(),
      soort: d.soort,
      nummer: d.nummer,
      nummerSorteer: nummerSorteersleutel(d.nummer),
      nummerBron: d.nummerBron,
      vergaderjaar: d.vergaderjaar,
      titel: d.titel,
      tekst: d.tekst,
      datum: d.datum,
      debat: d.debat,
      leden: d.leden.map((l) => ({ naam: l.naam, fractie: l.fractie })),
      bewindspersoon: d.bewindspersoon,
      ministerie: d.ministerie,
      thema: d.thema,
      ...behandelaarKolommen(d.behandelaar ?? null),
      status: 'InBehandeling',
      termijnOmschrijving: d.termijn?.omschrijving ?? null,
      termijnDatum: d.termijn?.datum ?? null,
      voortgang: [],
      afdoening: null,
      deelAfdoeningen: [],
      vervallenReden: null,
      heropendOp: null,
      koppelingen: [],
      revisie: event.revision,
      geregistreerdOp: event.metadata.recordedAt,
      laatsteWijzigingOp: event.metadata.recordedAt,
      laatsteWijziging: event.type,
      laatsteWijzigingDoor: event.metadata.actor,
      vastgelegdTot: typeof event.metadata.recordedAt === 'string' ? event.metadata.recordedAt : null,
      gedateerdTot: zakelijkeDatum(event),
      vorigLicht: null,
      vorigVastgelegdTot: null,
      vorigGedateerdTot: null,
    } satisfies RegisterItem);
  }
  if (!row) return row;

  const next: RegisterItem = Object.assign(new RegisterItem(), row, {
    revisie: event.revision,
    laatsteWijzigingOp: event.metadata.recordedAt,
    laatsteWijziging: event.type,
    laatsteWijzigingDoor: event.metadata.actor,
    // A row whose history is not known (written before these columns, or an event without its
    // recording time, which the time travel never counts) stays unknown.
    vastgelegdTot: row.vastgelegdTot == null || typeof event.metadata.recordedAt !== 'string' ? null : later(row.vastgelegdTot, event.metadata.recordedAt),
    gedateerdTot: row.vastgelegdTot == null || typeof event.metadata.recordedAt !== 'string' ? null : later(row.gedateerdTot, zakelijkeDatum(event)),
    vorigLicht: lichteVelden(row),
    vorigVastgelegdTot: row.vastgelegdTot,
    vorigGedateerdTot: row.gedateerdTot,
  });
  switch (gelezen.feit) {
    case 'RegistratieGecorrigeerd': {
      const d = gelezen.data;
      // Only the fields a registration has: a correction in a log not written by this register must
      // not reach the row's own columns (its revision, the time travel's columns).
      for (const w of d.wijzigingen) if (CORRIGEERBARE_VELDEN.includes(w.veld)) (next as unknown as Record<string, unknown>)[w.veld] = w.nieuw;
      return Object.assign(next, { nummerSorteer: nummerSorteersleutel(next.nummer) });
    }
    case 'TermijnGewijzigd': {
      const d = gelezen.data;
      return Object.assign(next, { termijnOmschrijving: d.nieuw.omschrijving, termijnDatum: d.nieuw.datum });
    }
    case 'VoortgangGerapporteerd': {
      const d = gelezen.data;
      return Object.assign(next, { voortgang: [...row.voortgang, { datum: d.datum, tekst: d.tekst }] });
    }
    case 'Afgedaan': {
      const d = gelezen.data;
      return Object.assign(next, { status: 'Afgedaan', afdoening: { datum: d.datum, wijze: { ...d.wijze }, toelichting: d.toelichting } });
    }
    case 'DeelsAfgedaan': {
      const d = gelezen.data;
      return Object.assign(next, { status: 'DeelsAfgedaan', deelAfdoeningen: [...row.deelAfdoeningen, { datum: d.datum, deel: d.deel, bewijs: { ...d.bewijs } }] });
    }
    case 'Heropend': {
      const d = gelezen.data;
      return Object.assign(next, { status: 'InBehandeling', afdoening: null, heropendOp: d.datum });
    }
    case 'Overgedragen': {
      const d = gelezen.data;
      return Object.assign(next, { bewindspersoon: d.naar.bewindspersoon, ministerie: d.naar.ministerie });
    }
    case 'Gekoppeld': {
      const d = gelezen.data;
      return Object.assign(next, { koppelingen: [...row.koppelingen, { relatie: d.relatie, doelItemId: d.doelItemId, doelNummer: d.doelNummer }] });
    }
    case 'Vervallen': {
      const d = gelezen.data;
      return Object.assign(next, { status: 'Vervallen', vervallenReden: d.reden });
    }
    case 'BehandelaarToegewezen':
      return Object.assign(next, behandelaarKolommen(gelezen.data.naar));
    default: {
      const unreachable: never = gelezen;
      return unreachable;
    }
  }
}

/**
 * The business date an event counts from on the time-travel axis *zakelijk*, or null when it always
 * counts: a correction fixes the record and has no date of its own; any other fact carries its
 * business date in `datum` (an item's registration included). Read from the stored data as it is,
 * without upcasting: the same test the time travel applies to every event.
 */
export function zakelijkeDatum(event: StoredEvent): string | null {
  if (parseEventType(event.type)?.feit === 'RegistratieGecorrigeerd') return null;
  const datum = (event.data as { datum?: unknown }).datum;
  return typeof datum === 'string' ? datum : null;
}

/** The later of two ISO strings (dates or instants; they compare as strings), null being none. */
function later(a: string | null, b: string | null): string | null {
  return a == null ? b : b == null || a >= b ? a : b;
}

/** LICHTE_VELDEN of a row, written out: made for every event a rebuild folds, a million times. */
function lichteVelden(row: RegisterItem): LichteVelden {
  const { itemId, revisie, soort, status, bewindspersoon, ministerie, behandelaarDirectie, behandelaarEmail, thema, leden, termijnDatum, nummerSorteer, datum, titel, laatsteWijzigingOp } = row;
  return { itemId, revisie, soort, status, bewindspersoon, ministerie, behandelaarDirectie, behandelaarEmail, thema, leden, termijnDatum, nummerSorteer, datum, titel, laatsteWijzigingOp } satisfies Record<(typeof LICHTE_VELDEN)[number], unknown>;
}

function behandelaarKolommen(b: Behandelaar | null): Pick<RegisterItem, 'behandelaarNaam' | 'behandelaarEmail' | 'behandelaarDirectie' | 'behandelaarAfdeling'> {
  return { behandelaarNaam: b?.naam ?? null, behandelaarEmail: b?.email ?? null, behandelaarDirectie: b?.directie ?? null, behandelaarAfdeling: b?.afdeling ?? null };
}
