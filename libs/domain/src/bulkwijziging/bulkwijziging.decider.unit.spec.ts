import { deciderSpecification } from '../../../../test/support/decider-specification';
import { ItemEvent } from '../item/item.events';
import { ItemState, evolve, initialState } from '../item/item.state';
import { beoordeelItem, itemWijziging, zelfdeBewindspersoon } from './bulkwijziging.beoordeling';
import { BulkwijzigingCommand, BulkwijzigingState, decideBulkwijziging, evolveBulkwijziging, initialBulkwijzigingState } from './bulkwijziging.decider';
import {
  BulkwijzigingAlAfgerondError,
  BulkwijzigingBestaatAlError,
  BulkwijzigingNietBeslotenError,
  NietsTeDoenError,
  SelectieOngeldigError,
  TeVeelItemsError,
  UitkomstenOnvolledigError,
} from './bulkwijziging.errors';
import { BulkwijzigingBeslotenData, BulkwijzigingEvent } from './bulkwijziging.events';
import { BulkOpdracht, ItemUitkomst, MAX_BULK_ITEMS } from './bulkwijziging.types';
import { OngeldigGegevenError } from '../item/item.errors';

const overdracht: BulkOpdracht = {
  soort: 'overdracht',
  van: 'minister van Justitie en Veiligheid',
  naar: { bewindspersoon: 'minister van Asiel en Migratie', ministerie: 'AenM' },
  datum: '2025-07-01',
  reden: 'Nieuw kabinet',
  itemIds: null,
};
const item = (itemId: string) => ({ itemId, soort: 'motie' as const, nummer: `29628-${itemId}`, titel: `Motie ${itemId}`, huidig: 'minister van Justitie en Veiligheid (JenV)' });
const besluit = (items = [item('1'), item('2')]): BulkwijzigingBeslotenData => ({ bulkwijzigingId: 'b', opdracht: overdracht, verzoekHash: 'ab', items, overgeslagen: [], aantalOvergeslagen: 0 });
const besloten: BulkwijzigingEvent = { feit: 'BulkwijzigingBesloten', data: besluit() };
const uitkomst = (itemId: string, u: ItemUitkomst['uitkomst'] = 'uitgevoerd'): ItemUitkomst => ({ itemId, uitkomst: u, code: null, melding: null, revisie: 1, positie: '9' });

const spec = deciderSpecification<BulkwijzigingCommand, BulkwijzigingEvent, BulkwijzigingState>({
  decide: decideBulkwijziging,
  evolve: evolveBulkwijziging,
  initialState: initialBulkwijzigingState,
});

describe('bulk change decider', () => {
  it('records a decision once', () => {
    spec.given([]).when({ type: 'Besluit', data: besluit() }).then([besloten]);
    spec.given([besloten]).when({ type: 'Besluit', data: besluit() }).thenThrows(BulkwijzigingBestaatAlError);
  });

  it('refuses a decision that covers no item, too many, or one item twice', () => {
    spec.given([]).when({ type: 'Besluit', data: besluit([]) }).thenThrows(NietsTeDoenError, /niets over te dragen.*minister van Justitie en Veiligheid/);
    const veel = Array.from({ length: MAX_BULK_ITEMS + 1 }, (_, i) => item(String(i)));
    spec.given([]).when({ type: 'Besluit', data: besluit(veel) }).thenThrows(TeVeelItemsError);
    spec.given([]).when({ type: 'Besluit', data: besluit([item('1'), item('1')]) }).thenThrows(OngeldigGegevenError);
  });

  it('records the outcome of every decided item once, after the decision', () => {
    const afgerond: BulkwijzigingEvent = { feit: 'BulkwijzigingAfgerond', data: { bulkwijzigingId: 'b', uitkomsten: [uitkomst('1'), uitkomst('2', 'geweigerd')] } };
    spec.given([besloten]).when({ type: 'RondAf', data: afgerond.data }).then([afgerond]);
    spec.given([]).when({ type: 'RondAf', data: afgerond.data }).thenThrows(BulkwijzigingNietBeslotenError);
    spec.given([besloten, afgerond]).when({ type: 'RondAf', data: afgerond.data }).thenThrows(BulkwijzigingAlAfgerondError);
  });

  it('refuses an outcome that leaves out a decided item, adds one, or reorders them', () => {
    for (const uitkomsten of [[uitkomst('1')], [uitkomst('1'), uitkomst('2'), uitkomst('3')], [uitkomst('2'), uitkomst('1')]]) {
      spec.given([besloten]).when({ type: 'RondAf', data: { bulkwijzigingId: 'b', uitkomsten } }).thenThrows(UitkomstenOnvolledigError);
    }
  });
});

describe('judging an item for a bulk change', () => {
  const geregistreerd: ItemEvent = {
    feit: 'Geregistreerd',
    data: {
      itemId: 'i', soort: 'motie', nummer: '29628-1230', nummerBron: 'kamer', vergaderjaar: '2024/25', titel: 'Schadeverhaal', tekst: 'verzoekt', leden: [{ naam: 'Boswijk', fractie: 'CDA' }],
      datum: '2025-05-28', debat: 'debat', bewindspersoon: 'Minister van Justitie en Veiligheid', ministerie: 'JenV', thema: 'Demonstraties', termijn: null,
    },
  };
  const afgedaan: ItemEvent = { feit: 'Afgedaan', data: { itemId: 'i', datum: '2025-06-01', wijze: { soort: 'kamerstuk', referentie: 'K' }, toelichting: 'x' } };
  const staat = (...events: ItemEvent[]): ItemState => events.reduce(evolve, initialState);
  const selectie = { ...overdracht, itemIds: ['i'] };

  it('takes an open item of the departing bewindspersoon (equal up to case), as the item command would', () => {
    expect(zelfdeBewindspersoon('Minister van JenV', 'minister van jenv')).toBe(true);
    expect(beoordeelItem(overdracht, 'i', staat(geregistreerd))).toEqual({ oordeel: 'meenemen', item: { itemId: 'i', soort: 'motie', nummer: '29628-1230', titel: 'Schadeverhaal', huidig: 'Minister van Justitie en Veiligheid (JenV)' } });
    expect(itemWijziging(overdracht)).toEqual({ type: 'DraagOver', datum: '2025-07-01', naar: overdracht.naar, reden: 'Nieuw kabinet' });
  });

  it('skips a closed item of all of them, and refuses it in a selection', () => {
    expect(beoordeelItem(overdracht, 'i', staat(geregistreerd, afgedaan))).toMatchObject({ oordeel: 'overslaan', item: { code: 'item-al-afgedaan', melding: 'De motie 29628-1230 is al afgedaan op 2025-06-01.' } });
    expect(beoordeelItem(selectie, 'i', staat(geregistreerd, afgedaan))).toMatchObject({ oordeel: 'weigeren', weigering: { code: 'item-al-afgedaan', nummer: '29628-1230' } });
  });

  it('leaves out an item of someone else, and refuses it or an unknown one in a selection', () => {
    const ander = { ...overdracht, van: 'staatssecretaris' };
    expect(beoordeelItem(ander, 'i', staat(geregistreerd))).toEqual({ oordeel: 'buiten' });
    expect(beoordeelItem({ ...ander, itemIds: ['i'] }, 'i', staat(geregistreerd))).toMatchObject({ oordeel: 'weigeren', weigering: { code: 'andere-bewindspersoon' } });
    expect(beoordeelItem(selectie, 'x', staat())).toMatchObject({ oordeel: 'weigeren', weigering: { code: 'item-niet-gevonden' } });
    expect(beoordeelItem(overdracht, 'x', staat())).toEqual({ oordeel: 'buiten' });
  });

  it('skips an item already as asked, in a selection too; a date before its registration is refused there', () => {
    const zelfde = { ...selectie, naar: { bewindspersoon: 'Minister van Justitie en Veiligheid', ministerie: 'JenV' } };
    expect(beoordeelItem(zelfde, 'i', staat(geregistreerd))).toMatchObject({ oordeel: 'overslaan', item: { code: 'geen-wijziging' } });
    expect(beoordeelItem({ ...selectie, datum: '2025-01-01' }, 'i', staat(geregistreerd))).toMatchObject({ oordeel: 'weigeren', weigering: { code: 'datum-voor-registratie' } });
    expect(beoordeelItem({ ...overdracht, datum: '2025-01-01' }, 'i', staat(geregistreerd))).toMatchObject({ oordeel: 'overslaan', item: { code: 'datum-voor-registratie' } });
  });

  it('judges a termijn change on the item’s termijn; bad input is the request’s, not the item’s', () => {
    const termijn: BulkOpdracht = { soort: 'termijnwijziging', termijn: { omschrijving: 'voor de zomer', datum: '2025-07-01' }, datum: '2025-06-01', reden: 'Uitstel', itemIds: ['i'] };
    expect(beoordeelItem(termijn, 'i', staat(geregistreerd))).toMatchObject({ oordeel: 'meenemen', item: { huidig: 'geen termijn' } });
    const gewijzigd: ItemEvent = { feit: 'TermijnGewijzigd', data: { itemId: 'i', datum: '2025-06-01', oud: null, nieuw: termijn.termijn, reden: 'x' } };
    expect(beoordeelItem(termijn, 'i', staat(geregistreerd, gewijzigd))).toMatchObject({ oordeel: 'overslaan', item: { code: 'geen-wijziging', huidig: 'voor de zomer (2025-07-01)' } });
    expect(() => beoordeelItem({ ...termijn, reden: '  ' }, 'i', staat(geregistreerd))).toThrow(OngeldigGegevenError);
  });

  it('says per refused item why, naming its number', () => {
    const fout = new SelectieOngeldigError([{ itemId: 'i', nummer: '29628-1230', code: 'datum-voor-registratie', melding: 'De datum 2025-01-01 ligt vóór de datum van het item zelf (2025-05-28).' }]);
    expect(fout.message).toBe('Eén gekozen item kan niet mee; er is niets gewijzigd. 29628-1230: De datum 2025-01-01 ligt vóór de datum van het item zelf (2025-05-28).');
  });
});
