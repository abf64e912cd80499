import { deciderSpecification } from '../../../../test/support/decider-specification';
import { ImportBestaatAlError, ImportCommand, ImportState, VoorstelAlAfgehandeldError, VoorstelNietGevondenError, decideImport, evolveImport, initialImportState } from './import.decider';
import { ImportEvent, IngelezenData } from './import.events';
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
});
