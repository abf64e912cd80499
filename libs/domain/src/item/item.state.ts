import { BusinessDate } from '../shared/business-date';
import { ItemEvent } from './item.events';
import { Behandelaar, Koppeling, Registratie, Soort, Termijn } from './item.types';

export type OpenStatus = 'InBehandeling' | 'DeelsAfgedaan';
export type Status = OpenStatus | 'Afgedaan' | 'Vervallen';

interface Geregistreerd {
  readonly itemId: string;
  readonly soort: Soort;
  /** Whether the number came from the Kamer or was given by the register; fixed at registration. */
  readonly nummerBron: 'kamer' | 'intern';
  readonly registratie: Registratie;
  readonly termijn: Termijn | null;
  readonly koppelingen: readonly Koppeling[];
  readonly behandelaar: Behandelaar | null;
}

export type ItemState =
  | { readonly status: 'Nieuw' }
  | (Geregistreerd & { readonly status: OpenStatus })
  | (Geregistreerd & { readonly status: 'Afgedaan'; readonly afgedaanOp: BusinessDate })
  | (Geregistreerd & { readonly status: 'Vervallen' });

export type GeregistreerdItem = Exclude<ItemState, { status: 'Nieuw' }>;

export const initialState: ItemState = { status: 'Nieuw' };

export function isOpen(state: ItemState): state is Geregistreerd & { status: OpenStatus } {
  return state.status === 'InBehandeling' || state.status === 'DeelsAfgedaan';
}

/**
 * Folds one event into the state. Never throws: history that was once accepted must always replay,
 * so an event that makes no sense in the current state is applied as well as it can be.
 */
export function evolve(state: ItemState, event: ItemEvent): ItemState {
  if (event.feit === 'Geregistreerd') {
    // A registration from before behandelaars existed has none.
    const { itemId, soort, termijn, nummerBron, behandelaar, ...registratie } = event.data;
    return { status: 'InBehandeling', itemId, soort, nummerBron, registratie, termijn, koppelingen: [], behandelaar: behandelaar ?? null };
  }
  if (state.status === 'Nieuw') return state;

  switch (event.feit) {
    case 'RegistratieGecorrigeerd': {
      const correcties = Object.fromEntries(event.data.wijzigingen.map((w) => [w.veld, w.nieuw]));
      return { ...state, registratie: { ...state.registratie, ...correcties } };
    }
    case 'TermijnGewijzigd':
      return { ...state, termijn: event.data.nieuw };
    case 'VoortgangGerapporteerd':
      return state;
    case 'Afgedaan':
      return { ...base(state), status: 'Afgedaan', afgedaanOp: event.data.datum };
    case 'DeelsAfgedaan':
      return { ...base(state), status: 'DeelsAfgedaan' };
    case 'Heropend':
      return { ...base(state), status: 'InBehandeling' };
    case 'Overgedragen':
      return {
        ...state,
        registratie: { ...state.registratie, bewindspersoon: event.data.naar.bewindspersoon, ministerie: event.data.naar.ministerie },
      };
    case 'Gekoppeld':
      return {
        ...state,
        koppelingen: [...state.koppelingen, { relatie: event.data.relatie, doelItemId: event.data.doelItemId, doelNummer: event.data.doelNummer }],
      };
    case 'Vervallen':
      return { ...base(state), status: 'Vervallen' };
    case 'BehandelaarToegewezen':
      return { ...state, behandelaar: event.data.naar };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function base(state: GeregistreerdItem): Geregistreerd {
  return {
    itemId: state.itemId,
    soort: state.soort,
    nummerBron: state.nummerBron,
    registratie: state.registratie,
    termijn: state.termijn,
    koppelingen: state.koppelingen,
    behandelaar: state.behandelaar,
  };
}
