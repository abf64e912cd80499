import { OpgeslagenEvent } from '../shared/opgeslagen-event';
import { BulkItem, BulkOpdracht, ItemUitkomst, OvergeslagenItem } from './bulkwijziging.types';

export interface BulkwijzigingBeslotenData {
  readonly bulkwijzigingId: string;
  readonly opdracht: BulkOpdracht;
  /** Hex SHA-256 of the request as given: another request under the same Idempotency-Key is refused. */
  readonly verzoekHash: string;
  /** The items the change covers, resolved when it was decided: these and only these get the item command. */
  readonly items: readonly BulkItem[];
  readonly overgeslagen: readonly OvergeslagenItem[];
  /** All skipped items, also those beyond the ones listed. */
  readonly aantalOvergeslagen: number;
}

export interface BulkwijzigingAfgerondData {
  readonly bulkwijzigingId: string;
  /** One per decided item, in the decision's order. */
  readonly uitkomsten: readonly ItemUitkomst[];
}

export type BulkwijzigingEvent =
  | { readonly feit: 'BulkwijzigingBesloten'; readonly data: BulkwijzigingBeslotenData }
  | { readonly feit: 'BulkwijzigingAfgerond'; readonly data: BulkwijzigingAfgerondData };

export const BULKWIJZIGING_FEITEN = ['BulkwijzigingBesloten', 'BulkwijzigingAfgerond'] as const;

export function leesBulkwijzigingEvent(stored: OpgeslagenEvent): BulkwijzigingEvent | undefined {
  return (BULKWIJZIGING_FEITEN as readonly string[]).includes(stored.type) ? ({ feit: stored.type, data: stored.data } as BulkwijzigingEvent) : undefined;
}

export function bulkwijzigingStream(bulkwijzigingId: string): string {
  return `bulkwijziging-${bulkwijzigingId}`;
}
