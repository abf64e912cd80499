import { VerbodenOvergangError } from '../item/item.errors';

export class HerinneringAlVoorbereidError extends VerbodenOvergangError {
  readonly code = 'herinnering-al-voorbereid';
  constructor() {
    super('Deze herinnering is al opgesteld: een nieuwe poging verstuurt wat toen is vastgelegd.');
  }
}

export class HerinneringNietVoorbereidError extends VerbodenOvergangError {
  readonly code = 'herinnering-niet-voorbereid';
  constructor() {
    super('Deze herinnering is nog niet opgesteld: er valt niets te versturen.');
  }
}

/** Sent already: never a second time for the same recipient and period. */
export class HerinneringAlVerstuurdError extends VerbodenOvergangError {
  readonly code = 'herinnering-al-verstuurd';
  constructor() {
    super('Deze herinnering is al verstuurd.');
  }
}

/** The server refused it for good: trying again the same period would be refused again. */
export class HerinneringGeweigerdError extends VerbodenOvergangError {
  readonly code = 'herinnering-geweigerd';
  constructor(reden: string) {
    super(`De mailserver weigerde deze herinnering: ${reden}`);
  }
}

export class HerinneringAnderBerichtError extends VerbodenOvergangError {
  readonly code = 'herinnering-ander-bericht';
  constructor() {
    super('Het verstuurde bericht is niet het bericht dat voor deze herinnering is opgesteld.');
  }
}
