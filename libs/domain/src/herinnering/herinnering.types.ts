/**
 * A reminder digest: one mail to one recipient for one period, saying which open items fall due
 * soon and which are overdue. An owner (behandelaar) gets one per day; a bewindspersoon's office
 * one per ISO week. What the mail said is recorded before it is sent, so an auditor can show what
 * the recipient was told, and a run after a crash sends what was recorded, not something new.
 */
export type HerinneringSoort = 'behandelaar' | 'bewindspersoon';

/** The items a digest lists at most; the rest are counted and reached by the link to the register. */
export const MAX_HERINNERING_ITEMS = 200;

export interface HerinneringItem {
  readonly itemId: string;
  readonly soort: 'motie' | 'toezegging';
  readonly nummer: string;
  readonly titel: string;
  /** The termijn's date (business date): before `datum` it is overdue. */
  readonly termijnDatum: string;
  readonly termijnOmschrijving: string;
  /** On a bewindspersoon's summary: who owns it (null: nobody yet). */
  readonly behandelaar: { readonly naam: string; readonly directie: string } | null;
}

export interface HerinneringOntvanger {
  /** Lower case, as the register compares e-mail addresses. */
  readonly email: string;
  readonly naam: string;
}

export interface HerinneringInhoud {
  readonly achterstallig: readonly HerinneringItem[];
  readonly binnenkort: readonly HerinneringItem[];
  /** All of them, also beyond the ones listed. */
  readonly aantalAchterstallig: number;
  readonly aantalBinnenkort: number;
  /** A bewindspersoon's summary: open items of that bewindspersoon nobody owns. */
  readonly zonderBehandelaar?: number;
}
