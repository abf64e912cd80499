import { BusinessDate, isBefore, isBusinessDate } from '../shared/business-date';
import { internToezeggingNummer, isKamerstukNummer, isToezeggingNummer, isVergaderjaar } from '../shared/identifiers';
import { ItemCommand, RegistreerMotie, RegistreerToezegging } from './item.commands';
import {
  DatumVoorRegistratieError,
  GeenWijzigingError,
  ItemAlAfgedaanError,
  ItemBestaatAlError,
  ItemNietAfgedaanError,
  ItemNietGeregistreerdError,
  ItemVervallenError,
  KoppelingAanZichzelfError,
  KoppelingBestaatAlError,
  KoppelingDoelOnbekendError,
  OngeldigGegevenError,
} from './item.errors';
import { ItemEvent, Wijziging } from './item.events';
import { GeregistreerdItem, ItemState, isOpen } from './item.state';
import { AfdoeningWijze, Behandelaar, CORRIGEERBARE_VELDEN, Lid, Registratie, Termijn } from './item.types';

/**
 * Decides which events a command on a motie or toezegging produces, or throws the domain error
 * that says why it may not happen. Pure: no clock, no I/O.
 */
export function decide(command: ItemCommand, state: ItemState): ItemEvent[] {
  switch (command.type) {
    case 'RegistreerMotie':
      return registreerMotie(command, state);
    case 'RegistreerToezegging':
      return registreerToezegging(command, state);
    default:
      return decideOnRegistered(command, geregistreerd(state));
  }
}

function decideOnRegistered(command: Exclude<ItemCommand, RegistreerMotie | RegistreerToezegging>, item: GeregistreerdItem): ItemEvent[] {
  const itemId = item.itemId;
  switch (command.type) {
    case 'CorrigeerRegistratie': {
      const wijzigingen = diff(item.registratie, command.correcties, item.soort);
      if (wijzigingen.length === 0) throw new GeenWijzigingError('de correctie is gelijk aan wat al geregistreerd staat');
      return [{ feit: 'RegistratieGecorrigeerd', data: { itemId, wijzigingen, reden: tekst('reden', command.reden) } }];
    }
    case 'WijzigTermijn': {
      moetOpenZijn(item);
      const datum = datumNaRegistratie(command.datum, item);
      const nieuw = termijn(command.termijn);
      if (nieuw && item.termijn && nieuw.omschrijving === item.termijn.omschrijving && nieuw.datum === item.termijn.datum) {
        throw new GeenWijzigingError('de nieuwe termijn is gelijk aan de huidige');
      }
      return [{ feit: 'TermijnGewijzigd', data: { itemId, datum, oud: item.termijn, nieuw: nieuw!, reden: tekst('reden', command.reden) } }];
    }
    case 'RapporteerVoortgang':
      moetOpenZijn(item);
      return [{ feit: 'VoortgangGerapporteerd', data: { itemId, datum: datumNaRegistratie(command.datum, item), tekst: tekst('tekst', command.tekst) } }];
    case 'DoeAf':
      moetOpenZijn(item);
      return [
        {
          feit: 'Afgedaan',
          data: { itemId, datum: datumNaRegistratie(command.datum, item), wijze: wijze(command.wijze), toelichting: tekst('toelichting', command.toelichting) },
        },
      ];
    case 'DoeDeelsAf':
      moetOpenZijn(item);
      return [
        {
          feit: 'DeelsAfgedaan',
          data: { itemId, datum: datumNaRegistratie(command.datum, item), deel: tekst('deel', command.deel), bewijs: wijze(command.bewijs) },
        },
      ];
    case 'Heropen':
      if (item.status !== 'Afgedaan') {
        if (item.status === 'Vervallen') throw new ItemVervallenError(item.soort, item.registratie.nummer);
        throw new ItemNietAfgedaanError(item.soort, item.registratie.nummer);
      }
      return [{ feit: 'Heropend', data: { itemId, datum: datumNaRegistratie(command.datum, item), reden: tekst('reden', command.reden) } }];
    case 'DraagOver': {
      moetOpenZijn(item);
      const van = { bewindspersoon: item.registratie.bewindspersoon, ministerie: item.registratie.ministerie };
      const naar = { bewindspersoon: tekst('naar.bewindspersoon', command.naar.bewindspersoon), ministerie: tekst('naar.ministerie', command.naar.ministerie) };
      if (naar.bewindspersoon === van.bewindspersoon && naar.ministerie === van.ministerie) {
        throw new GeenWijzigingError(`het item ligt al bij ${van.bewindspersoon} (${van.ministerie})`);
      }
      return [{ feit: 'Overgedragen', data: { itemId, datum: datumNaRegistratie(command.datum, item), van, naar, reden: tekst('reden', command.reden) } }];
    }
    case 'Koppel': {
      if (command.doelItemId === itemId) throw new KoppelingAanZichzelfError(item.registratie.nummer);
      if (!command.doel) throw new KoppelingDoelOnbekendError(command.doelItemId);
      const bestaand = item.koppelingen.find((k) => k.doelItemId === command.doel!.itemId && k.relatie === command.relatie);
      if (bestaand) throw new KoppelingBestaatAlError(bestaand.relatie, bestaand.doelNummer);
      return [
        {
          feit: 'Gekoppeld',
          data: { itemId, datum: datumNaRegistratie(command.datum, item), relatie: command.relatie, doelItemId: command.doel.itemId, doelNummer: command.doel.nummer },
        },
      ];
    }
    case 'LaatVervallen':
      moetOpenZijn(item);
      return [{ feit: 'Vervallen', data: { itemId, datum: datumNaRegistratie(command.datum, item), reden: tekst('reden', command.reden) } }];
    case 'WijsBehandelaarToe': {
      // An afgedaan item keeps an owner (who wrote the letter, who answers when it is reopened);
      // on a vervallen one nothing happens any more.
      if (item.status === 'Vervallen') throw new ItemVervallenError(item.soort, item.registratie.nummer);
      const datum = datumNaRegistratie(command.datum, item);
      const naar = behandelaar('behandelaar', command.behandelaar);
      if (item.behandelaar && zelfdeBehandelaar(item.behandelaar, naar)) {
        throw new GeenWijzigingError(`${naar.naam} (${naar.email}) is al de behandelaar`);
      }
      return [{ feit: 'BehandelaarToegewezen', data: { itemId, datum, van: item.behandelaar, naar, reden: tekst('reden', command.reden) } }];
    }
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}

function registreerMotie(command: RegistreerMotie, state: ItemState): ItemEvent[] {
  if (state.status !== 'Nieuw') throw new ItemBestaatAlError(command.itemId);
  if (!isKamerstukNummer(command.nummer)) {
    throw new OngeldigGegevenError('nummer', `"${command.nummer}" is geen Kamerstuknummer (verwacht bijvoorbeeld 29628-1230 of 35925-VI-96).`);
  }
  if (command.indieners.length === 0) throw new OngeldigGegevenError('indieners', 'Een motie heeft ten minste één indiener.');
  return [
    {
      feit: 'Geregistreerd',
      data: {
        itemId: command.itemId,
        soort: 'motie',
        nummer: command.nummer,
        nummerBron: 'kamer',
        ...registratieVelden(command),
        vergaderjaar: vergaderjaar(command.vergaderjaar),
      },
    },
  ];
}

function registreerToezegging(command: RegistreerToezegging, state: ItemState): ItemEvent[] {
  if (state.status !== 'Nieuw') throw new ItemBestaatAlError(command.itemId);
  if (command.nummer !== null && !isToezeggingNummer(command.nummer)) {
    throw new OngeldigGegevenError('nummer', `"${command.nummer}" is geen toezeggingnummer (verwacht bijvoorbeeld TZ202412-156 of TZ127734).`);
  }
  return [
    {
      feit: 'Geregistreerd',
      data: {
        itemId: command.itemId,
        soort: 'toezegging',
        nummer: command.nummer ?? internToezeggingNummer(command.itemId),
        nummerBron: command.nummer ? 'kamer' : 'intern',
        ...registratieVelden({ ...command, indieners: command.leden }),
        vergaderjaar: command.vergaderjaar === null ? null : vergaderjaar(command.vergaderjaar),
      },
    },
  ];
}

function registratieVelden(command: Omit<RegistreerMotie, 'type' | 'nummer' | 'vergaderjaar'>) {
  return {
    titel: tekst('titel', command.titel),
    tekst: tekst('tekst', command.tekst),
    datum: datum('datum', command.datum),
    debat: tekst('debat', command.debat),
    leden: leden(command.indieners),
    bewindspersoon: tekst('bewindspersoon', command.bewindspersoon),
    ministerie: tekst('ministerie', command.ministerie),
    thema: tekst('thema', command.thema),
    termijn: termijn(command.termijn),
    // Only when given: a registration without one stays exactly what it was before the field existed.
    ...(command.behandelaar ? { behandelaar: behandelaar('behandelaar', command.behandelaar) } : {}),
  };
}

function diff(huidig: Registratie, correcties: Partial<Registratie>, soort: GeregistreerdItem['soort']): Wijziging[] {
  const wijzigingen: Wijziging[] = [];
  for (const veld of CORRIGEERBARE_VELDEN) {
    if (!(veld in correcties) || correcties[veld] === undefined) continue;
    const nieuw = valideerCorrectie(veld, correcties[veld], soort);
    if (JSON.stringify(nieuw) !== JSON.stringify(huidig[veld])) wijzigingen.push({ veld, oud: huidig[veld], nieuw });
  }
  return wijzigingen;
}

function valideerCorrectie(veld: keyof Registratie, waarde: unknown, soort: GeregistreerdItem['soort']): unknown {
  switch (veld) {
    case 'nummer': {
      const nummer = String(waarde);
      const geldig = soort === 'motie' ? isKamerstukNummer(nummer) : isToezeggingNummer(nummer);
      if (!geldig) throw new OngeldigGegevenError('nummer', `"${nummer}" is geen geldig nummer voor een ${soort}.`);
      return nummer;
    }
    case 'vergaderjaar':
      return waarde === null ? null : vergaderjaar(String(waarde));
    case 'datum':
      return datum('datum', waarde);
    case 'leden':
      return leden(waarde as Lid[]);
    default:
      return tekst(veld, waarde);
  }
}

function geregistreerd(state: ItemState): GeregistreerdItem {
  if (state.status === 'Nieuw') throw new ItemNietGeregistreerdError();
  return state;
}

function moetOpenZijn(item: GeregistreerdItem): void {
  if (isOpen(item)) return;
  if (item.status === 'Afgedaan') throw new ItemAlAfgedaanError(item.soort, item.registratie.nummer, item.afgedaanOp);
  throw new ItemVervallenError(item.soort, item.registratie.nummer);
}

function datumNaRegistratie(value: unknown, item: GeregistreerdItem): BusinessDate {
  const d = datum('datum', value);
  if (isBefore(d, item.registratie.datum)) throw new DatumVoorRegistratieError(d, item.registratie.datum);
  return d;
}

function datum(veld: string, value: unknown): BusinessDate {
  if (!isBusinessDate(value)) throw new OngeldigGegevenError(veld, `${veld}: "${String(value)}" is geen bestaande datum (JJJJ-MM-DD).`);
  return value;
}

function tekst(veld: string, value: unknown): string {
  const s = typeof value === 'string' ? value.trim() : '';
  if (s.length === 0) throw new OngeldigGegevenError(veld, `${veld} mag niet leeg zijn.`);
  return s;
}

function vergaderjaar(value: string): string {
  if (!isVergaderjaar(value)) throw new OngeldigGegevenError('vergaderjaar', `"${value}" is geen vergaderjaar (verwacht bijvoorbeeld 2024/25).`);
  return value;
}

function leden(value: readonly Lid[]): Lid[] {
  return value.map((lid, i) => ({ naam: tekst(`leden[${i}].naam`, lid.naam), fractie: lid.fractie ? lid.fractie.trim() : null }));
}

function termijn(value: Termijn | null): Termijn | null {
  if (value === null) return null;
  return {
    omschrijving: tekst('termijn.omschrijving', value.omschrijving),
    datum: value.datum === null ? null : datum('termijn.datum', value.datum),
  };
}

/** Loose on purpose: the HTTP edge checks the address properly; this keeps other ways in from storing nonsense. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function behandelaar(veld: string, value: Behandelaar): Behandelaar {
  const email = tekst(`${veld}.email`, value.email);
  if (!EMAIL.test(email)) throw new OngeldigGegevenError(`${veld}.email`, `${veld}.email: "${email}" is geen e-mailadres.`);
  const afdeling = typeof value.afdeling === 'string' ? value.afdeling.trim() : '';
  return { naam: tekst(`${veld}.naam`, value.naam), email, directie: tekst(`${veld}.directie`, value.directie), afdeling: afdeling || null };
}

/** The same person in the same place: e-mail addresses compared without case. */
function zelfdeBehandelaar(a: Behandelaar, b: Behandelaar): boolean {
  return a.naam === b.naam && a.email.toLowerCase() === b.email.toLowerCase() && a.directie === b.directie && a.afdeling === b.afdeling;
}

function wijze(value: AfdoeningWijze): AfdoeningWijze {
  const referentie = tekst('wijze.referentie', value.referentie);
  switch (value.soort) {
    case 'kamerstuk':
    case 'halfjaarbericht':
      return { soort: value.soort, referentie };
    case 'brief-ander-ministerie':
      return { soort: value.soort, referentie, ministerie: tekst('wijze.ministerie', value.ministerie) };
    default: {
      const unknown: never = value;
      throw new OngeldigGegevenError('wijze.soort', `Onbekende wijze van afdoen: ${JSON.stringify(unknown)}`);
    }
  }
}
