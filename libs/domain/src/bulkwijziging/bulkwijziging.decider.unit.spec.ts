import { deciderSpecification } from '../../../../test/support/decider-specification';
import { ItemEvent } from '../item/item.events';
import { ItemState, evolve, initialState } from '../item/item.state';
import { beoordeelItem, herbeoordeelItem, itemWijziging, uitkomstMelding, zelfdeBewindspersoon } from './bulkwijziging.beoordeling';
import { BulkwijzigingCommand, BulkwijzigingState, decideBulkwijziging, evolveBulkwijziging, initialBulkwijzigingState } from './bulkwijziging.decider';
import {
  BulkwijzigingAlAfgerondError,
  BulkwijzigingBestaatAlError,
  BulkwijzigingNietBeslotenError,
  NietsTeDoenError,
  SelectieOngeldigError,
  TeGrootError,
  TeVeelItemsError,
  UitkomstenOnvolledigError,
} from './bulkwijziging.errors';
import { BulkwijzigingAfgerondData, BulkwijzigingBeslotenData, BulkwijzigingEvent } from './bulkwijziging.events';
import { MAX_BULK_EVENT_BYTES, MAX_MELDING_BYTES, ingekort, ingekortTotBytes, jsonBytes } from './bulkwijziging.grootte';
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

  it('refuses a decision whose record would not fit one event, before anything runs', () => {
    // 2,000 items whose termijn is a long text: the event store would refuse the append.
    const groot = Array.from({ length: MAX_BULK_ITEMS }, (_, i) => ({ ...item(String(i)), huidig: '€'.repeat(500) }));
    spec.given([]).when({ type: 'Besluit', data: besluit(groot) }).thenThrows(TeGrootError, /te groot om in één keer vast te leggen.*Splits de selectie/);
    expect(jsonBytes(besluit(groot))).toBeGreaterThan(MAX_BULK_EVENT_BYTES);
  });

  it('fits the largest possible outcome of a decision in one event', () => {
    // Every one of the most items refused with the longest code and a long message of multi-byte and escaped characters.
    const melding = uitkomstMelding('Na het besluit is de termijn gewijzigd in "€ë\\"'.repeat(40));
    expect(jsonBytes(melding)).toBeLessThanOrEqual(MAX_MELDING_BYTES);
    const uitkomsten: ItemUitkomst[] = Array.from({ length: MAX_BULK_ITEMS }, (_, i) => ({
      itemId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      uitkomst: 'al-gedaan',
      code: 'x'.repeat(40),
      melding,
      revisie: 2 ** 31,
      positie: String(2n ** 64n),
    }));
    const afgerond: BulkwijzigingAfgerondData = { bulkwijzigingId: '00000000-0000-4000-8000-000000000000', uitkomsten };
    expect(jsonBytes(afgerond)).toBeLessThanOrEqual(MAX_BULK_EVENT_BYTES);
  });

  it('shortens texts to a bound, saying so with an ellipsis', () => {
    expect(ingekort('kort', 10)).toBe('kort');
    expect(ingekort('een titel die te lang is', 10)).toBe('een titel…');
    expect([...ingekort('😀'.repeat(200), 100)]).toHaveLength(100);
    expect(ingekortTotBytes('ëëëë', 8)).toBe('ë…');
    expect(jsonBytes(ingekortTotBytes('"'.repeat(100), 20))).toBeLessThanOrEqual(20);
    expect(ingekortTotBytes('past', 20)).toBe('past');
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

  it('takes an open item of the departing bewindspersoon (equal up to case, accents and spaces), as the item command would', () => {
    expect(zelfdeBewindspersoon('Minister van JenV', 'minister van jenv')).toBe(true);
    expect(zelfdeBewindspersoon('  Minister van Justítie  en\tVeiligheid ', 'minister van justitie en veiligheid')).toBe(true);
    expect(zelfdeBewindspersoon('minister van JenV', 'minister voor JenV')).toBe(false);
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

  it('records a title shortened, so that the decision stays small', () => {
    const lang = { ...geregistreerd, data: { ...geregistreerd.data, titel: 'Motie over '.repeat(40) } } as ItemEvent;
    const oordeel = beoordeelItem(overdracht, 'i', staat(lang));
    const titel = oordeel.oordeel === 'meenemen' ? oordeel.item.titel : '';
    expect([...titel].length).toBeLessThanOrEqual(100);
    expect(titel).toMatch(/^Motie over Motie over .*…$/);
  });

  describe('again when its turn comes', () => {
    const termijn: BulkOpdracht = { soort: 'termijnwijziging', termijn: { omschrijving: 'na de zomer', datum: '2025-09-30' }, datum: '2025-06-20', reden: 'Uitstel', itemIds: ['i'] };
    const termijnGezet = (omschrijving: string, datum: string | null): ItemEvent => ({ feit: 'TermijnGewijzigd', data: { itemId: 'i', datum: '2025-06-10', oud: null, nieuw: { omschrijving, datum }, reden: 'griffie' } });
    const besloten = (opdracht: BulkOpdracht, state: ItemState) => {
      const oordeel = beoordeelItem(opdracht, 'i', state);
      if (oordeel.oordeel !== 'meenemen') throw new Error(oordeel.oordeel);
      return oordeel.item;
    };

    it('goes ahead when what it replaces is still what was decided on', () => {
      expect(herbeoordeelItem(termijn, besloten(termijn, staat(geregistreerd)), staat(geregistreerd))).toEqual({ oordeel: 'uitvoeren' });
      expect(herbeoordeelItem(overdracht, besloten(overdracht, staat(geregistreerd)), staat(geregistreerd))).toEqual({ oordeel: 'uitvoeren' });
    });

    it('leaves a termijn a clerk set after the decision alone, unless it is the one asked', () => {
      const item = besloten(termijn, staat(geregistreerd));
      expect(herbeoordeelItem(termijn, item, staat(geregistreerd, termijnGezet('voor de kerst', '2025-12-20')))).toEqual({
        oordeel: 'geweigerd',
        code: 'gewijzigd-sinds-besluit',
        melding: 'Na het besluit is de termijn van dit item gewijzigd in voor de kerst (2025-12-20) (bij het besluit: geen termijn); die wijziging is niet overschreven. Wijzig het item zo nodig apart.',
      });
      expect(herbeoordeelItem(termijn, item, staat(geregistreerd, termijnGezet('na de zomer', '2025-09-30')))).toMatchObject({ oordeel: 'al-gedaan', code: 'geen-wijziging' });
    });

    it('leaves an item transferred, or given another ministerie, after the decision alone', () => {
      const item = besloten(overdracht, staat(geregistreerd));
      const overgedragen = (bewindspersoon: string, ministerie: string): ItemEvent => ({
        feit: 'Overgedragen',
        data: { itemId: 'i', datum: '2025-06-10', van: { bewindspersoon: 'Minister van Justitie en Veiligheid', ministerie: 'JenV' }, naar: { bewindspersoon, ministerie }, reden: 'x' },
      });
      expect(herbeoordeelItem(overdracht, item, staat(geregistreerd, overgedragen('staatssecretaris van JenV', 'JenV')))).toMatchObject({ oordeel: 'geweigerd', code: 'andere-bewindspersoon' });
      expect(herbeoordeelItem(overdracht, item, staat(geregistreerd, overgedragen('minister van Justitie en Veiligheid', 'BZK')))).toMatchObject({ oordeel: 'geweigerd', code: 'gewijzigd-sinds-besluit' });
      expect(herbeoordeelItem(overdracht, item, staat(geregistreerd, overgedragen(overdracht.naar.bewindspersoon, overdracht.naar.ministerie)))).toMatchObject({ oordeel: 'al-gedaan' });
      expect(herbeoordeelItem(overdracht, item, staat())).toMatchObject({ oordeel: 'geweigerd', code: 'item-niet-gevonden' });
    });
  });

  it('says per refused item why, naming its number', () => {
    const fout = new SelectieOngeldigError([{ itemId: 'i', nummer: '29628-1230', code: 'datum-voor-registratie', melding: 'De datum 2025-01-01 ligt vóór de datum van het item zelf (2025-05-28).' }]);
    expect(fout.message).toBe('Eén gekozen item kan niet mee; er is niets gewijzigd. 29628-1230: De datum 2025-01-01 ligt vóór de datum van het item zelf (2025-05-28).');
  });
});
