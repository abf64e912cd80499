import { OpgeslagenEvent } from '../shared/opgeslagen-event';
import { ImportBron, ImportStandaard, Voorstel, VoorstelBesluit, VoorstelGegevens } from './import.types';

export interface IngelezenData {
  readonly batchId: string;
  readonly bron: ImportBron;
  readonly brief: { readonly datum: string | null; readonly kenmerk: string | null; readonly onderwerp: string | null };
  readonly standaard: ImportStandaard;
  readonly voorstellen: readonly Voorstel[];
  readonly aanvullendeZaken: readonly { readonly titel: string; readonly regel: number }[];
  readonly waarschuwingen: readonly string[];
  /** Items the document names that the register already holds as this document says: nothing to propose. */
  readonly alBekend: number;
  /** The text the reader produced, so that every proposal can be shown beside its source passage. */
  readonly regels: readonly string[];
}

export type ImportEvent =
  | { readonly feit: 'ImportIngelezen'; readonly data: IngelezenData }
  | { readonly feit: 'ImportVoorstelBesloten'; readonly data: { readonly batchId: string; readonly voorstelId: string } & VoorstelBesluit }
  | {
      readonly feit: 'ImportVoorstelAanvaard';
      readonly data: {
        readonly batchId: string;
        readonly voorstelId: string;
        readonly itemId: string;
        /** As accepted: the reader's proposal with the clerk's changes. */
        readonly gegevens: VoorstelGegevens;
        readonly gewijzigdeVelden: readonly string[];
        /** The commands it took ("registratie", "afdoening", …); empty when the register already said so. */
        readonly stappen: readonly string[];
      };
    }
  | {
      readonly feit: 'ImportVoorstelSamengevoegd';
      readonly data: { readonly batchId: string; readonly voorstelId: string; readonly itemId: string; readonly stappen: readonly string[] };
    }
  | { readonly feit: 'ImportVoorstelAfgewezen'; readonly data: { readonly batchId: string; readonly voorstelId: string; readonly reden: string } };

export const IMPORT_FEITEN = ['ImportIngelezen', 'ImportVoorstelBesloten', 'ImportVoorstelAanvaard', 'ImportVoorstelSamengevoegd', 'ImportVoorstelAfgewezen'] as const;

export function leesImportEvent(stored: OpgeslagenEvent): ImportEvent | undefined {
  return (IMPORT_FEITEN as readonly string[]).includes(stored.type) ? ({ feit: stored.type, data: stored.data } as ImportEvent) : undefined;
}

export function importStream(batchId: string): string {
  return `importbatch-${batchId}`;
}
