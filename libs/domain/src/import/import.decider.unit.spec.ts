import { deciderSpecification } from '../../../../test/support/decider-specification';
import { GeenKamerImportError, ImportBestaatAlError, ImportCommand, ImportNietGevondenError, ImportState, VoorstelAlAfgehandeldError, VoorstelNietGevondenError, decideImport, evolveImport, initialImportState } from './import.decider';
import { ImportEvent, IngelezenData, KamerPaginaData } from './import.events';
import { VoorstelGegevens } from './import.types';

const gegevens: VoorstelGegevens = {
  soort: 'motie', nummer: '29628-1107', nummerInBron: '29 628, nr. 1107', vergaderjaar: '2021/22', titel: 'Motie over bodycams', leden: [{ naam: 'Mutluer', fractie: 'PvdA' }],
  status: 'afgedaan', rol: 'behandeld', regel: 12, bewijs: 'Hiermee beschouw ik de motie als afgedaan.', bewijsRegel: 14, thema: 'Politie', debat: null, datum: '2022-07-07', tekst: '…', afgedaanIn: null, zekerheid: 0.95,
};
const ingelezen: IngelezenData = {
  batchId: 'b', bron: { bestandsnaam: 'a.pdf', formaat: 'pdf', sha256: 'ab', bytes: 10 }, brief: { datum: '2022-12-15', kenmerk: null, onderwerp: null },
  standaard: { datum: '2022-12-15', bewindspersoon: 'minister', ministerie: 'JenV', thema: 'Overig', referentie: 'a.pdf' },
  voorstellen: [{ voorstelId: '1', gegevens, match: null, waarschuwingen: [] }], aanvullendeZaken: [], waarschuwingen: [], alBekend: 0, regels: ['x'],
};

const spec = deciderSpecification<ImportCommand, ImportEvent, ImportState>({ decide: decideImport, evolve: evolveImport, initialState: initialImportState });
const isIngelezen: ImportEvent = { feit: 'ImportIngelezen', data: ingelezen };

describe('import batch decider', () => {
  it('files a batch once', () => {
    spec.given([]).when({ type: 'LeesIn', data: ingelezen }).then([isIngelezen]);
    spec.given([isIngelezen]).when({ type: 'LeesIn', data: ingelezen }).thenThrows(ImportBestaatAlError);
  });

  it('records one decision, finishes it, and refuses any other decision or a rejection meanwhile', () => {
    const besluit = { afhandeling: 'aanvaard' as const, itemId: 'i', registreren: true, gegevens, gewijzigdeVelden: [] };
    const besloten: ImportEvent = { feit: 'ImportVoorstelBesloten', data: { batchId: 'b', voorstelId: '1', ...besluit } };
    spec.given([isIngelezen]).when({ type: 'Besluit', voorstelId: '1', ...besluit }).then([besloten]);
    spec.given([isIngelezen, besloten]).when({ type: 'Besluit', voorstelId: '1', ...besluit, afhandeling: 'samengevoegd' }).thenThrows(VoorstelAlAfgehandeldError);
    spec.given([isIngelezen, besloten]).when({ type: 'WijsAf', voorstelId: '1', reden: 'x' }).thenThrows(VoorstelAlAfgehandeldError);
    // Finishing needs a decision first.
    spec.given([isIngelezen]).when({ type: 'Aanvaard', voorstelId: '1', itemId: 'i', gegevens, gewijzigdeVelden: [], stappen: [] }).thenThrows(VoorstelAlAfgehandeldError);
    spec.given([isIngelezen, besloten]).when({ type: 'Aanvaard', voorstelId: '1', itemId: 'i', gegevens, gewijzigdeVelden: [], stappen: ['registratie'] })
      .then([{ feit: 'ImportVoorstelAanvaard', data: { batchId: 'b', voorstelId: '1', itemId: 'i', gegevens, gewijzigdeVelden: [], stappen: ['registratie'] } }]);
  });

  it('rejects an open proposal, and nothing twice', () => {
    const afgewezen: ImportEvent = { feit: 'ImportVoorstelAfgewezen', data: { batchId: 'b', voorstelId: '1', reden: 'geen motie' } };
    spec.given([isIngelezen]).when({ type: 'WijsAf', voorstelId: '1', reden: 'geen motie' }).then([afgewezen]);
    spec.given([isIngelezen, afgewezen]).when({ type: 'VoegSamen', voorstelId: '1', itemId: 'i', stappen: [] }).thenThrows(VoorstelAlAfgehandeldError, 'al afgewezen');
    spec.given([isIngelezen]).when({ type: 'WijsAf', voorstelId: '2', reden: 'x' }).thenThrows(VoorstelNietGevondenError);
    spec.given([]).when({ type: 'WijsAf', voorstelId: '1', reden: 'x' }).thenThrows(VoorstelNietGevondenError);
  });

  describe('the Kamer link', () => {
    const kamer: IngelezenData = { ...ingelezen, bron: { soort: 'tweede-kamer', bestandsnaam: 'Tweede Kamer', formaat: 'odata', sha256: 'cd', bytes: 0 }, voorstellen: [], regels: [] };
    const geopend: ImportEvent = { feit: 'ImportIngelezen', data: kamer };
    const stand = (kamerId: string, voorstelId: string | null) => ({ kamerId, entiteit: 'Toezegging' as const, versie: 'v', nummer: null, status: 'Openstaand', ministerie: 'JenV', verwijderd: false, apiGewijzigdOp: '2026-01-01T00:00:00.0000000Z', voorstelId });
    const voorstel = (voorstelId: string) => ({ voorstelId, gegevens: { ...gegevens, soort: 'toezegging' as const }, match: null, waarschuwingen: [] });
    const pagina = (over: Partial<KamerPaginaData> = {}): KamerPaginaData => ({ batchId: 'b', feed: 'toezegging', pagina: { url: 'u', aantal: 1 }, watermerk: '2026-01-01T00:00:00.0000000Z', bekend: [], voorstellen: [], vervangen: [], ingetrokken: [], alBekend: 0, ...over });

    it('files a page only on the Kamer’s batch', () => {
      spec.given([]).when({ type: 'VerwerkKamerPagina', data: pagina() }).thenThrows(ImportNietGevondenError);
      spec.given([isIngelezen]).when({ type: 'VerwerkKamerPagina', data: pagina() }).thenThrows(GeenKamerImportError);
    });

    it('numbers a page’s proposals after the ones the batch holds, in the ledger and its replacements too', () => {
      const eerste: ImportEvent = { feit: 'ImportKamerPaginaVerwerkt', data: pagina({ voorstellen: [voorstel('1')], bekend: [stand('k1', '1')] }) };
      // Decided on an older state, the page called its proposal 1; the batch now holds one.
      spec
        .given([geopend, eerste])
        .when({ type: 'VerwerkKamerPagina', data: pagina({ voorstellen: [voorstel('1')], bekend: [stand('k1', '1')], vervangen: [{ voorstelId: '1', door: '1' }] }) })
        .then([{ feit: 'ImportKamerPaginaVerwerkt', data: pagina({ voorstellen: [voorstel('2')], bekend: [stand('k1', '2')], vervangen: [{ voorstelId: '1', door: '2' }] }) }]);
    });

    it('never leaves the ledger naming a proposal that is neither the batch’s nor the page’s', () => {
      // The page made proposal 2 for k1 and dropped it again (a second version of k1 on the same page); k2's is 3, renumbered to 1.
      spec
        .given([geopend])
        .when({ type: 'VerwerkKamerPagina', data: pagina({ voorstellen: [voorstel('3')], bekend: [stand('k1', '2'), stand('k2', '3')] }) })
        .then([{ feit: 'ImportKamerPaginaVerwerkt', data: pagina({ voorstellen: [voorstel('1')], bekend: [stand('k1', null), stand('k2', '1')] }) }]);
    });

    it('replaces only a proposal that is still open, and keeps the watermark and ledger', () => {
      const eerste: ImportEvent = { feit: 'ImportKamerPaginaVerwerkt', data: pagina({ voorstellen: [voorstel('1')], bekend: [stand('k1', '1')] }) };
      const afgewezen: ImportEvent = { feit: 'ImportVoorstelAfgewezen', data: { batchId: 'b', voorstelId: '1', reden: 'x' } };
      spec
        .given([geopend, eerste, afgewezen])
        .when({ type: 'VerwerkKamerPagina', data: pagina({ voorstellen: [voorstel('2')], vervangen: [{ voorstelId: '1', door: '2' }] }) })
        .then([{ feit: 'ImportKamerPaginaVerwerkt', data: pagina({ voorstellen: [voorstel('2')], vervangen: [] }) }]);
      const tweede: ImportEvent = { feit: 'ImportKamerPaginaVerwerkt', data: pagina({ watermerk: '2026-02-01T00:00:00.0000000Z', voorstellen: [voorstel('2')], bekend: [stand('k1', '2')], vervangen: [{ voorstelId: '1', door: '2' }] }) };
      const state = [geopend, eerste, tweede].reduce(evolveImport, initialImportState);
      if (state.status !== 'Ingelezen') throw new Error('niet ingelezen');
      expect(state.kamer).toEqual({ watermerken: { toezegging: '2026-02-01T00:00:00.0000000Z' }, bekend: new Map([['k1', stand('k1', '2')]]), onbekend: new Map() });
      expect(state.voorstellen.get('1')!.afhandeling).toBe('vervangen');
      spec.given([geopend, eerste, tweede]).when({ type: 'WijsAf', voorstelId: '1', reden: 'x' }).thenThrows(VoorstelAlAfgehandeldError, 'vervangen');
    });
  });
});
