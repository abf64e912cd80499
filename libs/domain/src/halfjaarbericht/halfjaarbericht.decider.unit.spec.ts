import { deciderSpecification } from '../../../../test/support/decider-specification';
import { OngeldigGegevenError } from '../item/item.errors';
import {
  BerichtBestaatAlError,
  BerichtNogConceptError,
  BerichtVerzondenError,
  HalfjaarberichtCommand,
  HalfjaarberichtState,
  LeegBerichtError,
  NietInBerichtError,
  OnbekendeSectieError,
  decideBericht,
  evolveBericht,
  initialBerichtState,
} from './halfjaarbericht.decider';
import { HalfjaarberichtEvent } from './halfjaarbericht.events';
import { ItemMomentopname } from './halfjaarbericht.types';

const spec = deciderSpecification<HalfjaarberichtCommand, HalfjaarberichtEvent, HalfjaarberichtState>({ decide: decideBericht, evolve: evolveBericht, initialState: initialBerichtState });

const berichtId = 'b0000000-0000-4000-8000-000000000001';
const itemId = 'a0000000-0000-4000-8000-000000000001';
const aangemaakt: HalfjaarberichtEvent = {
  feit: 'HalfjaarberichtAangemaakt',
  data: { berichtId, jaar: 2025, helft: 1, titel: 'Eerste halfjaarbericht politie 2025', peildatum: '2025-06-01', secties: ['Demonstraties', 'Politiepersoneel en middelen'] },
};
const item = { itemId, soort: 'motie' as const, sectie: 'Demonstraties', tekst: 'Ik heb overleg gevoerd met de driehoek.', status: 'afgedaan' as const, deel: null };
const opgenomen: HalfjaarberichtEvent = { feit: 'HalfjaarberichtItemOpgenomen', data: { berichtId, ...item } };
const momentopname: ItemMomentopname = { itemId, soort: 'motie', nummer: '34324-26', nummerBron: 'kamer', vergaderjaar: '2024/25', titel: 'Motie inzake handhaving', leden: [{ naam: 'Michon-Derkzen', fractie: 'VVD' }], datum: '2025-01-15', debat: 'commissiedebat', bewindspersoon: 'minister van JenV' };
const verzonden: HalfjaarberichtEvent = { feit: 'HalfjaarberichtVerzonden', data: { berichtId, datum: '2025-06-20', kenmerk: '6418520', items: [momentopname] } };
const verzend = { type: 'Verzend' as const, datum: '2025-06-20', kenmerk: '6418520', momentopnamen: [momentopname] };

describe('halfjaarbericht decider', () => {
  it('creates a report with its sections', () => {
    spec.given([]).when({ type: 'MaakAan', berichtId, jaar: 2025, helft: 1, titel: ' Eerste halfjaarbericht politie 2025 ', peildatum: '2025-06-01', secties: ['Demonstraties', 'Politiepersoneel en middelen', 'Demonstraties'] }).then([aangemaakt]);
  });

  it('refuses a second creation, a report without sections and an impossible peildatum', () => {
    spec.given([aangemaakt]).when({ type: 'MaakAan', berichtId, jaar: 2025, helft: 1, titel: 'x', peildatum: '2025-06-01', secties: ['A'] }).thenThrows(BerichtBestaatAlError);
    spec.given([]).when({ type: 'MaakAan', berichtId, jaar: 2025, helft: 1, titel: 'x', peildatum: '2025-06-01', secties: [' '] }).thenThrows(OngeldigGegevenError, /sectie/);
    spec.given([]).when({ type: 'MaakAan', berichtId, jaar: 2025, helft: 1, titel: 'x', peildatum: '2025-06-31', secties: ['A'] }).thenThrows(OngeldigGegevenError, /peildatum/);
  });

  it('includes an item, and including it again replaces the entry', () => {
    spec.given([aangemaakt]).when({ type: 'NeemItemOp', item, bestaat: true }).then([opgenomen]);
    const state = [aangemaakt, opgenomen, ...decideBericht({ type: 'NeemItemOp', item: { ...item, status: 'in-behandeling' }, bestaat: true }, [aangemaakt, opgenomen].reduce(evolveBericht, initialBerichtState))].reduce(evolveBericht, initialBerichtState);
    expect(state.status !== 'Nieuw' && [...state.items.values()].map((i) => i.status)).toEqual(['in-behandeling']);
  });

  it('refuses an unknown item, an unknown section and deels-afgedaan without its part', () => {
    spec.given([aangemaakt]).when({ type: 'NeemItemOp', item, bestaat: false }).thenThrows(NietInBerichtError);
    spec.given([aangemaakt]).when({ type: 'NeemItemOp', item: { ...item, sectie: 'Zeden' }, bestaat: true }).thenThrows(OnbekendeSectieError, /Demonstraties; Politiepersoneel en middelen/);
    spec.given([aangemaakt]).when({ type: 'NeemItemOp', item: { ...item, status: 'deels-afgedaan' }, bestaat: true }).thenThrows(OngeldigGegevenError, /deel/);
  });

  it('removes an item it holds, and refuses one it does not', () => {
    spec.given([aangemaakt, opgenomen]).when({ type: 'VerwijderItem', itemId }).then([{ feit: 'HalfjaarberichtItemVerwijderd', data: { berichtId, itemId } }]);
    spec.given([aangemaakt]).when({ type: 'VerwijderItem', itemId }).thenThrows(NietInBerichtError);
  });

  it('includes and removes an aanvullende zaak', () => {
    const zaak = { zaakId: 'c0000000-0000-4000-8000-000000000001', sectie: 'Demonstraties', titel: 'WODC-onderzoek', tekst: 'Eind van de zomer.' };
    spec.given([aangemaakt]).when({ type: 'NeemZaakOp', zaak }).then([{ feit: 'HalfjaarberichtAanvullendeZaakOpgenomen', data: { berichtId, ...zaak } }]);
    spec.given([aangemaakt]).when({ type: 'VerwijderZaak', zaakId: zaak.zaakId }).thenThrows(NietInBerichtError);
  });

  it('sends a report, freezing every covered item as it stands', () => {
    spec.given([aangemaakt, opgenomen]).when(verzend).then([verzonden]);
  });

  it('refuses to send an empty report, or one whose items it cannot freeze', () => {
    spec.given([aangemaakt]).when(verzend).thenThrows(LeegBerichtError);
    spec.given([aangemaakt, opgenomen]).when({ ...verzend, momentopnamen: [] }).thenThrows(NietInBerichtError);
  });

  it.each<[string, HalfjaarberichtCommand]>([
    ['include an item', { type: 'NeemItemOp', item, bestaat: true }],
    ['remove an item', { type: 'VerwijderItem', itemId }],
    ['include a zaak', { type: 'NeemZaakOp', zaak: { zaakId: 'z', sectie: 'Demonstraties', titel: 't', tekst: 't' } }],
    ['send again', verzend],
  ])('refuses to %s once sent', (_naam, command) => {
    spec.given([aangemaakt, opgenomen, verzonden]).when(command).thenThrows(BerichtVerzondenError, /verzonden en verandert niet meer/);
  });

  it('records the Kamerstuk number of a sent report, not of a draft', () => {
    spec.given([aangemaakt, opgenomen, verzonden]).when({ type: 'KenKamerstukToe', kamerstuk: 'Kamerstukken II 2024/25, 29628, nr. 1262' }).then([{ feit: 'HalfjaarberichtKamerstukToegekend', data: { berichtId, kamerstuk: 'Kamerstukken II 2024/25, 29628, nr. 1262' } }]);
    spec.given([aangemaakt]).when({ type: 'KenKamerstukToe', kamerstuk: 'x' }).thenThrows(BerichtNogConceptError);
  });
});
