import { BusinessDate } from '../shared/business-date';
import { Lid, Soort } from '../item/item.types';

/** The status a report declares for an item; becomes the item's own afdoening when the report is sent. */
export const VERKLAARDE_STATUSSEN = ['afgedaan', 'deels-afgedaan', 'in-behandeling'] as const;
export type VerklaardeStatus = (typeof VERKLAARDE_STATUSSEN)[number];

/** An item as the report covers it. The details are frozen into the report when it is sent. */
export interface BerichtItem {
  readonly itemId: string;
  readonly soort: Soort;
  readonly sectie: string;
  /** What the ministry did: the progress text of this report. */
  readonly tekst: string;
  readonly status: VerklaardeStatus;
  /** For deels-afgedaan: which part. */
  readonly deel: string | null;
}

/** The item's registration as it stood when the report was sent, so the annex can be made again. */
export interface ItemMomentopname {
  readonly itemId: string;
  readonly soort: Soort;
  readonly nummer: string;
  readonly nummerBron: 'kamer' | 'intern';
  readonly vergaderjaar: string | null;
  readonly titel: string;
  readonly leden: readonly Lid[];
  readonly datum: BusinessDate;
  readonly debat: string;
  readonly bewindspersoon: string;
}

export interface AanvullendeZaak {
  readonly zaakId: string;
  readonly sectie: string;
  readonly titel: string;
  readonly tekst: string;
}
