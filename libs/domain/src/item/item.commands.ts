import { BusinessDate } from '../shared/business-date';
import { AfdoeningWijze, Behandelaar, Bewindspersoon, Lid, Registratie, Relatie, Termijn } from './item.types';

export interface RegistreerMotie {
  readonly type: 'RegistreerMotie';
  readonly itemId: string;
  readonly nummer: string;
  readonly vergaderjaar: string;
  readonly titel: string;
  /** The dictum: "verzoekt de regering ...". */
  readonly tekst: string;
  readonly indieners: readonly Lid[];
  readonly datum: BusinessDate;
  readonly debat: string;
  readonly bewindspersoon: string;
  readonly ministerie: string;
  readonly thema: string;
  readonly termijn: Termijn | null;
  /** The owner, when already known at registration. */
  readonly behandelaar?: Behandelaar | null;
}

export interface RegistreerToezegging {
  readonly type: 'RegistreerToezegging';
  readonly itemId: string;
  /** The Kamer's register number; null when it has none (the register then hands one out). */
  readonly nummer: string | null;
  readonly vergaderjaar: string | null;
  readonly titel: string;
  readonly tekst: string;
  readonly leden: readonly Lid[];
  readonly datum: BusinessDate;
  readonly debat: string;
  readonly bewindspersoon: string;
  readonly ministerie: string;
  readonly thema: string;
  readonly termijn: Termijn | null;
  readonly behandelaar?: Behandelaar | null;
}

export interface CorrigeerRegistratie {
  readonly type: 'CorrigeerRegistratie';
  readonly correcties: Partial<Registratie>;
  readonly reden: string;
}

export interface WijzigTermijn {
  readonly type: 'WijzigTermijn';
  readonly datum: BusinessDate;
  readonly termijn: Termijn;
  readonly reden: string;
}

export interface RapporteerVoortgang {
  readonly type: 'RapporteerVoortgang';
  readonly datum: BusinessDate;
  readonly tekst: string;
}

export interface DoeAf {
  readonly type: 'DoeAf';
  readonly datum: BusinessDate;
  readonly wijze: AfdoeningWijze;
  readonly toelichting: string;
}

export interface DoeDeelsAf {
  readonly type: 'DoeDeelsAf';
  readonly datum: BusinessDate;
  readonly deel: string;
  readonly bewijs: AfdoeningWijze;
}

export interface Heropen {
  readonly type: 'Heropen';
  readonly datum: BusinessDate;
  readonly reden: string;
}

export interface DraagOver {
  readonly type: 'DraagOver';
  readonly datum: BusinessDate;
  readonly naar: Bewindspersoon;
  readonly reden: string;
}

/** The target is looked up by the caller: the decider only sees what exists. */
export interface Koppel {
  readonly type: 'Koppel';
  readonly datum: BusinessDate;
  readonly relatie: Relatie;
  readonly doelItemId: string;
  readonly doel: { readonly itemId: string; readonly nummer: string } | null;
}

export interface LaatVervallen {
  readonly type: 'LaatVervallen';
  readonly datum: BusinessDate;
  readonly reden: string;
}

/**
 * Names the item's owner, the first time or instead of the one before. Allowed on an open item and
 * on an afgedaan one (who wrote the letter stays the one to ask, also when the Kamer reopens it);
 * refused on a vervallen item, on which nothing happens any more.
 */
export interface WijsBehandelaarToe {
  readonly type: 'WijsBehandelaarToe';
  readonly datum: BusinessDate;
  readonly behandelaar: Behandelaar;
  readonly reden: string;
}

export type ItemCommand =
  | RegistreerMotie
  | RegistreerToezegging
  | CorrigeerRegistratie
  | WijzigTermijn
  | RapporteerVoortgang
  | DoeAf
  | DoeDeelsAf
  | Heropen
  | DraagOver
  | Koppel
  | LaatVervallen
  | WijsBehandelaarToe;
