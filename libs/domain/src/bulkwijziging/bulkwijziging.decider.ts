import { OngeldigGegevenError } from '../item/item.errors';
import { BulkwijzigingAfgerondData, BulkwijzigingBeslotenData, BulkwijzigingEvent } from './bulkwijziging.events';
import { BulkwijzigingAlAfgerondError, BulkwijzigingBestaatAlError, BulkwijzigingNietBeslotenError, NietsTeDoenError, TeGrootError, TeVeelItemsError, UitkomstenOnvolledigError } from './bulkwijziging.errors';
import { MAX_BULK_EVENT_BYTES, jsonBytes } from './bulkwijziging.grootte';
import { ItemUitkomst, MAX_BULK_ITEMS } from './bulkwijziging.types';

/*
 * A bulk change (an overdracht after a cabinet change, a new termijn for a selection) as a small
 * aggregate: the decision is recorded first, with the resolved list of items, before any item
 * command runs; the outcome per item is recorded last. The item commands themselves go to each
 * item's own stream, so a bulk change never changes an item in its own stream.
 */

export type BulkwijzigingState =
  | { readonly status: 'Nieuw' }
  | { readonly status: 'Besloten'; readonly besluit: BulkwijzigingBeslotenData }
  | { readonly status: 'Afgerond'; readonly besluit: BulkwijzigingBeslotenData; readonly uitkomsten: readonly ItemUitkomst[] };

export const initialBulkwijzigingState: BulkwijzigingState = { status: 'Nieuw' };

export type BulkwijzigingCommand =
  | { readonly type: 'Besluit'; readonly data: BulkwijzigingBeslotenData }
  | { readonly type: 'RondAf'; readonly data: BulkwijzigingAfgerondData };

export function evolveBulkwijziging(state: BulkwijzigingState, event: BulkwijzigingEvent): BulkwijzigingState {
  switch (event.feit) {
    case 'BulkwijzigingBesloten':
      return { status: 'Besloten', besluit: event.data };
    case 'BulkwijzigingAfgerond':
      return state.status === 'Nieuw' ? state : { status: 'Afgerond', besluit: state.besluit, uitkomsten: event.data.uitkomsten };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

export function decideBulkwijziging(command: BulkwijzigingCommand, state: BulkwijzigingState): BulkwijzigingEvent[] {
  switch (command.type) {
    case 'Besluit': {
      if (state.status !== 'Nieuw') throw new BulkwijzigingBestaatAlError();
      const { items, opdracht, aantalOvergeslagen } = command.data;
      if (items.length === 0) throw new NietsTeDoenError(opdracht, aantalOvergeslagen);
      if (items.length > MAX_BULK_ITEMS) throw new TeVeelItemsError(items.length, MAX_BULK_ITEMS);
      if (new Set(items.map((i) => i.itemId)).size !== items.length) throw new OngeldigGegevenError('itemIds', 'Elk item mag maar één keer in een bulkwijziging staan.');
      // The decision is one event: one the store would refuse is refused now, before any item changes.
      // (The outcome fits by construction: MAX_BULK_ITEMS outcomes with bounded messages; see the tests.)
      const bytes = jsonBytes(command.data);
      if (bytes > MAX_BULK_EVENT_BYTES) throw new TeGrootError(bytes, MAX_BULK_EVENT_BYTES, items.length);
      return [{ feit: 'BulkwijzigingBesloten', data: command.data }];
    }
    case 'RondAf': {
      if (state.status === 'Nieuw') throw new BulkwijzigingNietBeslotenError();
      if (state.status === 'Afgerond') throw new BulkwijzigingAlAfgerondError();
      const besloten = state.besluit.items.map((i) => i.itemId);
      const genoemd = command.data.uitkomsten.map((u) => u.itemId);
      if (besloten.length !== genoemd.length || besloten.some((id, i) => genoemd[i] !== id)) throw new UitkomstenOnvolledigError();
      return [{ feit: 'BulkwijzigingAfgerond', data: command.data }];
    }
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}
