import { VerbodenOvergangError } from '../item/item.errors';
import { BulkOpdracht } from './bulkwijziging.types';

export class BulkwijzigingBestaatAlError extends VerbodenOvergangError {
  readonly code = 'bulkwijziging-bestaat-al';
  constructor() {
    super('Over deze bulkwijziging is al besloten.');
  }
}

export class BulkwijzigingNietBeslotenError extends VerbodenOvergangError {
  readonly code = 'bulkwijziging-niet-besloten';
  constructor() {
    super('Over deze bulkwijziging is nog niet besloten: er valt niets af te ronden.');
  }
}

export class BulkwijzigingAlAfgerondError extends VerbodenOvergangError {
  readonly code = 'bulkwijziging-al-afgerond';
  constructor() {
    super('Deze bulkwijziging is al afgerond.');
  }
}

/** The outcome must name every decided item exactly once: an item left out would be a step nobody can see. */
export class UitkomstenOnvolledigError extends VerbodenOvergangError {
  readonly code = 'uitkomsten-onvolledig';
  constructor() {
    super('De uitkomst van een bulkwijziging moet elk besloten item precies één keer noemen.');
  }
}

/** Nothing the request covers would change: it is refused rather than recorded empty. */
export class NietsTeDoenError extends VerbodenOvergangError {
  readonly code: 'niets-over-te-dragen' | 'niets-te-wijzigen';
  constructor(opdracht: BulkOpdracht, aantalOvergeslagen: number) {
    const overgeslagen = aantalOvergeslagen > 0 ? ` (${aantalOvergeslagen} ${aantalOvergeslagen === 1 ? 'item blijft' : 'items blijven'} zoals ${aantalOvergeslagen === 1 ? 'het is' : 'ze zijn'}; zie het voorbeeld)` : '';
    if (opdracht.soort === 'overdracht') {
      super(
        opdracht.itemIds === null
          ? `Er is niets over te dragen: ${opdracht.van} heeft geen open items (in behandeling of deels afgedaan) die nog over te dragen zijn${overgeslagen}.`
          : `Er is niets over te dragen: elk gekozen item ligt al bij ${opdracht.naar.bewindspersoon} (${opdracht.naar.ministerie}).`,
      );
      this.code = 'niets-over-te-dragen';
    } else {
      super(`Er is niets te wijzigen: elk gekozen item heeft deze termijn al${overgeslagen}.`);
      this.code = 'niets-te-wijzigen';
    }
  }
}

export class TeVeelItemsError extends VerbodenOvergangError {
  readonly code = 'te-veel-items';
  constructor(aantal: number, max: number) {
    super(`Deze bulkwijziging zou ${aantal.toLocaleString('nl-NL')} items raken; dat kan in ten hoogste ${max.toLocaleString('nl-NL')} per keer. Splits haar met een selectie (itemIds).`);
  }
}

/** The record of the decision would not fit one event: the event store would refuse it. */
export class TeGrootError extends VerbodenOvergangError {
  readonly code = 'te-groot';
  constructor(bytes: number, max: number, aantal: number) {
    const kB = (n: number) => Math.ceil(n / 1024).toLocaleString('nl-NL');
    super(
      `Deze bulkwijziging van ${aantal.toLocaleString('nl-NL')} ${aantal === 1 ? 'item' : 'items'} is te groot om in één keer vast te leggen (${kB(bytes)} kB, ten hoogste ${kB(max)} kB); er is niets gewijzigd. Splits de selectie: kies met itemIds een deel van de items en voer de delen na elkaar uit.`,
    );
  }
}

/** No item of the register names this bewindspersoon (up to case, accents and spaces): most likely a typing error. */
export class BewindspersoonOnbekendError extends VerbodenOvergangError {
  readonly code = 'bewindspersoon-onbekend';
  constructor(van: string) {
    super(`Er staat geen enkel item op naam van "${van}" in het register: er is niets over te dragen. Kies de bewindspersoon zoals het register die noemt.`);
  }
}

/** An item a selection names that cannot take part, and why. */
export interface Weigering {
  readonly itemId: string;
  readonly nummer: string | null;
  readonly code: string;
  readonly melding: string;
}

const GENOEMD = 10;

/** A selection may only name items the change can apply to: otherwise nothing of it runs. */
export class SelectieOngeldigError extends VerbodenOvergangError {
  readonly code = 'selectie-ongeldig';
  constructor(readonly weigeringen: readonly Weigering[]) {
    const redenen = weigeringen.slice(0, GENOEMD).map((w) => (w.nummer && !w.melding.includes(w.nummer) ? `${w.nummer}: ${w.melding}` : w.melding));
    const rest = weigeringen.length > GENOEMD ? ` En nog ${weigeringen.length - GENOEMD} andere.` : '';
    super(`${weigeringen.length === 1 ? 'Eén gekozen item kan' : `${weigeringen.length} gekozen items kunnen`} niet mee; er is niets gewijzigd. ${redenen.join(' ')}${rest}`);
  }
}
