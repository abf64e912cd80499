import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ImportCommand,
  ImportNietGevondenError,
  ImportStandaard,
  OngeldigGegevenError,
  ImportState,
  IngelezenData,
  Voorstel,
  VoorstelAlAfgehandeldError,
  VoorstelBesluit,
  VoorstelGegevens,
  VoorstelNietGevondenError,
  VoorstelStand,
  VoorstelWijzigingen,
  GeenWijzigingError,
  decideImport,
  isBusinessDate,
  isKamerstukNummer,
  isToezeggingNummer,
  evolveImport,
  importStream,
  initialImportState,
  leesImportEvent,
} from '@register/domain';
import { EVENT_STORE, EventStore, StoredEvent, canonicalJson } from '@register/event-store';
import { GelezenDocument, Kolomindeling } from '@register/import';
import { Clock } from '@register/platform';
import { createHash } from 'node:crypto';
import { CommandMetadata } from '../command-metadata';
import { ItemEventStore, deterministicId } from '../items/item-event-store';
import { RegistreerItemCommand, WijzigItemCommand } from '../items/item.commands';
import { NummerRegister } from '../items/nummer-register';
import { ItemNietGevondenError, NummerInGebruikError } from '../items/register.errors';
import { voerStreamCommandUit } from '../stream-command';
import { TITEL_DREMPEL_BIJ_NUMMER, TITEL_DREMPEL_ZELFDE_ITEM, titelGelijkenis } from './gelijkenis';
import { DocumentLezer } from './document-lezer';
import { ImportMatcher } from './import-matcher';
import { STAPPEN, Stap, registratie, statusStap, vergaderjaarVan } from './voorstel-stappen';

/** What the clerk gives at upload; the document's own date wins over `datum` when it has one. */
export interface UploadInvoer {
  readonly bytes: Buffer;
  readonly bestandsnaam: string;
  readonly datum?: string;
  readonly bewindspersoon: string;
  readonly ministerie: string;
  readonly thema?: string;
  readonly kolommen?: Kolomindeling;
}

export interface IngelezenResultaat {
  readonly batchId: string;
  /** False when this very document was read in before: nothing new is proposed. */
  readonly nieuw: boolean;
  readonly voorstellen: number;
  readonly alBekend: number;
  readonly positie: string;
}

export interface AfhandelingResultaat {
  readonly voorstelId: string;
  readonly afhandeling: 'aanvaard' | 'samengevoegd' | 'afgewezen';
  readonly itemId: string | null;
  /** The number of the item it became or was merged into. */
  readonly nummer: string | null;
  readonly stappen: readonly string[];
  readonly positie: string;
}

/** The document text kept with the batch, so each proposal can be shown beside its source passage. */
const MAX_TEKST_TEKENS = 1_000_000;
/** Per proposal, what the event keeps of its texts (the whole passage is in the document text by its lines). */
const MAX_VOORSTEL_TEKST = 10_000;
const MAX_BEWIJS = 1_000;
const MAX_TITEL = 500;


/** The public id of a proposal: its batch and its place in it. */
export function voorstelSleutel(batchId: string, voorstelId: string): string {
  return `${batchId}.${voorstelId}`;
}

export function leesVoorstelSleutel(sleutel: string): { batchId: string; voorstelId: string } | null {
  const match = /^([0-9a-f-]{36})\.([1-9]\d{0,5})$/.exec(sleutel);
  return match ? { batchId: match[1], voorstelId: match[2] } : null;
}

/**
 * The inbox's write path. Reading a document in files a batch of proposals (one event, under an id
 * derived from the document's hash, so the same bytes make the same batch). Accepting a proposal
 * dispatches the register's ordinary commands with idempotency keys derived from batch, proposal and
 * step, and records the acceptance last: a double click, a retry or a crash at any point runs each
 * step at most once, and a second run finds the first one's work.
 */
@Injectable()
export class ImportService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly items: ItemEventStore,
    private readonly nummers: NummerRegister,
    private readonly matcher: ImportMatcher,
    private readonly commands: CommandBus,
    private readonly lezer: DocumentLezer,
    private readonly clock: Clock,
  ) {}

  static batchIdVan(sha256: string): string {
    return deterministicId(sha256, 'import');
  }

  async load(batchId: string): Promise<{ state: ImportState; revision: number; events: readonly StoredEvent[] }> {
    const { revision, events } = await this.store.readStream(importStream(batchId));
    const state = events.reduce<ImportState>((s, e) => {
      const event = leesImportEvent(e);
      return event ? evolveImport(s, event) : s;
    }, initialImportState);
    return { state, revision, events };
  }

  /** Reads the document (nothing is written when it cannot be read) and files its proposals. */
  async leesIn(invoer: UploadInvoer, meta: CommandMetadata): Promise<IngelezenResultaat> {
    const sha256 = createHash('sha256').update(invoer.bytes).digest('hex');
    const batchId = ImportService.batchIdVan(sha256);
    const eerder = await this.load(batchId);
    if (eerder.state.status !== 'Nieuw') return this.alIngelezen(batchId, eerder.state, eerder.events);

    if (invoer.datum !== undefined && !isBusinessDate(invoer.datum)) throw new OngeldigGegevenError('datum', `"${invoer.datum}" is geen bestaande datum (JJJJ-MM-DD).`);
    const document = await this.lezer.lees(invoer.bytes, invoer.kolommen);
    const uitDocument = document.brief.datum !== null && isBusinessDate(document.brief.datum) ? document.brief.datum : null;
    // The clerk's date, when given, wins over what the reader found: a letter can be misread.
    const datum = invoer.datum ?? uitDocument;
    if (!datum) throw new OngeldigGegevenError('datum', 'Het document noemt geen datum (of een die niet bestaat): geef de datum van het bericht op (JJJJ-MM-DD).');
    if (datum > this.clock.today()) throw new OngeldigGegevenError('datum', `De datum van het bericht (${datum}) ligt in de toekomst.`);
    const datumWaarschuwing = invoer.datum && uitDocument && invoer.datum !== uitDocument ? [`Het document noemt de datum ${uitDocument}; de opgegeven datum ${invoer.datum} is gebruikt.`] : [];
    const standaard: ImportStandaard = {
      datum,
      bewindspersoon: invoer.bewindspersoon,
      ministerie: invoer.ministerie,
      thema: invoer.thema ?? 'Overig',
      referentie: referentieVan(document, invoer.bestandsnaam),
    };
    const { voorstellen, alBekend } = await this.voorstellen(document, standaard);
    const tekens = document.regels.reduce((n, r) => n + r.length, 0);
    const data: IngelezenData = {
      batchId,
      bron: { bestandsnaam: invoer.bestandsnaam.slice(0, 255), formaat: document.formaat, sha256, bytes: invoer.bytes.length },
      brief: document.brief,
      standaard,
      voorstellen,
      aanvullendeZaken: document.aanvullendeZaken,
      waarschuwingen: [
        ...datumWaarschuwing,
        ...document.waarschuwingen,
        ...(tekens > MAX_TEKST_TEKENS ? [`De tekst van het document (${tekens.toLocaleString('nl-NL')} tekens) is te lang om bij de import te bewaren; de voorstellen zijn er wel.`] : []),
      ],
      alBekend,
      regels: tekens > MAX_TEKST_TEKENS ? [] : document.regels,
    };
    try {
      const { positie } = await this.execute(batchId, { type: 'LeesIn', data }, meta);
      return { batchId, nieuw: true, voorstellen: voorstellen.length, alBekend, positie };
    } catch (error) {
      // The same document uploaded twice at the same moment: the other upload filed it.
      const nu = await this.load(batchId);
      if (nu.state.status !== 'Nieuw') return this.alIngelezen(batchId, nu.state, nu.events);
      throw error;
    }
  }

  /** Accepts a proposal, with the clerk's changes, onto the item it matched or as a new registration. */
  async aanvaard(batchId: string, voorstelId: string, wijzigingen: VoorstelWijzigingen, meta: CommandMetadata): Promise<AfhandelingResultaat> {
    return this.handelAf(batchId, voorstelId, 'aanvaard', meta, { wijzigingen });
  }

  /** Applies a proposal to an item the clerk chose (the matcher missed it: a misspelt number, another title). */
  async voegSamen(batchId: string, voorstelId: string, itemId: string, meta: CommandMetadata): Promise<AfhandelingResultaat> {
    return this.handelAf(batchId, voorstelId, 'samengevoegd', meta, { doelItemId: itemId });
  }

  async wijsAf(batchId: string, voorstelId: string, reden: string, meta: CommandMetadata): Promise<AfhandelingResultaat> {
    const stand = await this.stand(batchId, voorstelId);
    if (stand.afhandeling === 'afgewezen') return { voorstelId, afhandeling: 'afgewezen', itemId: null, nummer: null, stappen: [], positie: await this.batchPositie(batchId) };
    const { positie } = await this.execute(batchId, { type: 'WijsAf', voorstelId, reden }, { ...meta, idempotencyKeyId: this.sleutel(batchId, voorstelId, 'afwijzing') });
    return { voorstelId, afhandeling: 'afgewezen', itemId: null, nummer: null, stappen: [], positie };
  }

  /** Accepts, one by one, every open handled proposal at or above this certainty; says which ones could not be. */
  async aanvaardVanaf(batchId: string, minimaleZekerheid: number, meta: CommandMetadata): Promise<{ aanvaard: AfhandelingResultaat[]; mislukt: { voorstelId: string; code: string; melding: string }[] }> {
    const { state } = await this.load(batchId);
    if (state.status === 'Nieuw') throw new ImportNietGevondenError(batchId);
    const aanvaard: AfhandelingResultaat[] = [];
    const mislukt: { voorstelId: string; code: string; melding: string }[] = [];
    for (const stand of state.voorstellen.values()) {
      const g = stand.voorstel.gegevens;
      // A decision left half done (a crash) is finished whatever its certainty; open ones above it are accepted.
      const hervatten = stand.afhandeling === 'besloten' && stand.besluit !== null;
      if (!hervatten && (stand.afhandeling !== 'open' || g.rol !== 'behandeld' || g.zekerheid < minimaleZekerheid)) continue;
      try {
        aanvaard.push(hervatten ? await this.voerUit(batchId, stand.voorstel.voorstelId, stand.besluit!, meta) : await this.aanvaard(batchId, stand.voorstel.voorstelId, {}, meta));
      } catch (error) {
        if (!(error instanceof Error) || !('code' in error)) throw error;
        mislukt.push({ voorstelId: stand.voorstel.voorstelId, code: String(error.code), melding: error.message });
      }
    }
    return { aanvaard, mislukt };
  }

  /**
   * Accepting or merging in three steps: the clerk's decision is recorded on the batch first (so one
   * decision wins: a second, different one, or a rejection, is refused from then on), the register
   * steps follow from that recorded decision, and the completion is recorded last. A retry, a double
   * click or a crash resumes the recorded decision; it never runs the steps of another one.
   */
  private async handelAf(
    batchId: string,
    voorstelId: string,
    afhandeling: 'aanvaard' | 'samengevoegd',
    meta: CommandMetadata,
    keuze: { wijzigingen?: VoorstelWijzigingen; doelItemId?: string },
  ): Promise<AfhandelingResultaat> {
    let stand = await this.stand(batchId, voorstelId);
    if (stand.afhandeling === 'open') {
      await this.besluit(batchId, stand, afhandeling, keuze, meta);
      stand = await this.stand(batchId, voorstelId);
    }
    const besluit = stand.besluit;
    const zelfdeBesluit = besluit !== null && besluit.afhandeling === afhandeling && (!keuze.doelItemId || keuze.doelItemId === besluit.itemId) && !this.wijktAf(stand, keuze.wijzigingen);
    if (!besluit || !zelfdeBesluit || stand.afhandeling === 'afgewezen') throw new VoorstelAlAfgehandeldError(stand.afhandeling);
    if (stand.afhandeling === 'aanvaard' || stand.afhandeling === 'samengevoegd') {
      // Done before: the same outcome again, nothing run twice.
      return { voorstelId, afhandeling, itemId: besluit.itemId, nummer: stand.voorstel.gegevens.nummer, stappen: await this.gedaneStappen(batchId, voorstelId, besluit.itemId), positie: await this.batchPositie(batchId) };
    }
    return this.voerUit(batchId, voorstelId, besluit, meta);
  }

  /** Whether the clerk's changes would make other data than the recorded decision has. */
  private wijktAf(stand: VoorstelStand, wijzigingen: VoorstelWijzigingen | undefined): boolean {
    if (!wijzigingen || Object.keys(wijzigingen).length === 0 || !stand.besluit) return false;
    return canonicalJson({ ...stand.voorstel.gegevens, ...wijzigingen }) !== canonicalJson(stand.besluit.gegevens);
  }

  /** Records the decision: the item it lands on (found now) and the data as the clerk settled it. */
  private async besluit(batchId: string, stand: VoorstelStand, afhandeling: 'aanvaard' | 'samengevoegd', keuze: { wijzigingen?: VoorstelWijzigingen; doelItemId?: string }, meta: CommandMetadata): Promise<void> {
    const voorstelId = stand.voorstel.voorstelId;
    const gegevens: VoorstelGegevens = { ...stand.voorstel.gegevens, ...(keuze.wijzigingen ?? {}) };
    if (keuze.doelItemId && !(await this.items.load(keuze.doelItemId))) throw new ItemNietGevondenError(keuze.doelItemId);
    const doel = keuze.doelItemId ?? (await this.doel(batchId, stand, gegevens, keuze.wijzigingen ?? {}));
    if (doel === null) vereisVoorRegistratie(gegevens);
    const gewijzigdeVelden = Object.keys(keuze.wijzigingen ?? {}).filter((veld) => canonicalJson((keuze.wijzigingen as Record<string, unknown>)[veld] ?? null) !== canonicalJson((stand.voorstel.gegevens as unknown as Record<string, unknown>)[veld] ?? null));
    const besluit: VoorstelBesluit = { afhandeling, itemId: doel ?? this.eigenItemId(batchId, voorstelId), registreren: doel === null, gegevens, gewijzigdeVelden };
    // The same decision again (a double click) finds its own event; another one meets a decided proposal.
    const sleutel = deterministicId(batchId, `voorstel:${voorstelId}:besluit:${createHash('sha256').update(canonicalJson(besluit)).digest('hex')}`);
    await this.execute(batchId, { type: 'Besluit', voorstelId, ...besluit }, { ...meta, idempotencyKeyId: sleutel });
  }

  /** The register steps of a recorded decision, each once, then the completion. */
  private async voerUit(batchId: string, voorstelId: string, besluit: VoorstelBesluit, meta: CommandMetadata): Promise<AfhandelingResultaat> {
    const { state, events } = await this.load(batchId);
    if (state.status === 'Nieuw') throw new ImportNietGevondenError(batchId);
    // A proposal may say its own date and bewindspersoon (a Kamer record has them); the batch's defaults fill the rest.
    const standaard: ImportStandaard = { ...state.standaard, ...(state.voorstellen.get(voorstelId)?.voorstel.standaard ?? {}) };
    const bron = `import van ${events[0] ? String((events[0].data as unknown as IngelezenData).bron.bestandsnaam) : batchId}, voorstel ${voorstelId}`;
    const stapMeta = (stap: Stap): CommandMetadata => ({ ...meta, idempotencyKeyId: this.sleutel(batchId, voorstelId, stap), bron });
    const { itemId, gegevens } = besluit;
    if (besluit.registreren) await this.commands.execute(new RegistreerItemCommand(registratie(itemId, gegevens, standaard), stapMeta('registratie')));
    const item = await this.items.load(itemId);
    if (!item) throw new ItemNietGevondenError(itemId);
    const stap = statusStap(gegevens, standaard, item, this.eigenSleutels(batchId, voorstelId));
    if (stap) await this.commands.execute(new WijzigItemCommand(itemId, stap.wijziging, stapMeta(stap.stap)));
    const gevraagd = state.voorstellen.get(voorstelId)?.voorstel.correcties;
    if (gevraagd?.tekst !== undefined) {
      // The text as the griffier settled it when they edited it before accepting; else the source's.
      const tekst = besluit.gewijzigdeVelden.includes('tekst') ? gegevens.tekst : gevraagd.tekst;
      try {
        await this.commands.execute(new WijzigItemCommand(itemId, { type: 'CorrigeerRegistratie', correcties: { tekst }, reden: `Gewijzigde tekst bij de bron (${standaard.referentie})` }, stapMeta('correctie')));
      } catch (error) {
        // The register holds that text already (a clerk corrected it by hand): nothing to do.
        if (!(error instanceof GeenWijzigingError)) throw error;
      }
    }

    const stappen = await this.gedaneStappen(batchId, voorstelId, itemId);
    // As accepted: with the number the item holds (a toezegging without one got it from the register).
    const nu = await this.items.load(itemId);
    const nummer = nu && nu.state.status !== 'Nieuw' ? nu.state.registratie.nummer : gegevens.nummer;
    const command: ImportCommand =
      besluit.afhandeling === 'aanvaard'
        ? { type: 'Aanvaard', voorstelId, itemId, gegevens: { ...gegevens, nummer }, gewijzigdeVelden: besluit.gewijzigdeVelden, stappen }
        : { type: 'VoegSamen', voorstelId, itemId, stappen };
    const { positie } = await this.execute(batchId, command, { ...meta, idempotencyKeyId: this.sleutel(batchId, voorstelId, 'afhandeling') });
    return { voorstelId, afhandeling: besluit.afhandeling, itemId, nummer, stappen, positie };
  }

  /**
   * The item a proposal lands on: the one an earlier run of this acceptance registered (a retry
   * after a crash), the match made at upload (unless the clerk changed the number), or the holder of
   * its number when that is plainly the same item (the clerk did not see that match at upload). A
   * number held by an unlike item is refused (409, naming it), never merged silently: the clerk
   * merges by hand. Null: register it anew.
   */
  private async doel(batchId: string, stand: VoorstelStand, gegevens: VoorstelGegevens, wijzigingen: VoorstelWijzigingen): Promise<string | null> {
    const eigen = this.eigenItemId(batchId, stand.voorstel.voorstelId);
    if (await this.items.load(eigen)) return eigen;
    const nummerGewijzigd = 'nummer' in wijzigingen && wijzigingen.nummer !== stand.voorstel.gegevens.nummer;
    if (stand.voorstel.match && !nummerGewijzigd && (await this.items.load(stand.voorstel.match.itemId))) return stand.voorstel.match.itemId;
    if (!gegevens.nummer) {
      // Registered since the upload (another document accepted first): the same item when its title is nearly the same.
      const nu = await this.matcher.opTitel(gegevens, TITEL_DREMPEL_ZELFDE_ITEM);
      return nu?.itemId ?? null;
    }
    const houder = await this.nummers.houder(gegevens.nummer);
    if (!houder) return null;
    // Not seen by the clerk as a match at upload: taken only when plainly the same item.
    const item = await this.items.loadAs(houder.soort, houder.itemId);
    const titel = item.state.status === 'Nieuw' ? '' : item.state.registratie.titel;
    if (houder.soort === gegevens.soort && titelGelijkenis(titel, gegevens.titel) >= TITEL_DREMPEL_BIJ_NUMMER) return houder.itemId;
    throw new NummerInGebruikError(gegevens.nummer, { itemId: houder.itemId, soort: houder.soort, titel });
  }

  /** The proposals of a document, and how many of its items the register already holds as it says. */
  private async voorstellen(document: GelezenDocument, standaard: ImportStandaard): Promise<{ voorstellen: Voorstel[]; alBekend: number }> {
    const voorstellen: Voorstel[] = [];
    let alBekend = 0;
    const nummersInDocument = new Map<string, { titel: string; regel: number }>();
    for (const gelezen of document.items) {
      const waarschuwingen: string[] = [];
      let gegevens: VoorstelGegevens = {
        ...gelezen,
        titel: kort(gelezen.titel, MAX_TITEL),
        bewijs: kort(gelezen.bewijs, MAX_BEWIJS),
        tekst: kort(gelezen.tekst, MAX_VOORSTEL_TEKST),
        leden: gelezen.leden.slice(0, 50).map((l) => ({ naam: kort(l.naam, 200), fractie: l.fractie === null ? null : kort(l.fractie, 100) })),
      };
      if (gegevens.datum !== null && (!isBusinessDate(gegevens.datum) || gegevens.datum > standaard.datum)) {
        waarschuwingen.push(`De datum ${gegevens.datum} bij dit item kan niet kloppen (geen bestaande datum, of na het bericht); de datum van het bericht geldt.`);
        gegevens = { ...gegevens, datum: null };
      }
      if (gelezen.nummerInBron && !gelezen.nummer) waarschuwingen.push(`"${gelezen.nummerInBron}" is geen geldig nummer; het voorstel heeft geen nummer.`);
      if (gegevens.soort === 'motie' && !gegevens.vergaderjaar) {
        const vergaderjaar = vergaderjaarVan(gegevens.datum ?? standaard.datum);
        gegevens = { ...gegevens, vergaderjaar };
        waarschuwingen.push(`Vergaderjaar ${vergaderjaar} afgeleid uit de datum ${gegevens.datum ? 'van de motie' : 'van het bericht'}; controleer het.`);
      }
      if (gegevens.soort === 'motie' && !gegevens.nummer) waarschuwingen.push('Een motie zonder nummer kan pas worden aanvaard als het nummer is ingevuld.');
      // What the register would refuse is said now, and kept out of bulk acceptance.
      const geldig = gegevens.nummer === null || (gegevens.soort === 'motie' ? isKamerstukNummer(gegevens.nummer) : isToezeggingNummer(gegevens.nummer));
      if (!geldig) {
        waarschuwingen.push(`"${gegevens.nummer}" is geen geldig nummer voor een ${gegevens.soort}: pas het nummer of de soort aan.`);
        gegevens = { ...gegevens, zekerheid: Math.round(gegevens.zekerheid * 50) / 100 };
      }
      if (gegevens.soort === 'motie' && gegevens.leden.length === 0) waarschuwingen.push('Geen indiener gevonden: vul die in voor het aanvaarden.');
      const nummer = gegevens.nummer;
      if (nummer) {
        const eerder = nummersInDocument.get(nummer);
        if (eerder && titelGelijkenis(eerder.titel, gegevens.titel) < TITEL_DREMPEL_BIJ_NUMMER) {
          // Never two items under one number: this one waits for the clerk to give the right number.
          waarschuwingen.push(`Het document noemt nummer ${nummer} ook bij "${eerder.titel}" (regel ${eerder.regel}): een van beide is waarschijnlijk fout. Vul het juiste nummer in.`);
          gegevens = { ...gegevens, nummer: null };
        } else if (eerder) {
          // The same item named twice in one document (in the list and in its section): one proposal.
          continue;
        }
        if (!eerder) nummersInDocument.set(nummer, { titel: gegevens.titel, regel: gegevens.regel });
      }
      if (!nummer) {
        // Twice in one document without a number: kept (it may be another item), but not for bulk acceptance.
        const dubbel = voorstellen.find((v) => !v.gegevens.nummer && v.gegevens.soort === gegevens.soort && titelGelijkenis(v.gegevens.titel, gegevens.titel) >= TITEL_DREMPEL_ZELFDE_ITEM);
        if (dubbel) {
          waarschuwingen.push(`Lijkt op voorstel ${dubbel.voorstelId} in dit document ("${dubbel.gegevens.titel.slice(0, 80)}"): aanvaard het niet als het hetzelfde item is.`);
          gegevens = { ...gegevens, zekerheid: Math.round(gegevens.zekerheid * 50) / 100 };
        }
      }
      const { match, waarschuwingen: matchWaarschuwingen } = await this.matcher.match(gegevens);
      waarschuwingen.push(...matchWaarschuwingen);
      if (match) {
        const item = await this.items.load(match.itemId);
        const stap = item ? statusStap(gegevens, standaard, item, new Set()) : null;
        if (!stap) {
          alBekend++;
          continue;
        }
      }
      voorstellen.push({ voorstelId: String(voorstellen.length + 1), gegevens, match, waarschuwingen });
    }
    return { voorstellen, alBekend };
  }

  private alIngelezen(batchId: string, state: ImportState, events: readonly StoredEvent[]): IngelezenResultaat {
    const data = events[0]?.data as unknown as IngelezenData | undefined;
    const aantal = state.status === 'Nieuw' ? 0 : state.voorstellen.size;
    return { batchId, nieuw: false, voorstellen: aantal, alBekend: data?.alBekend ?? 0, positie: events[events.length - 1]?.position.toString() ?? '0' };
  }

  private async stand(batchId: string, voorstelId: string): Promise<VoorstelStand> {
    const { state } = await this.load(batchId);
    const stand = state.status === 'Nieuw' ? undefined : state.voorstellen.get(voorstelId);
    if (!stand) throw new VoorstelNietGevondenError(voorstelSleutel(batchId, voorstelId));
    return stand;
  }

  private async batchPositie(batchId: string): Promise<string> {
    const { events } = await this.load(batchId);
    return events[events.length - 1]?.position.toString() ?? '0';
  }

  private sleutel(batchId: string, voorstelId: string, stap: Stap | 'afhandeling' | 'afwijzing'): string {
    return deterministicId(batchId, `voorstel:${voorstelId}:${stap}`);
  }

  private eigenSleutels(batchId: string, voorstelId: string): Set<string> {
    return new Set(STAPPEN.map((s) => this.sleutel(batchId, voorstelId, s)));
  }

  private eigenItemId(batchId: string, voorstelId: string): string {
    return deterministicId(batchId, `voorstel:${voorstelId}:item`);
  }

  /** The steps this proposal's acceptance appended to the item, read from the item's own events. */
  private async gedaneStappen(batchId: string, voorstelId: string, itemId: string): Promise<Stap[]> {
    const item = await this.items.load(itemId);
    if (!item) return [];
    const perSleutel = new Map(STAPPEN.map((s) => [this.sleutel(batchId, voorstelId, s), s]));
    const stappen: Stap[] = [];
    for (const e of item.events) {
      const stap = perSleutel.get(String(e.metadata.idempotencyKeyId ?? ''));
      if (stap && !stappen.includes(stap)) stappen.push(stap);
    }
    return stappen;
  }

  private async execute(batchId: string, command: ImportCommand, meta: CommandMetadata): Promise<{ revisie: number; positie: string }> {
    const stream = importStream(batchId);
    const { revisie, positie } = await voerStreamCommandUit({
      id: batchId,
      meta,
      load: () => this.load(batchId),
      decide: async ({ state }) => decideImport(command, state),
      append: ({ revision }, events) =>
        this.store.appendToStream(
          stream,
          events.map((e, i) => this.items.toNewEvent(e.feit, e.data, meta, `${stream}:${revision + 1 + i}`)),
          revision < 0 ? 'no-stream' : revision,
        ),
    });
    return { revisie, positie };
  }
}

function kort(tekst: string, max: number): string {
  return tekst.length <= max ? tekst : `${tekst.slice(0, max - 1)}…`;
}

/** What a registration needs that a document often leaves out: said per field, before any command runs. */
function vereisVoorRegistratie(gegevens: VoorstelGegevens): void {
  if (gegevens.soort !== 'motie') return;
  if (!gegevens.nummer) throw new OngeldigGegevenError('nummer', 'Een motie kan pas worden aanvaard als het Kamerstuknummer is ingevuld (bijvoorbeeld 29628-1230).');
  if (gegevens.leden.length === 0) throw new OngeldigGegevenError('leden', 'Een motie kan pas worden aanvaard als ten minste één indiener is ingevuld.');
  if (!gegevens.vergaderjaar) throw new OngeldigGegevenError('vergaderjaar', 'Vul het vergaderjaar in (bijvoorbeeld 2024/25).');
}

function referentieVan(document: GelezenDocument, bestandsnaam: string): string {
  const naam = document.brief.onderwerp?.trim() || bestandsnaam;
  return (document.brief.kenmerk ? `${naam} (kenmerk ${document.brief.kenmerk})` : naam).slice(0, 300);
}
