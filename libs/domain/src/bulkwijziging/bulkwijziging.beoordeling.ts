import { DomainError } from '../shared/domain-error';
import { DraagOver, WijzigTermijn } from '../item/item.commands';
import { decide } from '../item/item.decider';
import { GeenWijzigingError, OngeldigGegevenError } from '../item/item.errors';
import { ItemState } from '../item/item.state';
import { Weigering } from './bulkwijziging.errors';
import { BulkItem, BulkOpdracht, OvergeslagenItem } from './bulkwijziging.types';

/** The item command a bulk change gives every item it covers: the one a clerk gives a single item. */
export function itemWijziging(opdracht: BulkOpdracht): DraagOver | WijzigTermijn {
  return opdracht.soort === 'overdracht'
    ? { type: 'DraagOver', datum: opdracht.datum, naar: opdracht.naar, reden: opdracht.reden }
    : { type: 'WijzigTermijn', datum: opdracht.datum, termijn: opdracht.termijn, reden: opdracht.reden };
}

/** Bewindspersonen are one and the same up to ASCII case, as the register's filter takes them. */
export function zelfdeBewindspersoon(a: string, b: string): boolean {
  const klein = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return klein(a) === klein(b);
}

/**
 * Where an item stands in a bulk change. `meenemen`: it gets the item command. `overslaan`: it stays
 * as it is, with the reason (closed, or already as asked). `weigeren`: a selection names it but it
 * cannot take part, so the request is refused as a whole. `buiten`: not an item of the departing
 * bewindspersoon at all (the register's list was a moment behind).
 */
export type Beoordeling =
  | { readonly oordeel: 'meenemen'; readonly item: BulkItem }
  | { readonly oordeel: 'overslaan'; readonly item: OvergeslagenItem }
  | { readonly oordeel: 'weigeren'; readonly weigering: Weigering }
  | { readonly oordeel: 'buiten' };

const lidwoord = (soort: string) => (soort === 'motie' ? 'De motie' : 'De toezegging');

/**
 * Judges one item against a bulk change by running the item's own decider on its current state,
 * without appending anything: what the item's rules would refuse now is said now.
 */
export function beoordeelItem(opdracht: BulkOpdracht, itemId: string, state: ItemState): Beoordeling {
  const selectie = opdracht.itemIds !== null;
  if (state.status === 'Nieuw') {
    return selectie ? { oordeel: 'weigeren', weigering: { itemId, nummer: null, code: 'item-niet-gevonden', melding: `Er staat geen motie of toezegging ${itemId} in het register.` } } : { oordeel: 'buiten' };
  }
  const { nummer, titel, bewindspersoon, ministerie } = state.registratie;
  const termijn = state.termijn;
  const huidig = opdracht.soort === 'overdracht' ? `${bewindspersoon} (${ministerie})` : termijn ? `${termijn.omschrijving}${termijn.datum ? ` (${termijn.datum})` : ''}` : 'geen termijn';
  const item: BulkItem = { itemId, soort: state.soort, nummer, titel, huidig };
  if (opdracht.soort === 'overdracht' && !zelfdeBewindspersoon(bewindspersoon, opdracht.van)) {
    if (!selectie) return { oordeel: 'buiten' };
    return { oordeel: 'weigeren', weigering: { itemId, nummer, code: 'andere-bewindspersoon', melding: `${lidwoord(state.soort)} ${nummer} ligt bij ${bewindspersoon}, niet bij ${opdracht.van}.` } };
  }
  try {
    decide(itemWijziging(opdracht), state);
    return { oordeel: 'meenemen', item };
  } catch (error) {
    // Bad input (an empty reason) is the request's fault, not the item's: it is refused as such.
    if (!(error instanceof DomainError) || error instanceof OngeldigGegevenError) throw error;
    // Already as asked: harmless in a selection too. Anything else a selection may not contain.
    if (error instanceof GeenWijzigingError || !selectie) return { oordeel: 'overslaan', item: { ...item, code: error.code, melding: error.message } };
    return { oordeel: 'weigeren', weigering: { itemId, nummer, code: error.code, melding: error.message } };
  }
}
