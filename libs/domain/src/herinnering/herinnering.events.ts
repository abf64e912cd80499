import { OpgeslagenEvent } from '../shared/opgeslagen-event';
import { HerinneringInhoud, HerinneringOntvanger, HerinneringSoort } from './herinnering.types';

export interface HerinneringVoorbereidData {
  readonly herinneringId: string;
  readonly soort: HerinneringSoort;
  /** The day (JJJJ-MM-DD) of an owner's digest, the ISO week (JJJJ-Www) of a bewindspersoon's summary. */
  readonly periode: string;
  /** The business date the lists were drawn up for: before it is overdue. */
  readonly datum: string;
  /** "Binnenkort": a termijn on `datum` or at most this many days after it. */
  readonly dagen: number;
  readonly ontvanger: HerinneringOntvanger;
  /** A bewindspersoon's summary: whose items (as the register writes the name). */
  readonly bewindspersoon: string | null;
  readonly onderwerp: string;
  /** The mail's Message-ID: the same for every attempt, so a copy sent twice is recognisably one message. */
  readonly messageId: string;
  readonly inhoud: HerinneringInhoud;
}

export interface HerinneringVerstuurdData {
  readonly herinneringId: string;
  readonly messageId: string;
  /** What the SMTP server answered when it accepted the message. */
  readonly smtpAntwoord: string;
  /** Which attempt got through (1: the first). */
  readonly poging: number;
  /** Sent again after an interruption between sending and recording it: the copy may be a second one. */
  readonly hervat: boolean;
}

export interface HerinneringMisluktData {
  readonly herinneringId: string;
  readonly reden: string;
  /** The server refused the recipient or the message (a 5xx answer): trying again will not help. */
  readonly blijvend: boolean;
  readonly poging: number;
  /**
   * The connection broke or timed out, possibly after the server had the message: it may have been
   * delivered, so a later attempt may be a second copy. Absent in events from before the field: false.
   */
  readonly onzeker?: boolean;
}

export type HerinneringEvent =
  | { readonly feit: 'HerinneringVoorbereid'; readonly data: HerinneringVoorbereidData }
  | { readonly feit: 'HerinneringVerstuurd'; readonly data: HerinneringVerstuurdData }
  | { readonly feit: 'HerinneringMislukt'; readonly data: HerinneringMisluktData };

export const HERINNERING_FEITEN = ['HerinneringVoorbereid', 'HerinneringVerstuurd', 'HerinneringMislukt'] as const;

export function leesHerinneringEvent(stored: OpgeslagenEvent): HerinneringEvent | undefined {
  return (HERINNERING_FEITEN as readonly string[]).includes(stored.type) ? ({ feit: stored.type, data: stored.data } as HerinneringEvent) : undefined;
}

export const HERINNERING_CATEGORIE = 'herinnering';

export function herinneringStream(herinneringId: string): string {
  return `${HERINNERING_CATEGORIE}-${herinneringId}`;
}
