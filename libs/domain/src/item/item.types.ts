import { BusinessDate } from '../shared/business-date';

export type Soort = 'motie' | 'toezegging';

export interface Lid {
  readonly naam: string;
  readonly fractie: string | null;
}

export interface Termijn {
  /** The wording as said in the debate: "voor de zomer", "in het eerstvolgende halfjaarbericht". */
  readonly omschrijving: string;
  /** The date the wording resolves to, when one can be given. */
  readonly datum: BusinessDate | null;
}

/**
 * The owner inside the ministry: the policy officer who must deliver the letter or the action, and
 * the directie (and afdeling) they work in. Not part of the registration: it changes by its own
 * command (WijsBehandelaarToe), with a reason, and never through a correction.
 */
export interface Behandelaar {
  readonly naam: string;
  /** Compared without case wherever the register looks a person up ("Mijn items", the filter). */
  readonly email: string;
  readonly directie: string;
  readonly afdeling: string | null;
}

export interface Bewindspersoon {
  readonly bewindspersoon: string;
  readonly ministerie: string;
}

/** Where an afdoening is recorded: a letter (Kamerstuk), a halfjaarbericht, or another ministry's letter. */
export type AfdoeningWijze =
  | { readonly soort: 'kamerstuk'; readonly referentie: string }
  | { readonly soort: 'halfjaarbericht'; readonly referentie: string }
  | { readonly soort: 'brief-ander-ministerie'; readonly referentie: string; readonly ministerie: string };

export const RELATIES = ['meegenomen-in', 'herhaling-van', 'samen-behandeld-met'] as const;
export type Relatie = (typeof RELATIES)[number];

export interface Koppeling {
  readonly relatie: Relatie;
  readonly doelItemId: string;
  readonly doelNummer: string;
}

/** The registration details a clerk can correct later; the original stays in the history. */
export interface Registratie {
  readonly nummer: string;
  readonly titel: string;
  readonly tekst: string;
  readonly vergaderjaar: string | null;
  readonly datum: BusinessDate;
  readonly debat: string;
  /** Motie: the indieners, the first one first. Toezegging: the member(s) it was made to. */
  readonly leden: readonly Lid[];
  readonly bewindspersoon: string;
  readonly ministerie: string;
  readonly thema: string;
}

export type CorrigeerbaarVeld = keyof Registratie;
export const CORRIGEERBARE_VELDEN: readonly CorrigeerbaarVeld[] = [
  'nummer', 'titel', 'tekst', 'vergaderjaar', 'datum', 'debat', 'leden', 'bewindspersoon', 'ministerie', 'thema',
];
