import { deciderSpecification } from '../../../../test/support/decider-specification';
import { ItemCommand, RegistreerMotie, RegistreerToezegging } from './item.commands';
import { decide } from './item.decider';
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
import { ItemEvent } from './item.events';
import { evolve, initialState } from './item.state';

const spec = deciderSpecification<ItemCommand, ItemEvent, ReturnType<typeof evolve>>({ decide, evolve, initialState });

const itemId = '6f1c2a9e-0d4b-4a8e-9d43-2b1f5e7c9a10';
const anderItemId = '0a7b3c1d-2e4f-4a5b-8c6d-7e8f9a0b1c2d';

const registreerMotie: RegistreerMotie = {
  type: 'RegistreerMotie',
  itemId,
  nummer: '29628-1230',
  vergaderjaar: '2024/25',
  titel: 'Motie van het lid Boswijk over het verhalen van schade door vernielingen op relschoppers',
  tekst: 'verzoekt de regering praktische en juridische belemmeringen voor schadeverhaal weg te nemen',
  indieners: [
    { naam: 'Boswijk', fractie: 'CDA' },
    { naam: 'Six Dijkstra', fractie: 'NSC' },
  ],
  datum: '2025-05-28',
  debat: 'tweeminutendebat Politie 28 mei 2025',
  bewindspersoon: 'minister van Justitie en Veiligheid',
  ministerie: 'JenV',
  thema: 'Demonstraties',
  termijn: null,
};

const geregistreerd: ItemEvent = {
  feit: 'Geregistreerd',
  data: {
    itemId,
    soort: 'motie',
    nummer: '29628-1230',
    nummerBron: 'kamer',
    vergaderjaar: '2024/25',
    titel: registreerMotie.titel,
    tekst: registreerMotie.tekst,
    datum: '2025-05-28',
    debat: registreerMotie.debat,
    leden: registreerMotie.indieners,
    bewindspersoon: 'minister van Justitie en Veiligheid',
    ministerie: 'JenV',
    thema: 'Demonstraties',
    termijn: null,
  },
};

const registreerToezegging: RegistreerToezegging = {
  type: 'RegistreerToezegging',
  itemId,
  nummer: null,
  vergaderjaar: null,
  titel: 'Informeren over het aantal agenten met taakaccent ME',
  tekst: 'De minister zegt toe de Kamer te informeren over het aantal agenten met het taakaccent ME.',
  leden: [{ naam: 'Michon-Derkzen', fractie: 'VVD' }],
  datum: '2024-12-19',
  debat: 'commissiedebat politie 19 december 2024',
  bewindspersoon: 'minister van Justitie en Veiligheid',
  ministerie: 'JenV',
  thema: 'Politiepersoneel en middelen',
  termijn: { omschrijving: 'in het eerstvolgende halfjaarbericht', datum: '2025-06-30' },
};

const halfjaarbericht = { soort: 'halfjaarbericht' as const, referentie: 'Eerste halfjaarbericht politie 2025' };
const afgedaan: ItemEvent = { feit: 'Afgedaan', data: { itemId, datum: '2025-06-20', wijze: halfjaarbericht, toelichting: 'Zie bijlage 2.' } };
const vervallen: ItemEvent = { feit: 'Vervallen', data: { itemId, datum: '2025-07-01', reden: 'Ingetrokken' } };
const briefVws = { soort: 'brief-ander-ministerie' as const, referentie: 'Kamerstukken II 2024/25, 36600, nr. 184', ministerie: 'VWS' };
const deelsAfgedaan: ItemEvent = {
  feit: 'DeelsAfgedaan',
  data: {
    itemId,
    datum: '2025-06-13',
    deel: 'extra financiering herinneringscentra',
    bewijs: briefVws,
  },
};

describe('item decider', () => {
  describe('registreren', () => {
    it('registreert een motie met haar Kamerstuknummer', () => {
      spec.given([]).when(registreerMotie).then([geregistreerd]);
    });

    it('registreert een motie met een dossier met achtervoegsel (35925-VI-96)', () => {
      const [event] = decide({ ...registreerMotie, nummer: '35925-VI-96' }, initialState);
      expect(event.feit === 'Geregistreerd' && event.data.nummer).toBe('35925-VI-96');
    });

    it('registreert een toezegging zonder Kamernummer met een eigen, stabiel nummer', () => {
      const [event] = decide(registreerToezegging, initialState);
      expect(event.feit).toBe('Geregistreerd');
      if (event.feit !== 'Geregistreerd') return;
      expect(event.data.nummer).toBe('INT-6F1C2A9E0D4B');
      expect(event.data.nummerBron).toBe('intern');
      expect(event.data.termijn).toEqual({ omschrijving: 'in het eerstvolgende halfjaarbericht', datum: '2025-06-30' });
      expect(event.data.leden).toEqual([{ naam: 'Michon-Derkzen', fractie: 'VVD' }]);
    });

    it('registreert een toezegging met het Kamernummer TZ202412-156', () => {
      const [event] = decide({ ...registreerToezegging, nummer: 'TZ202412-156', vergaderjaar: '2024/25' }, initialState);
      expect(event.feit === 'Geregistreerd' && [event.data.nummer, event.data.nummerBron]).toEqual(['TZ202412-156', 'kamer']);
    });

    it('weigert een tweede registratie op dezelfde stream', () => {
      spec.given([geregistreerd]).when(registreerMotie).thenThrows(ItemBestaatAlError);
    });

    it.each([['29628'], ['nr. 1230'], ['29628-'], ['TZ202412-156'], ['2962-1230']])('weigert het motienummer %s', (nummer) => {
      spec.given([]).when({ ...registreerMotie, nummer }).thenThrows(OngeldigGegevenError, /Kamerstuknummer/);
    });

    it('weigert een toezeggingnummer dat geen TZ-nummer is', () => {
      spec.given([]).when({ ...registreerToezegging, nummer: '29628-1230' }).thenThrows(OngeldigGegevenError, /toezeggingnummer/);
    });

    it('weigert een motie zonder indieners', () => {
      spec.given([]).when({ ...registreerMotie, indieners: [] }).thenThrows(OngeldigGegevenError, /indiener/);
    });

    it.each([['2025-02-30'], ['28-05-2025'], ['2025-13-01']])('weigert de onmogelijke datum %s', (datum) => {
      spec.given([]).when({ ...registreerMotie, datum }).thenThrows(OngeldigGegevenError, /geen bestaande datum/);
    });

    it('weigert een vergaderjaar dat niet op elkaar volgt', () => {
      spec.given([]).when({ ...registreerMotie, vergaderjaar: '2024/26' }).thenThrows(OngeldigGegevenError, /vergaderjaar/);
    });

    it('weigert een lege titel', () => {
      spec.given([]).when({ ...registreerMotie, titel: '   ' }).thenThrows(OngeldigGegevenError, /titel mag niet leeg/);
    });
  });

  describe('corrigeren', () => {
    it('legt per veld oud en nieuw vast, met de reden', () => {
      spec
        .given([geregistreerd])
        .when({ type: 'CorrigeerRegistratie', correcties: { nummer: '34324-19', leden: [{ naam: 'Six Dijkstra', fractie: 'NSC' }] }, reden: 'Verkeerd nummer overgenomen' })
        .then([
          {
            feit: 'RegistratieGecorrigeerd',
            data: {
              itemId,
              wijzigingen: [
                { veld: 'nummer', oud: '29628-1230', nieuw: '34324-19' },
                { veld: 'leden', oud: registreerMotie.indieners, nieuw: [{ naam: 'Six Dijkstra', fractie: 'NSC' }] },
              ],
              reden: 'Verkeerd nummer overgenomen',
            },
          },
        ]);
    });

    it('mag ook na afdoening (een registratiefout blijft een fout)', () => {
      const [event] = decide({ type: 'CorrigeerRegistratie', correcties: { titel: 'Nieuwe titel' }, reden: 'Typfout' }, [geregistreerd, afgedaan].reduce(evolve, initialState));
      expect(event.feit).toBe('RegistratieGecorrigeerd');
    });

    it('weigert een correctie die niets verandert', () => {
      spec.given([geregistreerd]).when({ type: 'CorrigeerRegistratie', correcties: { nummer: '29628-1230' }, reden: 'x' }).thenThrows(GeenWijzigingError);
    });

    it('weigert een ongeldig nieuw nummer', () => {
      spec.given([geregistreerd]).when({ type: 'CorrigeerRegistratie', correcties: { nummer: 'TZ1234' }, reden: 'x' }).thenThrows(OngeldigGegevenError);
    });

    it('weigert een correctie zonder reden', () => {
      spec.given([geregistreerd]).when({ type: 'CorrigeerRegistratie', correcties: { titel: 'Andere titel' }, reden: '' }).thenThrows(OngeldigGegevenError, /reden/);
    });

    it('weigert een correctie van een niet-geregistreerd item', () => {
      spec.given([]).when({ type: 'CorrigeerRegistratie', correcties: { titel: 'x' }, reden: 'x' }).thenThrows(ItemNietGeregistreerdError);
    });

    it('na de correctie geldt het nieuwe nummer in de state', () => {
      const state = [
        geregistreerd,
        { feit: 'RegistratieGecorrigeerd', data: { itemId, wijzigingen: [{ veld: 'nummer', oud: '29628-1230', nieuw: '34324-19' }], reden: 'x' } } as ItemEvent,
      ].reduce(evolve, initialState);
      expect(state.status !== 'Nieuw' && state.registratie.nummer).toBe('34324-19');
    });
  });

  describe('termijn wijzigen', () => {
    const wijzig = { type: 'WijzigTermijn' as const, datum: '2025-06-01', termijn: { omschrijving: 'voor het zomerreces', datum: '2025-07-04' }, reden: 'Onderzoek loopt uit' };

    it('legt oude en nieuwe termijn vast', () => {
      spec.given([geregistreerd]).when(wijzig).then([{ feit: 'TermijnGewijzigd', data: { itemId, datum: '2025-06-01', oud: null, nieuw: wijzig.termijn, reden: 'Onderzoek loopt uit' } }]);
    });

    it('weigert dezelfde termijn nog eens', () => {
      const gezet: ItemEvent = { feit: 'TermijnGewijzigd', data: { itemId, datum: '2025-06-01', oud: null, nieuw: wijzig.termijn, reden: 'x' } };
      spec.given([geregistreerd, gezet]).when(wijzig).thenThrows(GeenWijzigingError);
    });

    it('weigert bij een afgedaan item', () => {
      spec.given([geregistreerd, afgedaan]).when(wijzig).thenThrows(ItemAlAfgedaanError);
    });

    it('weigert bij een vervallen item', () => {
      spec.given([geregistreerd, vervallen]).when(wijzig).thenThrows(ItemVervallenError);
    });
  });

  describe('voortgang rapporteren', () => {
    const voortgang = { type: 'RapporteerVoortgang' as const, datum: '2025-06-20', tekst: 'Het WODC-rapport wordt eind van de zomer verwacht.' };

    it('legt tekst en datum vast', () => {
      spec.given([geregistreerd]).when(voortgang).then([{ feit: 'VoortgangGerapporteerd', data: { itemId, datum: '2025-06-20', tekst: voortgang.tekst } }]);
    });

    it('mag bij een deels afgedaan item', () => {
      spec.given([geregistreerd, deelsAfgedaan]).when(voortgang).then([{ feit: 'VoortgangGerapporteerd', data: { itemId, datum: '2025-06-20', tekst: voortgang.tekst } }]);
    });

    it('weigert een datum vóór de registratie', () => {
      spec.given([geregistreerd]).when({ ...voortgang, datum: '2025-01-01' }).thenThrows(DatumVoorRegistratieError);
    });

    it('weigert bij een afgedaan item', () => {
      spec.given([geregistreerd, afgedaan]).when(voortgang).thenThrows(ItemAlAfgedaanError, /al afgedaan op 2025-06-20/);
    });

    it('weigert bij een vervallen item', () => {
      spec.given([geregistreerd, vervallen]).when(voortgang).thenThrows(ItemVervallenError);
    });
  });

  describe('afdoen', () => {
    const doeAf = { type: 'DoeAf' as const, datum: '2025-06-20', wijze: halfjaarbericht, toelichting: 'Zie bijlage 2.' };

    it('doet een item in behandeling af', () => {
      spec.given([geregistreerd]).when(doeAf).then([afgedaan]);
    });

    it('doet een deels afgedaan item helemaal af', () => {
      spec.given([geregistreerd, deelsAfgedaan]).when(doeAf).then([afgedaan]);
    });

    it('doet af met de brief van een ander ministerie', () => {
      const wijze = { soort: 'brief-ander-ministerie' as const, referentie: 'Kamerstukken II 2024/25, 36600, nr. 184', ministerie: 'VWS' };
      spec.given([geregistreerd]).when({ ...doeAf, wijze }).then([{ feit: 'Afgedaan', data: { ...afgedaan.data, wijze } as never }]);
    });

    it('weigert een brief van een ander ministerie zonder ministerie', () => {
      const wijze = { soort: 'brief-ander-ministerie' as const, referentie: 'Kamerstukken II 2024/25, 36600, nr. 184', ministerie: '' };
      spec.given([geregistreerd]).when({ ...doeAf, wijze }).thenThrows(OngeldigGegevenError, /ministerie/);
    });

    it('weigert een item dat al afgedaan is', () => {
      spec.given([geregistreerd, afgedaan]).when(doeAf).thenThrows(ItemAlAfgedaanError, 'De motie 29628-1230 is al afgedaan op 2025-06-20.');
    });

    it('weigert een vervallen item', () => {
      spec.given([geregistreerd, vervallen]).when(doeAf).thenThrows(ItemVervallenError);
    });

    it('weigert een niet-geregistreerd item', () => {
      spec.given([]).when(doeAf).thenThrows(ItemNietGeregistreerdError);
    });

    it('weigert een datum vóór de registratie', () => {
      spec.given([geregistreerd]).when({ ...doeAf, datum: '2024-01-01' }).thenThrows(DatumVoorRegistratieError);
    });
  });

  describe('deels afdoen', () => {
    const doeDeelsAf = { type: 'DoeDeelsAf' as const, datum: deelsAfgedaan.data.datum, deel: 'extra financiering herinneringscentra', bewijs: briefVws };

    it('legt het deel en het bewijs vast', () => {
      spec.given([geregistreerd]).when(doeDeelsAf).then([deelsAfgedaan]);
    });

    it('mag nog een deel afdoen', () => {
      spec.given([geregistreerd, deelsAfgedaan]).when({ ...doeDeelsAf, deel: 'ander deel' }).then([{ feit: 'DeelsAfgedaan', data: { ...deelsAfgedaan.data, deel: 'ander deel' } as never }]);
    });

    it('weigert bij een afgedaan item', () => {
      spec.given([geregistreerd, afgedaan]).when(doeDeelsAf).thenThrows(ItemAlAfgedaanError);
    });

    it('weigert bij een vervallen item', () => {
      spec.given([geregistreerd, vervallen]).when(doeDeelsAf).thenThrows(ItemVervallenError);
    });
  });

  describe('heropenen', () => {
    const heropen = { type: 'Heropen' as const, datum: '2025-09-10', reden: 'De Kamer aanvaardt de afdoening niet.' };
    const heropend: ItemEvent = { feit: 'Heropend', data: { itemId, datum: '2025-09-10', reden: heropen.reden } };

    it('heropent een afgedaan item', () => {
      spec.given([geregistreerd, afgedaan]).when(heropen).then([heropend]);
    });

    it('een heropend item kan weer worden afgedaan', () => {
      const doeAf = { type: 'DoeAf' as const, datum: '2025-12-15', wijze: halfjaarbericht, toelichting: 'Nu echt.' };
      spec.given([geregistreerd, afgedaan, heropend]).when(doeAf).then([{ feit: 'Afgedaan', data: { itemId, datum: '2025-12-15', wijze: halfjaarbericht, toelichting: 'Nu echt.' } }]);
    });

    it('weigert een item dat in behandeling is', () => {
      spec.given([geregistreerd]).when(heropen).thenThrows(ItemNietAfgedaanError, 'De motie 29628-1230 is niet afgedaan en kan dus niet worden heropend.');
    });

    it('weigert een deels afgedaan item', () => {
      spec.given([geregistreerd, deelsAfgedaan]).when(heropen).thenThrows(ItemNietAfgedaanError);
    });

    it('weigert een vervallen item', () => {
      spec.given([geregistreerd, vervallen]).when(heropen).thenThrows(ItemVervallenError);
    });
  });

  describe('overdragen', () => {
    const naar = { bewindspersoon: 'staatssecretaris van Justitie en Veiligheid', ministerie: 'JenV' };
    const draagOver = { type: 'DraagOver' as const, datum: '2025-07-01', naar, reden: 'Portefeuilleverdeling' };

    it('legt van wie en naar wie vast', () => {
      spec
        .given([geregistreerd])
        .when(draagOver)
        .then([{ feit: 'Overgedragen', data: { itemId, datum: '2025-07-01', van: { bewindspersoon: 'minister van Justitie en Veiligheid', ministerie: 'JenV' }, naar, reden: 'Portefeuilleverdeling' } }]);
    });

    it('na overdracht is de nieuwe bewindspersoon verantwoordelijk', () => {
      const state = [geregistreerd, ...decide(draagOver, evolve(initialState, geregistreerd))].reduce(evolve, initialState);
      expect(state.status !== 'Nieuw' && state.registratie.bewindspersoon).toBe(naar.bewindspersoon);
    });

    it('weigert overdracht aan wie het al heeft', () => {
      spec.given([geregistreerd]).when({ ...draagOver, naar: { bewindspersoon: 'minister van Justitie en Veiligheid', ministerie: 'JenV' } }).thenThrows(GeenWijzigingError);
    });

    it('weigert bij een afgedaan item', () => {
      spec.given([geregistreerd, afgedaan]).when(draagOver).thenThrows(ItemAlAfgedaanError);
    });

    it('weigert bij een vervallen item', () => {
      spec.given([geregistreerd, vervallen]).when(draagOver).thenThrows(ItemVervallenError);
    });
  });

  describe('koppelen', () => {
    const koppel = { type: 'Koppel' as const, datum: '2025-06-20', relatie: 'meegenomen-in' as const, doelItemId: anderItemId, doel: { itemId: anderItemId, nummer: 'TZ127734' } };
    const gekoppeld: ItemEvent = { feit: 'Gekoppeld', data: { itemId, datum: '2025-06-20', relatie: 'meegenomen-in', doelItemId: anderItemId, doelNummer: 'TZ127734' } };

    it('koppelt aan een bestaand item', () => {
      spec.given([geregistreerd]).when(koppel).then([gekoppeld]);
    });

    it('mag ook bij een afgedaan item (de relatie is een feit, geen status)', () => {
      spec.given([geregistreerd, afgedaan]).when(koppel).then([gekoppeld]);
    });

    it('weigert een koppeling aan zichzelf', () => {
      spec.given([geregistreerd]).when({ ...koppel, doelItemId: itemId, doel: { itemId, nummer: '29628-1230' } }).thenThrows(KoppelingAanZichzelfError, /aan zichzelf/);
    });

    it('weigert een koppeling aan een onbekend item', () => {
      spec.given([geregistreerd]).when({ ...koppel, doel: null }).thenThrows(KoppelingDoelOnbekendError, anderItemId);
    });

    it('weigert dezelfde koppeling nog eens', () => {
      spec.given([geregistreerd, gekoppeld]).when(koppel).thenThrows(KoppelingBestaatAlError, /TZ127734/);
    });
  });

  describe('laten vervallen', () => {
    const laatVervallen = { type: 'LaatVervallen' as const, datum: '2025-07-01', reden: 'Ingetrokken' };

    it('laat een open item vervallen', () => {
      spec.given([geregistreerd]).when(laatVervallen).then([vervallen]);
    });

    it('weigert een item dat al vervallen is', () => {
      spec.given([geregistreerd, vervallen]).when(laatVervallen).thenThrows(ItemVervallenError);
    });

    it('weigert een afgedaan item', () => {
      spec.given([geregistreerd, afgedaan]).when(laatVervallen).thenThrows(ItemAlAfgedaanError);
    });
  });

  describe('behandelaar', () => {
    const fenna = { naam: 'Fenna Fictief', email: 'fenna.fictief@example.org', directie: 'Directie Politie', afdeling: 'Afdeling Politiebestel' };
    const bram = { naam: 'Bram Bedacht', email: 'bram.bedacht@example.org', directie: 'Directie Veiligheid', afdeling: null };
    const wijsToe = { type: 'WijsBehandelaarToe' as const, datum: '2025-06-02', behandelaar: bram, reden: 'Nieuwe verdeling binnen de directie' };
    const toegewezen = (van: typeof fenna | null, naar: typeof bram | typeof fenna): ItemEvent => ({ feit: 'BehandelaarToegewezen', data: { itemId, datum: '2025-06-02', van, naar, reden: 'Nieuwe verdeling binnen de directie' } });

    it('neemt een behandelaar bij de registratie op, met spaties weg en een lege afdeling als null', () => {
      const [event] = decide({ ...registreerMotie, behandelaar: { naam: ' Fenna Fictief ', email: ' fenna.fictief@example.org', directie: 'Directie Politie', afdeling: '  ' } }, initialState);
      expect(event.feit === 'Geregistreerd' && event.data.behandelaar).toEqual({ naam: 'Fenna Fictief', email: 'fenna.fictief@example.org', directie: 'Directie Politie', afdeling: null });
    });

    it('laat het veld weg als er bij de registratie geen behandelaar is: het event blijft zoals het was', () => {
      const [event] = decide({ ...registreerToezegging, behandelaar: null }, initialState);
      expect('behandelaar' in event.data).toBe(false);
      expect(evolve(initialState, event)).toMatchObject({ behandelaar: null });
    });

    it('speelt een registratie van vóór de behandelaar af zonder behandelaar', () => {
      expect([geregistreerd].reduce(evolve, initialState)).toMatchObject({ status: 'InBehandeling', behandelaar: null });
    });

    it('wijst een eerste behandelaar toe (van: null)', () => {
      spec.given([geregistreerd]).when(wijsToe).then([toegewezen(null, bram)]);
    });

    it('wijzigt de behandelaar en legt de vorige vast', () => {
      const metFenna: ItemEvent = { ...geregistreerd, data: { ...(geregistreerd.data as object), behandelaar: fenna } } as ItemEvent;
      spec.given([metFenna]).when(wijsToe).then([toegewezen(fenna, bram)]);
      const state = [metFenna, toegewezen(fenna, bram)].reduce(evolve, initialState);
      expect(state.status !== 'Nieuw' && state.behandelaar).toEqual(bram);
    });

    it('weigert dezelfde behandelaar nog eens, ook met het e-mailadres in andere letters', () => {
      spec.given([geregistreerd, toegewezen(null, bram)]).when({ ...wijsToe, behandelaar: { ...bram, email: 'Bram.Bedacht@Example.org' } }).thenThrows(GeenWijzigingError, /al de behandelaar/);
    });

    it('mag bij een afgedaan item: wie de brief schreef blijft het aanspreekpunt', () => {
      spec.given([geregistreerd, afgedaan]).when({ ...wijsToe, datum: '2025-07-01' }).then([{ ...toegewezen(null, bram), data: { ...(toegewezen(null, bram).data as object), datum: '2025-07-01' } } as ItemEvent]);
    });

    it('weigert bij een vervallen item', () => {
      spec.given([geregistreerd, vervallen]).when(wijsToe).thenThrows(ItemVervallenError);
    });

    it('weigert een datum vóór de registratie', () => {
      spec.given([geregistreerd]).when({ ...wijsToe, datum: '2025-05-01' }).thenThrows(DatumVoorRegistratieError);
    });

    it.each([
      ['naam', { ...bram, naam: ' ' }, /behandelaar\.naam mag niet leeg zijn/],
      ['directie', { ...bram, directie: '' }, /behandelaar\.directie mag niet leeg zijn/],
      ['e-mail', { ...bram, email: 'bram bedacht' }, /geen e-mailadres/],
    ])('weigert een behandelaar zonder geldige %s', (_, behandelaar, melding) => {
      spec.given([geregistreerd]).when({ ...wijsToe, behandelaar }).thenThrows(OngeldigGegevenError, melding);
      spec.given([]).when({ ...registreerMotie, behandelaar }).thenThrows(OngeldigGegevenError, melding);
    });

    it('weigert een toewijzing zonder reden', () => {
      spec.given([geregistreerd]).when({ ...wijsToe, reden: '  ' }).thenThrows(OngeldigGegevenError, /reden/);
    });

    it('weigert bij een item dat niet bestaat', () => {
      spec.given([]).when(wijsToe).thenThrows(ItemNietGeregistreerdError);
    });
  });

  describe('evolve', () => {
    it('past een onverwacht event toe zonder te gooien (oude historie blijft afspeelbaar)', () => {
      expect(() => [afgedaan, vervallen].reduce(evolve, initialState)).not.toThrow();
      expect([geregistreerd, vervallen, afgedaan].reduce(evolve, initialState).status).toBe('Afgedaan');
    });
  });
});

describe('upcasting', () => {
  it('fills in what a v1 registration left out, and leaves a v2 one alone', async () => {
    const { upcast } = await import('./item.upcasting');
    const v1 = { itemId, soort: 'motie', nummer: '29628-1230', titel: 't' };
    expect(upcast('MotieGeregistreerd', v1, 1)).toEqual({ ...v1, nummerBron: 'kamer', termijn: null });
    expect(upcast('ToezeggingGeregistreerd', { nummer: 'INT-6F1C2A9E0D4B' }, 1)).toEqual({ nummer: 'INT-6F1C2A9E0D4B', nummerBron: 'intern', termijn: null });
    const v2 = { ...v1, nummerBron: 'kamer', termijn: { omschrijving: 'voor de zomer', datum: null } };
    expect(upcast('MotieGeregistreerd', v2, 2)).toBe(v2);
    expect(upcast('MotieAfgedaan', { a: 1 }, 1)).toEqual({ a: 1 });
  });
});
