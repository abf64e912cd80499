import { BusinessDate, isBusinessDate } from '../shared/business-date';
import { DomainError } from '../shared/domain-error';
import { OngeldigGegevenError, VerbodenOvergangError } from '../item/item.errors';
import { HalfjaarberichtEvent } from './halfjaarbericht.events';
import { AanvullendeZaak, BerichtItem, ItemMomentopname, VERKLAARDE_STATUSSEN } from './halfjaarbericht.types';

export class BerichtVerzondenError extends VerbodenOvergangError {
  readonly code = 'bericht-verzonden';
  constructor(titel: string, datum: string) {
    super(`Het halfjaarbericht "${titel}" is op ${datum} verzonden en verandert niet meer.`);
  }
}

export class BerichtBestaatAlError extends VerbodenOvergangError {
  readonly code = 'bericht-bestaat-al';
  constructor() {
    super('Dit halfjaarbericht bestaat al.');
  }
}

export class BerichtNietGevondenError extends DomainError {
  readonly code = 'bericht-niet-gevonden';
  constructor(berichtId: string) {
    super(`Er is geen halfjaarbericht ${berichtId}.`);
  }
}

export class OnbekendeSectieError extends VerbodenOvergangError {
  readonly code = 'onbekende-sectie';
  constructor(sectie: string, secties: readonly string[]) {
    super(`De sectie "${sectie}" staat niet in dit bericht; kies uit: ${secties.join('; ')}.`);
  }
}

export class NietInBerichtError extends VerbodenOvergangError {
  readonly code = 'niet-in-bericht';
  constructor(wat: string) {
    super(`${wat} staat niet in dit halfjaarbericht.`);
  }
}

export class LeegBerichtError extends VerbodenOvergangError {
  readonly code = 'leeg-bericht';
  constructor() {
    super('Een halfjaarbericht zonder moties, toezeggingen of aanvullende zaken kan niet worden verzonden.');
  }
}

export type HalfjaarberichtState =
  | { readonly status: 'Nieuw' }
  | {
      readonly status: 'Concept' | 'Verzonden';
      readonly berichtId: string;
      readonly titel: string;
      readonly peildatum: BusinessDate;
      readonly secties: readonly string[];
      readonly items: ReadonlyMap<string, BerichtItem>;
      readonly zaken: ReadonlyMap<string, AanvullendeZaak>;
      readonly verzondenOp: BusinessDate | null;
      readonly kamerstuk: string | null;
    };

export const initialBerichtState: HalfjaarberichtState = { status: 'Nieuw' };

export type HalfjaarberichtCommand =
  | { readonly type: 'MaakAan'; readonly berichtId: string; readonly jaar: number; readonly helft: 1 | 2; readonly titel: string; readonly peildatum: BusinessDate; readonly secties: readonly string[] }
  | { readonly type: 'NeemItemOp'; readonly item: BerichtItem; readonly bestaat: boolean }
  | { readonly type: 'VerwijderItem'; readonly itemId: string }
  | { readonly type: 'NeemZaakOp'; readonly zaak: AanvullendeZaak }
  | { readonly type: 'VerwijderZaak'; readonly zaakId: string }
  /** The caller looks up every covered item's registration as it stands now: it is frozen into the event. */
  | { readonly type: 'Verzend'; readonly datum: BusinessDate; readonly kenmerk: string; readonly momentopnamen: readonly ItemMomentopname[] }
  | { readonly type: 'KenKamerstukToe'; readonly kamerstuk: string };

export function evolveBericht(state: HalfjaarberichtState, event: HalfjaarberichtEvent): HalfjaarberichtState {
  if (event.feit === 'HalfjaarberichtAangemaakt') {
    const d = event.data;
    return { status: 'Concept', berichtId: d.berichtId, titel: d.titel, peildatum: d.peildatum, secties: d.secties, items: new Map(), zaken: new Map(), verzondenOp: null, kamerstuk: null };
  }
  if (state.status === 'Nieuw') return state;
  switch (event.feit) {
    case 'HalfjaarberichtItemOpgenomen': {
      const { berichtId: _b, ...item } = event.data;
      return { ...state, items: new Map(state.items).set(item.itemId, item) };
    }
    case 'HalfjaarberichtItemVerwijderd': {
      const items = new Map(state.items);
      items.delete(event.data.itemId);
      return { ...state, items };
    }
    case 'HalfjaarberichtAanvullendeZaakOpgenomen': {
      const { berichtId: _b, ...zaak } = event.data;
      return { ...state, zaken: new Map(state.zaken).set(zaak.zaakId, zaak) };
    }
    case 'HalfjaarberichtAanvullendeZaakVerwijderd': {
      const zaken = new Map(state.zaken);
      zaken.delete(event.data.zaakId);
      return { ...state, zaken };
    }
    case 'HalfjaarberichtVerzonden':
      return { ...state, status: 'Verzonden', verzondenOp: event.data.datum };
    case 'HalfjaarberichtKamerstukToegekend':
      return { ...state, kamerstuk: event.data.kamerstuk };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** Decides a change to a halfjaarbericht. Once sent, only its Kamerstuk number may still be recorded. */
export function decideBericht(command: HalfjaarberichtCommand, state: HalfjaarberichtState): HalfjaarberichtEvent[] {
  if (command.type === 'MaakAan') {
    if (state.status !== 'Nieuw') throw new BerichtBestaatAlError();
    if (!Number.isInteger(command.jaar) || command.jaar < 1990 || command.jaar > 2100) throw new OngeldigGegevenError('jaar', 'jaar moet tussen 1990 en 2100 liggen.');
    if (command.helft !== 1 && command.helft !== 2) throw new OngeldigGegevenError('helft', 'helft moet 1 of 2 zijn.');
    if (!isBusinessDate(command.peildatum)) throw new OngeldigGegevenError('peildatum', 'peildatum moet een bestaande datum zijn (JJJJ-MM-DD).');
    const secties = [...new Set(command.secties.map((s) => s.trim()).filter(Boolean))];
    if (secties.length === 0) throw new OngeldigGegevenError('secties', 'Een halfjaarbericht heeft ten minste één sectie.');
    if (!command.titel.trim()) throw new OngeldigGegevenError('titel', 'titel mag niet leeg zijn.');
    return [{ feit: 'HalfjaarberichtAangemaakt', data: { berichtId: command.berichtId, jaar: command.jaar, helft: command.helft, titel: command.titel.trim(), peildatum: command.peildatum, secties } }];
  }
  if (state.status === 'Nieuw') throw new BerichtNietGevondenError('(nieuw)');
  if (command.type === 'KenKamerstukToe') {
    if (state.status !== 'Verzonden') throw new BerichtNogConceptError('Een Kamerstuknummer krijgt een bericht pas als het is verzonden.');
    if (!command.kamerstuk.trim()) throw new OngeldigGegevenError('kamerstuk', 'kamerstuk mag niet leeg zijn.');
    return [{ feit: 'HalfjaarberichtKamerstukToegekend', data: { berichtId: state.berichtId, kamerstuk: command.kamerstuk.trim() } }];
  }
  if (state.status === 'Verzonden') throw new BerichtVerzondenError(state.titel, state.verzondenOp ?? '');
  const berichtId = state.berichtId;
  switch (command.type) {
    case 'NeemItemOp': {
      const item = command.item;
      if (!command.bestaat) throw new NietInBerichtError(`Het item ${item.itemId} bestaat niet in het register en`);
      if (!state.secties.includes(item.sectie)) throw new OnbekendeSectieError(item.sectie, state.secties);
      if (!VERKLAARDE_STATUSSEN.includes(item.status)) throw new OngeldigGegevenError('status', `status moet een van ${VERKLAARDE_STATUSSEN.join(', ')} zijn.`);
      if (!item.tekst.trim()) throw new OngeldigGegevenError('tekst', 'tekst mag niet leeg zijn.');
      if (item.status === 'deels-afgedaan' && !item.deel?.trim()) throw new OngeldigGegevenError('deel', 'Bij deels afgedaan hoort welk deel is afgedaan.');
      return [{ feit: 'HalfjaarberichtItemOpgenomen', data: { berichtId, ...item, tekst: item.tekst.trim(), deel: item.status === 'deels-afgedaan' ? item.deel!.trim() : null } }];
    }
    case 'VerwijderItem':
      if (!state.items.has(command.itemId)) throw new NietInBerichtError(`Het item ${command.itemId}`);
      return [{ feit: 'HalfjaarberichtItemVerwijderd', data: { berichtId, itemId: command.itemId } }];
    case 'NeemZaakOp':
      if (!state.secties.includes(command.zaak.sectie)) throw new OnbekendeSectieError(command.zaak.sectie, state.secties);
      if (!command.zaak.titel.trim() || !command.zaak.tekst.trim()) throw new OngeldigGegevenError('titel', 'Een aanvullende zaak heeft een titel en een tekst.');
      return [{ feit: 'HalfjaarberichtAanvullendeZaakOpgenomen', data: { berichtId, ...command.zaak } }];
    case 'VerwijderZaak':
      if (!state.zaken.has(command.zaakId)) throw new NietInBerichtError(`De aanvullende zaak ${command.zaakId}`);
      return [{ feit: 'HalfjaarberichtAanvullendeZaakVerwijderd', data: { berichtId, zaakId: command.zaakId } }];
    case 'Verzend': {
      if (state.items.size === 0 && state.zaken.size === 0) throw new LeegBerichtError();
      if (!isBusinessDate(command.datum)) throw new OngeldigGegevenError('datum', 'datum moet een bestaande datum zijn (JJJJ-MM-DD).');
      if (!command.kenmerk.trim()) throw new OngeldigGegevenError('kenmerk', 'kenmerk mag niet leeg zijn.');
      const ontbreekt = [...state.items.keys()].filter((id) => !command.momentopnamen.some((m) => m.itemId === id));
      if (ontbreekt.length > 0) throw new NietInBerichtError(`Registratiegegevens van ${ontbreekt.join(', ')}`);
      const items = [...state.items.keys()].map((id) => command.momentopnamen.find((m) => m.itemId === id)!);
      return [{ feit: 'HalfjaarberichtVerzonden', data: { berichtId, datum: command.datum, kenmerk: command.kenmerk.trim(), items } }];
    }
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}

export class BerichtNogConceptError extends VerbodenOvergangError {
  readonly code = 'bericht-nog-concept';
}
