import { BusinessDate } from '../shared/business-date';
import { Bewindspersoon, Soort, Termijn } from '../item/item.types';

/**
 * What a clerk asks to change in one go: the same item command for every item it covers. An
 * overdracht covers every open item of `van`, or only the selection; a termijnwijziging always a
 * selection.
 */
export type BulkOpdracht =
  | {
      readonly soort: 'overdracht';
      /** The departing bewindspersoon, as the register names them. */
      readonly van: string;
      readonly naar: Bewindspersoon;
      readonly datum: BusinessDate;
      readonly reden: string;
      /** Null: every open item of `van`. */
      readonly itemIds: readonly string[] | null;
    }
  | {
      readonly soort: 'termijnwijziging';
      readonly termijn: Termijn;
      readonly datum: BusinessDate;
      readonly reden: string;
      readonly itemIds: readonly string[];
    };

export type BulkSoort = BulkOpdracht['soort'];

/** An item a bulk change covers, as it stood when the change was decided. */
export interface BulkItem {
  readonly itemId: string;
  readonly soort: Soort;
  readonly nummer: string;
  /** Shortened to MAX_TITEL_TEKENS characters: the record of a bulk change must fit one event. */
  readonly titel: string;
  /** What the change replaces, in words: the bewindspersoon (ministerie), or the termijn. */
  readonly huidig: string;
}

/** An item the change leaves as it is, and why (closed, or already as asked). */
export interface OvergeslagenItem extends BulkItem {
  readonly code: string;
  readonly melding: string;
}

/**
 * `uitgevoerd`: this bulk change's item command is in the item's history; `al-gedaan`: the item
 * already was as asked when its turn came; `geweigerd`: the item's own rules refused it (closed
 * meanwhile, a date before its registration), or what the change replaces was changed by someone
 * else after the decision (transferred elsewhere, another termijn): a later choice, left alone.
 */
export type Uitkomst = 'uitgevoerd' | 'al-gedaan' | 'geweigerd';

export interface ItemUitkomst {
  readonly itemId: string;
  readonly uitkomst: Uitkomst;
  readonly code: string | null;
  /** Shortened to MAX_MELDING_BYTES (bulkwijziging.grootte.ts). */
  readonly melding: string | null;
  /** Of the item's event this change appended (uitgevoerd only). */
  readonly revisie: number | null;
  readonly positie: string | null;
}

/**
 * At most this many items in one bulk change (for an overdracht of everything: open items of the
 * departing bewindspersoon); more is split by selection. It keeps the decision and the outcome each
 * within one event (see bulkwijziging.grootte.ts).
 */
export const MAX_BULK_ITEMS = 2000;
/** At most this many skipped items are listed with their reason; the rest is counted. */
export const MAX_OVERGESLAGEN_GENOEMD = 1000;
