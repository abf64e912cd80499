import { Lid, leesItemEvent } from '@register/domain';
import { StoredEvent } from '@register/event-store';

/** An earlier termijn an item had, and when and why it moved away from it. */
export interface RappelVerschuiving {
  /** The business date of the change. */
  readonly op: string;
  /** The termijn before the change. */
  readonly van: { readonly omschrijving: string; readonly datum: string | null };
  readonly reden: string;
}

export interface RappelItem {
  readonly itemId: string;
  readonly soort: 'motie' | 'toezegging';
  readonly nummer: string;
  readonly titel: string;
  readonly leden: readonly Lid[];
  readonly status: 'InBehandeling' | 'DeelsAfgedaan';
  /** On a rappel every termijn has a date: items without one are counted apart. */
  readonly termijn: { readonly omschrijving: string; readonly datum: string };
  /** The item's revision the list shows; a termijn change sends it as verwachteRevisie. */
  readonly revisie: number;
  /** Every earlier termijn, oldest first: how often and when the termijn moved before. */
  readonly verschuivingen: readonly RappelVerschuiving[];
}

export interface RappelBewindspersoon {
  readonly bewindspersoon: string;
  /** The ministeries the items name, as the register has them (normally one). */
  readonly ministeries: readonly string[];
  /** Open, and the termijn date lies before the peildatum. */
  readonly verstreken: readonly RappelItem[];
  /** Open, and the termijn date lies on or after the peildatum and before the next one. */
  readonly komend: readonly RappelItem[];
  /** Open items of this bewindspersoon whose termijn has no date (or that have no termijn): not on the lists. */
  readonly zonderTermijndatum: number;
}

/** Everything a rappel shows, in the order it shows it. Built once; JSON and every file render this. */
export interface RappelModel {
  readonly peildatum: string;
  readonly volgendePeildatum: string;
  /** The bewindspersoon asked for, as typed; null for all. */
  readonly bewindspersoon: string | null;
  /** The log position the register reflected. */
  readonly positie: string;
  readonly bewindspersonen: readonly RappelBewindspersoon[];
}

const datum = (j: number, m: number, d: number) => `${String(j).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The Eerste Kamer's peildata are 1 January and 1 July: the first of them on or after `vandaag`
 * (on a peildatum itself, that day: the rappel of that day).
 */
export function standaardPeildatum(vandaag: string): string {
  const jaar = Number(vandaag.slice(0, 4));
  if (vandaag === datum(jaar, 1, 1)) return vandaag;
  return vandaag <= datum(jaar, 7, 1) ? datum(jaar, 7, 1) : datum(jaar + 1, 1, 1);
}

/** Half a year after `peildatum`; a day the month lacks becomes its last (31 August → 28 or 29 February). */
export function volgendePeildatum(peildatum: string): string {
  const [j, m, d] = peildatum.split('-').map(Number);
  const jaar = m > 6 ? j + 1 : j;
  const maand = ((m + 5) % 12) + 1;
  const laatste = new Date(Date.UTC(jaar, maand, 0)).getUTCDate();
  return datum(jaar, maand, Math.min(d, laatste));
}

/**
 * The termijn changes in an item's stream up to `totRevisie` (the revision the register row shows,
 * so that the history matches the termijn on the list). Setting a termijn on an item that had none
 * is not a move; every change of an existing termijn is, also one that only rewords it.
 */
export function verschuivingen(events: readonly StoredEvent[], totRevisie: number): RappelVerschuiving[] {
  const uit: RappelVerschuiving[] = [];
  for (const stored of events) {
    if (stored.revision > totRevisie) break;
    const event = leesItemEvent(stored);
    if (event?.feit !== 'TermijnGewijzigd' || event.data.oud === null) continue;
    uit.push({ op: event.data.datum, van: { omschrijving: event.data.oud.omschrijving, datum: event.data.oud.datum }, reden: event.data.reden });
  }
  return uit;
}
