import { HerinneringAlVerstuurdError, HerinneringAlVoorbereidError, HerinneringAnderBerichtError, HerinneringGeweigerdError, HerinneringNietVoorbereidError } from './herinnering.errors';
import { HerinneringEvent, HerinneringVerstuurdData, HerinneringVoorbereidData } from './herinnering.events';

/*
 * A reminder as a small aggregate, one stream per recipient and period. Prepared (what it says,
 * recorded before anything is sent), then sent or failed; a failure that may pass (the server
 * unreachable, a 4xx answer) may be tried again with the same recorded mail, a refusal (5xx) not.
 * Once sent, nothing more: the same recipient is never told twice in one period.
 */

export type HerinneringState =
  | { readonly status: 'Nieuw' }
  | { readonly status: 'Voorbereid'; readonly voorbereid: HerinneringVoorbereidData; readonly pogingen: number }
  | { readonly status: 'Mislukt'; readonly voorbereid: HerinneringVoorbereidData; readonly pogingen: number; readonly reden: string; readonly blijvend: boolean; readonly onzeker: boolean }
  | { readonly status: 'Verstuurd'; readonly voorbereid: HerinneringVoorbereidData; readonly verstuurd: HerinneringVerstuurdData };

export const initialHerinneringState: HerinneringState = { status: 'Nieuw' };

export type HerinneringCommand =
  | { readonly type: 'BereidVoor'; readonly data: HerinneringVoorbereidData }
  | { readonly type: 'RegistreerVerstuurd'; readonly data: { readonly messageId: string; readonly smtpAntwoord: string; readonly hervat: boolean } }
  | { readonly type: 'RegistreerMislukt'; readonly data: { readonly reden: string; readonly blijvend: boolean; readonly onzeker?: boolean } };

export function evolveHerinnering(state: HerinneringState, event: HerinneringEvent): HerinneringState {
  switch (event.feit) {
    case 'HerinneringVoorbereid':
      return { status: 'Voorbereid', voorbereid: event.data, pogingen: 0 };
    case 'HerinneringVerstuurd':
      return state.status === 'Nieuw' ? state : { status: 'Verstuurd', voorbereid: state.voorbereid, verstuurd: event.data };
    case 'HerinneringMislukt':
      if (state.status === 'Nieuw' || state.status === 'Verstuurd') return state;
      return { status: 'Mislukt', voorbereid: state.voorbereid, pogingen: event.data.poging, reden: event.data.reden, blijvend: event.data.blijvend, onzeker: event.data.onzeker === true };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** Whether a mail for this state may go out now: prepared, not sent, not refused for good. */
export function magVersturen(state: HerinneringState): state is Extract<HerinneringState, { status: 'Voorbereid' | 'Mislukt' }> {
  return state.status === 'Voorbereid' || (state.status === 'Mislukt' && !state.blijvend);
}

function uitkomstToegestaan(state: HerinneringState): Extract<HerinneringState, { status: 'Voorbereid' | 'Mislukt' }> {
  if (state.status === 'Nieuw') throw new HerinneringNietVoorbereidError();
  if (state.status === 'Verstuurd') throw new HerinneringAlVerstuurdError();
  if (state.status === 'Mislukt' && state.blijvend) throw new HerinneringGeweigerdError(state.reden);
  return state;
}

export function decideHerinnering(command: HerinneringCommand, state: HerinneringState): HerinneringEvent[] {
  switch (command.type) {
    case 'BereidVoor':
      if (state.status === 'Verstuurd') throw new HerinneringAlVerstuurdError();
      if (state.status !== 'Nieuw') throw new HerinneringAlVoorbereidError();
      return [{ feit: 'HerinneringVoorbereid', data: command.data }];
    case 'RegistreerVerstuurd': {
      const s = uitkomstToegestaan(state);
      if (command.data.messageId !== s.voorbereid.messageId) throw new HerinneringAnderBerichtError();
      return [{ feit: 'HerinneringVerstuurd', data: { herinneringId: s.voorbereid.herinneringId, ...command.data, poging: s.pogingen + 1 } }];
    }
    case 'RegistreerMislukt': {
      const s = uitkomstToegestaan(state);
      return [{ feit: 'HerinneringMislukt', data: { herinneringId: s.voorbereid.herinneringId, ...command.data, poging: s.pogingen + 1 } }];
    }
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}
