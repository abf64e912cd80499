import { DomainError } from '@register/domain';

export class ItemNietGevondenError extends DomainError {
  readonly code = 'item-niet-gevonden';
  constructor(readonly wat: string) {
    super(`Er staat geen motie of toezegging ${wat} in het register.`);
  }
}

/** A number is a natural key: two items never share one. The message names the item that holds it. */
export class NummerInGebruikError extends DomainError {
  readonly code = 'nummer-in-gebruik';
  constructor(
    readonly nummer: string,
    readonly houder: { itemId: string; soort: string; titel: string },
  ) {
    super(`Nummer ${nummer} is al in gebruik door de ${houder.soort} "${houder.titel}" (${houder.itemId}).`);
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
