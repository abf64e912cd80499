import { DomainError } from '../shared/domain-error';
import { DraagOver, WijzigTermijn } from '../item/item.commands';
import { decide } from '../item/item.decider';
import { GeenWijzigingError, OngeldigGegevenError } from '../item/item.errors';
import { ItemState } from '../item/item.state';
import { Weigering } from './bulkwijziging.errors';
import { MAX_MELDING_BYTES, MAX_TITEL_TEKENS, ingekort, ingekortTotBytes } from './bulkwijziging.grootte';
import { BulkItem, BulkOpdracht, OvergeslagenItem, Uitkomst } from './bulkwijziging.types';

/** The item command a bulk change gives every item it covers: the one a clerk gives a single item. */
export function itemWijziging(opdracht: BulkOpdracht): DraagOver | WijzigTermijn {
  return opdracht.soort === 'overdracht'
    ? { type: 'DraagOver', datum: opdracht.datum, naar: opdracht.naar, reden: opdracht.reden }
    : { type: 'WijzigTermijn', datum: opdracht.datum, termijn: opdracht.termijn, reden: opdracht.reden };
}

/**
 * A bewindspersoon's name as names are compared: lower case, no diacritics, single spaces. The
 * register finds names the same way (its zoekSleutel), so every spelling it finds for `van` is one
 * this change also takes, and none is silently left behind.
 */
export function bewindspersoonSleutel(naam: string): string {
  return naam.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Bewindspersonen are one and the same up to case, accents and extra spaces. */
export function zelfdeBewindspersoon(a: string, b: string): boolean {
  return bewindspersoonSleutel(a) === bewindspersoonSleutel(b);
}

/**
 * Where an item stands in a bulk change. `meenemen`: it gets the item command. `overslaan`: it stays
 * as it is, with the reason (already as asked, a date before its registration). `weigeren`: a
 * selection names it but it cannot take part, so the request is refused as a whole. `buiten`: not
 * an item of the departing bewindspersoon at all (the register's list was a moment behind).
 */
export type Beoordeling =
  | { readonly oordeel: 'meenemen'; readonly item: BulkItem }
  | { readonly oordeel: 'overslaan'; readonly item: OvergeslagenItem }
  | { readonly oordeel: 'weigeren'; readonly weigering: Weigering }
  | { readonly oordeel: 'buiten' };

const lidwoord = (soort: string) => (soort === 'motie' ? 'De motie' : 'De toezegging');

/** What the change replaces on this item, in words: its bewindspersoon (ministerie), or its termijn. */
export function huidigVan(opdracht: BulkOpdracht, state: Exclude<ItemState, { status: 'Nieuw' }>): string {
  if (opdracht.soort === 'overdracht') return `${state.registratie.bewindspersoon} (${state.registratie.ministerie})`;
  const termijn = state.termijn;
  return termijn ? `${termijn.omschrijving}${termijn.datum ? ` (${termijn.datum})` : ''}` : 'geen termijn';
}

/**
 * Judges one item against a bulk change by running the item's own decider on its current state,
 * without appending anything: what the item's rules would refuse now is said now.
 */
export function beoordeelItem(opdracht: BulkOpdracht, itemId: string, state: ItemState): Beoordeling {
  const selectie = opdracht.itemIds !== null;
  if (state.status === 'Nieuw') {
    return selectie ? { oordeel: 'weigeren', weigering: { itemId, nummer: null, code: 'item-niet-gevonden', melding: `Er staat geen motie of toezegging ${itemId} in het register.` } } : { oordeel: 'buiten' };
  }
  const { nummer, titel, bewindspersoon } = state.registratie;
  const item: BulkItem = { itemId, soort: state.soort, nummer, titel: ingekort(titel, MAX_TITEL_TEKENS), huidig: huidigVan(opdracht, state) };
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

/**
 * A decided item when its turn comes: `uitvoeren` (send the item command, whose own decider still
 * has the last word), or already an outcome. What the change replaces must still be what it was
 * when the change was decided: a termijn a clerk set, or a transfer made, after the decision is a
 * later choice than this one and is left alone (`gewijzigd-sinds-besluit`, `andere-bewindspersoon`),
 * unless the item already is as asked.
 */
export type Herbeoordeling =
  | { readonly oordeel: 'uitvoeren' }
  | { readonly oordeel: Exclude<Uitkomst, 'uitgevoerd'>; readonly code: string; readonly melding: string };

export function herbeoordeelItem(opdracht: BulkOpdracht, besloten: BulkItem, state: ItemState): Herbeoordeling {
  if (state.status === 'Nieuw') return { oordeel: 'geweigerd', code: 'item-niet-gevonden', melding: `Er staat geen motie of toezegging ${besloten.itemId} in het register.` };
  const huidig = huidigVan(opdracht, state);
  if (huidig === besloten.huidig) return { oordeel: 'uitvoeren' };
  try {
    decide(itemWijziging(opdracht), state);
  } catch (error) {
    if (error instanceof GeenWijzigingError) return { oordeel: 'al-gedaan', code: error.code, melding: error.message };
  }
  if (opdracht.soort === 'overdracht' && !zelfdeBewindspersoon(state.registratie.bewindspersoon, opdracht.van)) {
    return { oordeel: 'geweigerd', code: 'andere-bewindspersoon', melding: `Ligt intussen bij ${huidig}, niet meer bij ${opdracht.van}; niet overgedragen.` };
  }
  const wat = opdracht.soort === 'overdracht' ? 'de bewindspersoon' : 'de termijn';
  return {
    oordeel: 'geweigerd',
    code: 'gewijzigd-sinds-besluit',
    melding: `Na het besluit is ${wat} van dit item gewijzigd in ${huidig} (bij het besluit: ${besloten.huidig}); die wijziging is niet overschreven. Wijzig het item zo nodig apart.`,
  };
}

/** An outcome's message as a bulk change records it: bounded, so that the outcome of every item fits one event. */
export function uitkomstMelding(melding: string): string {
  return ingekortTotBytes(melding, MAX_MELDING_BYTES);
}
