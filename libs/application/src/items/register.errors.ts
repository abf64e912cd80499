import { DomainError } from '@register/domain';

export class ItemNietGevondenError extends DomainError {
  readonly code = 'item-niet-gevonden';
  constructor(readonly wat: string) {
    super(`Er staat geen motie of toezegging ${wat} in het register.`);
  }
}

/** The item that holds a number, as a refusal names it. */
export interface NummerHouder {
  readonly itemId: string;
  readonly soort: string;
  readonly titel: string;
}

/**
 * A number is a natural key: two items never share one. The message names the item that holds it;
 * `houder` is null only when another request claimed the number at the same moment and its item is
 * not written yet.
 */
export class NummerInGebruikError extends DomainError {
  readonly code = 'nummer-in-gebruik';
  constructor(
    readonly nummer: string,
    readonly houder: NummerHouder | null,
  ) {
    super(houder ? `Nummer ${nummer} is al in gebruik door de ${houder.soort} "${houder.titel}" (${houder.itemId}).` : `Nummer ${nummer} is al in gebruik: een ander item legt het op dit moment vast.`);
  }

  /** The field error: what is wrong with the number, without repeating it. */
  get melding(): string {
    return this.houder ? `is al in gebruik door de ${this.houder.soort} "${this.houder.titel}"` : 'is al in gebruik door een item dat op dit moment wordt vastgelegd';
  }
}

/** Someone else changed the item since the client read it. */
export class RevisieConflictError extends DomainError {
  readonly code = 'revisie-conflict';
  constructor(
    readonly itemId: string,
    readonly verwacht: number | string,
    readonly huidig: number,
  ) {
    super(`Het item is intussen door iemand anders gewijzigd (revisie ${huidig}, u verwachtte ${verwacht}). Laad het opnieuw en probeer het nog eens.`);
  }
}
