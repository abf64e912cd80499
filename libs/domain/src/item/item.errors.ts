import { DomainError } from '../shared/domain-error';
import { Soort } from './item.types';

const lidwoord = (soort: Soort) => (soort === 'motie' ? 'De motie' : 'De toezegging');

/** The transition is not allowed in the item's current status. Every subclass says which rule. */
export abstract class VerbodenOvergangError extends DomainError {}

export class ItemBestaatAlError extends VerbodenOvergangError {
  readonly code = 'item-bestaat-al';
  constructor(readonly itemId: string) {
    super(`Item ${itemId} is al geregistreerd.`);
  }
}

export class ItemNietGeregistreerdError extends VerbodenOvergangError {
  readonly code = 'item-niet-geregistreerd';
  constructor() {
    super('Dit item is nog niet geregistreerd.');
  }
}

export class ItemAlAfgedaanError extends VerbodenOvergangError {
  readonly code = 'item-al-afgedaan';
  constructor(soort: Soort, nummer: string, datum: string) {
    super(`${lidwoord(soort)} ${nummer} is al afgedaan op ${datum}.`);
  }
}

export class ItemVervallenError extends VerbodenOvergangError {
  readonly code = 'item-vervallen';
  constructor(soort: Soort, nummer: string) {
    super(`${lidwoord(soort)} ${nummer} is vervallen; er kan niets meer aan gebeuren.`);
  }
}

export class ItemNietAfgedaanError extends VerbodenOvergangError {
  readonly code = 'item-niet-afgedaan';
  constructor(soort: Soort, nummer: string) {
    super(`${lidwoord(soort)} ${nummer} is niet afgedaan en kan dus niet worden heropend.`);
  }
}

export class DatumVoorRegistratieError extends VerbodenOvergangError {
  readonly code = 'datum-voor-registratie';
  constructor(datum: string, registratieDatum: string) {
    super(`De datum ${datum} ligt vóór de datum van het item zelf (${registratieDatum}).`);
  }
}

export class GeenWijzigingError extends VerbodenOvergangError {
  readonly code = 'geen-wijziging';
  constructor(wat: string) {
    super(`Er verandert niets: ${wat}.`);
  }
}

export class KoppelingAanZichzelfError extends VerbodenOvergangError {
  readonly code = 'koppeling-aan-zichzelf';
  constructor(nummer: string) {
    super(`Item ${nummer} kan niet aan zichzelf worden gekoppeld.`);
  }
}

export class KoppelingDoelOnbekendError extends VerbodenOvergangError {
  readonly code = 'koppeling-doel-onbekend';
  constructor(doelItemId: string) {
    super(`Het item ${doelItemId} om aan te koppelen bestaat niet in het register.`);
  }
}

export class KoppelingBestaatAlError extends VerbodenOvergangError {
  readonly code = 'koppeling-bestaat-al';
  constructor(relatie: string, doelNummer: string) {
    super(`Dit item is al gekoppeld aan ${doelNummer} (${relatie}).`);
  }
}

export class OngeldigGegevenError extends VerbodenOvergangError {
  readonly code = 'ongeldig-gegeven';
  constructor(readonly veld: string, message: string) {
    super(message);
  }
}
