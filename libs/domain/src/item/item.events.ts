import { BusinessDate } from '../shared/business-date';
import { schemaVersieVan, upcast } from './item.upcasting';
import { AfdoeningWijze, Behandelaar, Bewindspersoon, CorrigeerbaarVeld, Registratie, Relatie, Soort, Termijn } from './item.types';
import { OpgeslagenEvent } from '../shared/opgeslagen-event';

/**
 * The facts of an item's life. Stored type = `<Soort><Feit>` (`MotieAfgedaan`, `ToezeggingGeregistreerd`)
 * so that each kind reads naturally in the log; the data is plain JSON and the same for both kinds.
 */
export const FEITEN = [
  'Geregistreerd',
  'RegistratieGecorrigeerd',
  'TermijnGewijzigd',
  'VoortgangGerapporteerd',
  'Afgedaan',
  'DeelsAfgedaan',
  'Heropend',
  'Overgedragen',
  'Gekoppeld',
  'Vervallen',
  'BehandelaarToegewezen',
] as const;
export type Feit = (typeof FEITEN)[number];

export interface GeregistreerdData extends Registratie {
  readonly itemId: string;
  readonly soort: Soort;
  /** Whether the number is the Kamer's own or one the register handed out. */
  readonly nummerBron: 'kamer' | 'intern';
  readonly termijn: Termijn | null;
  /**
   * The owner, when the clerk named one at registration. Absent rather than null when not given, so
   * a registration without one is stored exactly as before the field existed (no schema version).
   */
  readonly behandelaar?: Behandelaar;
}

export interface Wijziging {
  readonly veld: CorrigeerbaarVeld;
  readonly oud: unknown;
  readonly nieuw: unknown;
}

export interface RegistratieGecorrigeerdData {
  readonly itemId: string;
  readonly wijzigingen: readonly Wijziging[];
  readonly reden: string;
}

export interface TermijnGewijzigdData {
  readonly itemId: string;
  readonly datum: BusinessDate;
  readonly oud: Termijn | null;
  readonly nieuw: Termijn;
  readonly reden: string;
}

export interface VoortgangGerapporteerdData {
  readonly itemId: string;
  readonly datum: BusinessDate;
  readonly tekst: string;
}

export interface AfgedaanData {
  readonly itemId: string;
  readonly datum: BusinessDate;
  readonly wijze: AfdoeningWijze;
  readonly toelichting: string;
}

export interface DeelsAfgedaanData {
  readonly itemId: string;
  readonly datum: BusinessDate;
  readonly deel: string;
  readonly bewijs: AfdoeningWijze;
}

export interface HeropendData {
  readonly itemId: string;
  readonly datum: BusinessDate;
  readonly reden: string;
}

export interface OvergedragenData {
  readonly itemId: string;
  readonly datum: BusinessDate;
  readonly van: Bewindspersoon;
  readonly naar: Bewindspersoon;
  readonly reden: string;
}

export interface GekoppeldData {
  readonly itemId: string;
  readonly datum: BusinessDate;
  readonly relatie: Relatie;
  readonly doelItemId: string;
  readonly doelNummer: string;
}

export interface VervallenData {
  readonly itemId: string;
  readonly datum: BusinessDate;
  readonly reden: string;
}

/** A behandelaar assigned for the first time (`van` null) or changed to another. */
export interface BehandelaarToegewezenData {
  readonly itemId: string;
  readonly datum: BusinessDate;
  readonly van: Behandelaar | null;
  readonly naar: Behandelaar;
  readonly reden: string;
}

interface Ev<F extends Feit, D> {
  readonly feit: F;
  readonly data: D;
}

/** An item event as the domain sees it: the fact and its data. The kind is in the stream. */
export type ItemEvent =
  | Ev<'Geregistreerd', GeregistreerdData>
  | Ev<'RegistratieGecorrigeerd', RegistratieGecorrigeerdData>
  | Ev<'TermijnGewijzigd', TermijnGewijzigdData>
  | Ev<'VoortgangGerapporteerd', VoortgangGerapporteerdData>
  | Ev<'Afgedaan', AfgedaanData>
  | Ev<'DeelsAfgedaan', DeelsAfgedaanData>
  | Ev<'Heropend', HeropendData>
  | Ev<'Overgedragen', OvergedragenData>
  | Ev<'Gekoppeld', GekoppeldData>
  | Ev<'Vervallen', VervallenData>
  | Ev<'BehandelaarToegewezen', BehandelaarToegewezenData>;

export function eventType(soort: Soort, feit: Feit): string {
  return `${soort === 'motie' ? 'Motie' : 'Toezegging'}${feit}`;
}

/** Reads a stored type back into kind and fact; undefined for types that are not item events. */
export function parseEventType(type: string): { soort: Soort; feit: Feit } | undefined {
  const soort: Soort | undefined = type.startsWith('Motie') ? 'motie' : type.startsWith('Toezegging') ? 'toezegging' : undefined;
  if (!soort) return undefined;
  const feit = type.slice(soort === 'motie' ? 5 : 10) as Feit;
  return (FEITEN as readonly string[]).includes(feit) ? { soort, feit } : undefined;
}


/** An item event with the kind its stored type names. */
export type GelezenItemEvent = ItemEvent & { readonly soort: Soort };

/**
 * The one way back from a stored event to the domain's item event: kind and fact from the type, and
 * the data upcast from the schema version it was written with. Undefined for events that are not
 * item events. Deciders, projections, time travel and the reports all read item events through it.
 */
export function leesItemEvent(stored: OpgeslagenEvent): GelezenItemEvent | undefined {
  const parsed = parseEventType(stored.type);
  if (!parsed) return undefined;
  const data = upcast(stored.type, stored.data, stored.metadata.schemaVersion ?? schemaVersieVan(stored.type));
  // The fact names the data's shape; the upcaster gives the current version of it.
  return { soort: parsed.soort, feit: parsed.feit, data } as GelezenItemEvent;
}
