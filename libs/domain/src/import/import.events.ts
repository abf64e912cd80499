import { OpgeslagenEvent } from '../shared/opgeslagen-event';
import { ImportBron, ImportStandaard, KamerFeed, KamerStand, Voorstel, VoorstelBesluit, VoorstelGegevens } from './import.types';

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

/** One page of the Kamer's open data, with what it proposed, what it taught the ledger and where the feed now stands: one append. */
export interface KamerPaginaData {
  readonly batchId: string;
  readonly feed: KamerFeed;
  readonly pagina: { readonly url: string; readonly aantal: number };
  /** This feed's committed watermark (ApiGewijzigdOp, 7 decimals, UTC) after this page. */
  readonly watermerk: string;
  readonly bekend: readonly KamerStand[];
  readonly voorstellen: readonly Voorstel[];
  /** Open proposals a newer version of their record replaced (by a new proposal, or by none: the register already says as much). */
  readonly vervangen: readonly { readonly voorstelId: string; readonly door: string | null }[];
  /** Open proposals whose record the Kamer deleted or gave to another ministry. */
  readonly ingetrokken: readonly string[];
  /** Records of this ministry the register already holds as the Kamer says. */
  readonly alBekend: number;
  /** Feed `controle`: the register's TZ numbers the Kamer was asked about and does not know. */
  readonly onbekend?: readonly string[];
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
  | { readonly feit: 'ImportVoorstelAfgewezen'; readonly data: { readonly batchId: string; readonly voorstelId: string; readonly reden: string } }
  | { readonly feit: 'ImportKamerPaginaVerwerkt'; readonly data: KamerPaginaData };

export const IMPORT_FEITEN = ['ImportIngelezen', 'ImportKamerPaginaVerwerkt', 'ImportVoorstelBesloten', 'ImportVoorstelAanvaard', 'ImportVoorstelSamengevoegd', 'ImportVoorstelAfgewezen'] as const;

export function leesImportEvent(stored: OpgeslagenEvent): ImportEvent | undefined {
  return (IMPORT_FEITEN as readonly string[]).includes(stored.type) ? ({ feit: stored.type, data: stored.data } as ImportEvent) : undefined;
}

export function importStream(batchId: string): string {
  return `importbatch-${batchId}`;
}
