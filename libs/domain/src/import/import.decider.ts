import { DomainError } from '../shared/domain-error';
import { VerbodenOvergangError } from '../item/item.errors';
import { ImportEvent, IngelezenData, KamerPaginaData } from './import.events';
import { Afhandeling, ImportStandaard, KamerFeed, KamerStand, Voorstel, VoorstelBesluit, VoorstelGegevens } from './import.types';

export class ImportNietGevondenError extends DomainError {
  readonly code = 'import-niet-gevonden';
  constructor(batchId: string) {
    super(`Er is geen import ${batchId}.`);
  }
}

export class VoorstelNietGevondenError extends DomainError {
  readonly code = 'voorstel-niet-gevonden';
  constructor(id: string) {
    super(`Er is geen voorstel ${id}.`);
  }
}

export class ImportBestaatAlError extends VerbodenOvergangError {
  readonly code = 'import-bestaat-al';
  constructor() {
    super('Dit document is al ingelezen.');
  }
}

export class VoorstelAlAfgehandeldError extends VerbodenOvergangError {
  readonly code = 'voorstel-al-afgehandeld';
  constructor(afhandeling: Afhandeling) {
    super(`Dit voorstel is al ${AFHANDELING_WOORD[afhandeling]}.`);
  }
}

export class GeenKamerImportError extends VerbodenOvergangError {
  readonly code = 'geen-kamer-import';
  constructor() {
    super('Deze import komt uit een document, niet uit de open data van de Tweede Kamer.');
  }
}

const AFHANDELING_WOORD: Record<Afhandeling, string> = {
  open: 'open',
  besloten: 'in behandeling bij een andere griffier',
  aanvaard: 'aanvaard',
  samengevoegd: 'samengevoegd',
  afgewezen: 'afgewezen',
  vervangen: 'vervangen door een nieuwere versie uit de open data van de Kamer',
  ingetrokken: 'ingetrokken: de Kamer verwijderde het record of het hoort niet meer bij dit ministerie',
};

export interface VoorstelStand {
  readonly voorstel: Voorstel;
  readonly afhandeling: Afhandeling;
  /** The register item it became or was merged into. */
  readonly itemId: string | null;
  /** Recorded when a clerk decided; the register steps follow it. */
  readonly besluit: VoorstelBesluit | null;
}

export type ImportState =
  | { readonly status: 'Nieuw' }
  | {
      readonly status: 'Ingelezen';
      readonly batchId: string;
      readonly standaard: ImportStandaard;
      readonly voorstellen: ReadonlyMap<string, VoorstelStand>;
      /** Only for the Tweede Kamer's batch: where its feed stands and what it knows of each record. */
      readonly kamer: KamerLedger | null;
    };

export interface KamerLedger {
  /** Per feed, how far the Kamer was read. */
  readonly watermerken: Readonly<Partial<Record<KamerFeed, string>>>;
  /** The register's TZ numbers the Kamer said it does not know, with when it was asked; a record that shows up under one takes it off. */
  readonly onbekend: ReadonlyMap<string, string>;
  readonly bekend: ReadonlyMap<string, KamerStand>;
}

export const initialImportState: ImportState = { status: 'Nieuw' };

export type ImportCommand =
  | { readonly type: 'LeesIn'; readonly data: IngelezenData }
  | ({ readonly type: 'Besluit'; readonly voorstelId: string } & VoorstelBesluit)
  | { readonly type: 'Aanvaard'; readonly voorstelId: string; readonly itemId: string; readonly gegevens: VoorstelGegevens; readonly gewijzigdeVelden: readonly string[]; readonly stappen: readonly string[] }
  | { readonly type: 'VoegSamen'; readonly voorstelId: string; readonly itemId: string; readonly stappen: readonly string[] }
  | { readonly type: 'WijsAf'; readonly voorstelId: string; readonly reden: string }
  | { readonly type: 'VerwerkKamerPagina'; readonly data: KamerPaginaData };

export function evolveImport(state: ImportState, event: ImportEvent): ImportState {
  if (event.feit === 'ImportIngelezen') {
    const d = event.data;
    return {
      status: 'Ingelezen',
      batchId: d.batchId,
      standaard: d.standaard,
      voorstellen: new Map(d.voorstellen.map((v) => [v.voorstelId, { voorstel: v, afhandeling: 'open', itemId: null, besluit: null }])),
      kamer: d.bron.soort === 'tweede-kamer' ? { watermerken: {}, bekend: new Map(), onbekend: new Map() } : null,
    };
  }
  if (state.status === 'Nieuw') return state;
  if (event.feit === 'ImportKamerPaginaVerwerkt') return evolveKamerPagina(state, event.data);
  const voorstellen = new Map(state.voorstellen);
  const stand = voorstellen.get(event.data.voorstelId);
  if (!stand) return state;
  switch (event.feit) {
    case 'ImportVoorstelBesloten': {
      const { batchId: _b, voorstelId: _v, ...besluit } = event.data;
      voorstellen.set(event.data.voorstelId, { ...stand, afhandeling: 'besloten', itemId: besluit.itemId, besluit });
      break;
    }
    case 'ImportVoorstelAanvaard':
      voorstellen.set(event.data.voorstelId, { ...stand, voorstel: { ...stand.voorstel, gegevens: event.data.gegevens }, afhandeling: 'aanvaard', itemId: event.data.itemId });
      break;
    case 'ImportVoorstelSamengevoegd':
      voorstellen.set(event.data.voorstelId, { ...stand, afhandeling: 'samengevoegd', itemId: event.data.itemId });
      break;
    case 'ImportVoorstelAfgewezen':
      voorstellen.set(event.data.voorstelId, { ...stand, afhandeling: 'afgewezen', itemId: null });
      break;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
  return { ...state, voorstellen };
}

function evolveKamerPagina(state: Extract<ImportState, { status: 'Ingelezen' }>, data: KamerPaginaData): ImportState {
  const voorstellen = new Map(state.voorstellen);
  for (const v of data.voorstellen) voorstellen.set(v.voorstelId, { voorstel: v, afhandeling: 'open', itemId: null, besluit: null });
  for (const { voorstelId } of data.vervangen) {
    const stand = voorstellen.get(voorstelId);
    if (stand && stand.afhandeling === 'open') voorstellen.set(voorstelId, { ...stand, afhandeling: 'vervangen' });
  }
  for (const voorstelId of data.ingetrokken ?? []) {
    const stand = voorstellen.get(voorstelId);
    if (stand && stand.afhandeling === 'open') voorstellen.set(voorstelId, { ...stand, afhandeling: 'ingetrokken' });
  }
  const bekend = new Map(state.kamer?.bekend ?? []);
  const onbekend = new Map(state.kamer?.onbekend ?? []);
  for (const nummer of data.onbekend ?? []) onbekend.set(nummer, data.watermerk);
  for (const k of data.bekend) {
    bekend.set(k.kamerId, k);
    if (k.registerNummer) onbekend.delete(k.registerNummer);
  }
  return { ...state, voorstellen, kamer: { watermerken: { ...state.kamer?.watermerken, [data.feed]: data.watermerk }, bekend, onbekend } };
}

export function decideImport(command: ImportCommand, state: ImportState): ImportEvent[] {
  if (command.type === 'LeesIn') {
    if (state.status !== 'Nieuw') throw new ImportBestaatAlError();
    return [{ feit: 'ImportIngelezen', data: command.data }];
  }
  if (command.type === 'VerwerkKamerPagina') return decideKamerPagina(command.data, state);
  if (state.status === 'Nieuw') throw new VoorstelNietGevondenError(command.voorstelId);
  const stand = state.voorstellen.get(command.voorstelId);
  if (!stand) throw new VoorstelNietGevondenError(command.voorstelId);
  const batchId = state.batchId;
  // Acceptance and merge finish a decision recorded first; a decision and a rejection need an open proposal.
  const verwacht = command.type === 'Aanvaard' || command.type === 'VoegSamen' ? 'besloten' : 'open';
  if (stand.afhandeling !== verwacht) throw new VoorstelAlAfgehandeldError(stand.afhandeling);
  switch (command.type) {
    case 'Besluit': {
      const { type: _t, ...besluit } = command;
      return [{ feit: 'ImportVoorstelBesloten', data: { batchId, ...besluit } }];
    }
    case 'Aanvaard':
      return [{ feit: 'ImportVoorstelAanvaard', data: { batchId, voorstelId: command.voorstelId, itemId: command.itemId, gegevens: command.gegevens, gewijzigdeVelden: command.gewijzigdeVelden, stappen: command.stappen } }];
    case 'VoegSamen':
      return [{ feit: 'ImportVoorstelSamengevoegd', data: { batchId, voorstelId: command.voorstelId, itemId: command.itemId, stappen: command.stappen } }];
    case 'WijsAf':
      return [{ feit: 'ImportVoorstelAfgewezen', data: { batchId, voorstelId: command.voorstelId, reden: command.reden } }];
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}

/**
 * A Kamer page is filed on the Kamer's batch only, with proposal ids that follow the ones it holds
 * (so a page decided again on a fresher state numbers its proposals anew), and only replaces
 * proposals that are still open.
 */
function decideKamerPagina(data: KamerPaginaData, state: ImportState): ImportEvent[] {
  if (state.status === 'Nieuw') throw new ImportNietGevondenError(data.batchId);
  if (!state.kamer) throw new GeenKamerImportError();
  let volgende = state.voorstellen.size;
  const nieuweIds = new Map<string, string>();
  const voorstellen = data.voorstellen.map((v) => {
    const voorstelId = String(++volgende);
    nieuweIds.set(v.voorstelId, voorstelId);
    return { ...v, voorstelId };
  });
  const vervangen = data.vervangen
    .filter((r) => state.voorstellen.get(r.voorstelId)?.afhandeling === 'open')
    .map((r) => ({ voorstelId: r.voorstelId, door: r.door === null ? null : (nieuweIds.get(r.door) ?? r.door) }));
  const ingetrokken = data.ingetrokken.filter((id) => state.voorstellen.get(id)?.afhandeling === 'open');
  // A ledger entry names a proposal of the batch, or one of this page: never an id that is neither (it would later be another record's).
  const bekend = data.bekend.map((k) => {
    if (!k.voorstelId) return k;
    if (nieuweIds.has(k.voorstelId)) return { ...k, voorstelId: nieuweIds.get(k.voorstelId)! };
    return state.voorstellen.has(k.voorstelId) ? k : { ...k, voorstelId: null };
  });
  return [{ feit: 'ImportKamerPaginaVerwerkt', data: { ...data, voorstellen, vervangen, ingetrokken, bekend } }];
}
