import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ImportCommand, ImportStandaard, ImportState, IngelezenData, KamerFeed, KamerPaginaData, KamerStand, Voorstel, VoorstelMatch, decideImport, importStream } from '@register/domain';
import { EVENT_STORE, EventStore, canonicalJson } from '@register/event-store';
import { AppConfig, Clock, TK_ODATA_STANDAARD, kamerKoppelingAan } from '@register/platform';
import { createHash } from 'node:crypto';
import { CommandMetadata } from '../command-metadata';
import { ImportMatcher } from '../importen/import-matcher';
import { ImportService } from '../importen/import.service';
import { statusStap } from '../importen/voorstel-stappen';
import { ItemEventStore, deterministicId } from '../items/item-event-store';
import { runSlot } from '../run-slot';
import { voerStreamCommandUit } from '../stream-command';
import { RevisieConflictError } from '../items/register.errors';
import { DataSource } from 'typeorm';
import { Gegevensmagazijn, GegevensmagazijnFout } from './gegevensmagazijn';
import { besluitStandVan, besluitVersie, isAangenomen, leesDossiers, leesKamerBesluit, motieInDossiers, motieVoorstelVan } from './kamer-motie';
import { KAMER_FORMAAT, OngeldigKamerRecordError, isVanMinisterie, ministerieKern, kamerStandVan, leesKamerToezegging, minuutVroeger, normaliseerTijd, registerTzNummer, tekstHash, versieVan, voorstelVan } from './kamer-toezegging';
import { RegisterItem } from '@register/read-models';

/** How the Toezegging feed asks: every ministry's changes since the watermark, oldest first, with what a proposal shows. */
const TOEZEGGING_EXPAND = 'Activiteit,KamerbriefNakoming($expand=Kamerstukdossier),ToegezegdAan($expand=Persoon,Fractie)';
/** How the Besluit feed asks: every decision on a motie since the watermark, with its vote's day, the motie, its dossier and indieners. */
const BESLUIT_EXPAND = 'Agendapunt($expand=Activiteit),Zaak($expand=Kamerstukdossier,Document($expand=Kamerstukdossier),ZaakActor)';

/** One Kamer record as a page brings it: what the ledger and the inbox need of it, whatever its entity set. */
interface Bevinding {
  readonly kamerId: string;
  readonly versie: string;
  /** It concerns this ministry (its Ministerie; for a motie, one of TK_DOSSIERS). */
  readonly vanOns: boolean;
  readonly verwijderd: boolean;
  readonly status: string | null;
  readonly ministerie: string | null;
  stand(voorstelId: string | null): KamerStand;
  /** Null: only the ledger (a motie not adopted). */
  voorstel(voorstelId: string): Voorstel | null;
  /** What of the register's registration the Kamer now says otherwise (its text), or null. */
  correcties?(registratie: { readonly tekst: string }): { tekst: string } | null;
  /** Fingerprint of the record's text, when it has one the register takes over. */
  readonly tekstHash?: string;
}

/** A feed: an entity set read since its own watermark, each entity read into a finding. */
interface Feed {
  readonly naam: KamerFeed;
  readonly entiteitset: string;
  readonly filter: (vanaf: string) => string;
  readonly expand: string;
  /** Throws OngeldigKamerRecordError for an entity that is no record. */
  readonly lees: (ruw: unknown) => { readonly id: string; readonly apiGewijzigdOp: string; readonly bevinding: Bevinding };
}
/** A pass whose records changed under it (one was seen twice) is read again, a few times at most. */
const MAX_DOORGANGEN = 3;
/** Register numbers asked of the Kamer in one question, and in one run. */
const CONTROLE_PER_VRAAG = 20;
const MAX_CONTROLE = 200;
/** Pages in one pass: at 250 records a page, far more than all ministries' changes since the start of the previous vergaderjaar. */
const MAX_PAGINAS = 2000;
/** A run that only moved the watermark over other ministries' records writes it only when it moved this far. */
const WATERMERK_ALLEEN_NA_MS = 24 * 3_600_000;

export interface KamerSynchronisatieResultaat {
  /** False: the link is off (TK_SYNC=uit, or neither TK_SYNC=aan nor TK_ODATA_URL). */
  readonly aan: boolean;
  /** Another run (another instance, the CLI) held the link's lock: this one asked nothing. */
  readonly bezet: boolean;
  readonly melding: string;
  readonly batchId: string | null;
  readonly paginas: number;
  /** Records read (every ministry's). */
  readonly gelezen: number;
  /** New proposals in the inbox. */
  readonly voorgesteld: number;
  /** Records of this ministry the register already holds as the Kamer says. */
  readonly alBekend: number;
  /** Records read before (the overlap, a page read again): skipped. */
  readonly overgeslagen: number;
  /** The Toezegging feed's watermark. */
  readonly watermerk: string | null;
  /** Every feed's. */
  readonly watermerken: Readonly<Partial<Record<KamerFeed, string>>>;
  /** What stopped the run; what it filed before stays filed and the next run resumes from the watermark. */
  readonly fout: string | null;
  /** The log's head after the run: pass it as minimalePositie to see the proposals. */
  readonly positie: string;
}

export interface KamerSynchronisatieOpties {
  readonly voortgang?: (paginas: number, gelezen: number) => void;
}

interface Doorgang {
  paginas: number;
  gelezen: number;
  voorgesteld: number;
  alBekend: number;
  overgeslagen: number;
}

type KamerBatch = Extract<ImportState, { status: 'Ingelezen' }>;

/**
 * The Kamer link's write path: it asks the Gegevensmagazijn for the Toezeggingen (and, with
 * TK_DOSSIERS, the decisions on moties) changed since each feed's watermark and files, per page and in
 * one append, the proposals of this ministry's records, the ledger of every version it has seen and the
 * feed's watermark. The page is decided on the batch as
 * it stands at the append, so a run killed at any moment, or two runs at once, neither lose nor double
 * a proposal: a version the ledger holds is skipped. Nothing in the register changes until a griffier
 * accepts a proposal in the inbox.
 */
@Injectable()
export class KamerSynchronisatieService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly items: ItemEventStore,
    private readonly imports: ImportService,
    private readonly matcher: ImportMatcher,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  aan(): boolean {
    return kamerKoppelingAan({ TK_SYNC: this.config.get('TK_SYNC', { infer: true }), TK_ODATA_URL: this.config.get('TK_ODATA_URL', { infer: true }) });
  }

  basisUrl(): string {
    return this.config.get('TK_ODATA_URL', { infer: true }) || TK_ODATA_STANDAARD;
  }

  private ministerie(): string {
    return this.config.get('TK_MINISTERIE', { infer: true })!.trim();
  }

  /** One batch per service and ministry: the same configuration always files into the same inbox batch. */
  batchId(): string {
    // The ministry by its core name: writing "Ministerie van Justitie en Veiligheid" for "Justitie en Veiligheid" is no new inbox.
    const sleutel = canonicalJson({ bron: 'tweede-kamer', url: new URL(this.basisUrl()).toString().replace(/\/?$/, '/'), ministerie: ministerieKern(this.ministerie()) });
    return ImportService.batchIdVan(createHash('sha256').update(sleutel).digest('hex'));
  }

  /** Where the link stands in the log: its batch, the watermark and how many proposals it filed (null before the first run). */
  async stand(): Promise<{ batchId: string; watermerk: string | null; watermerken: Partial<Record<KamerFeed, string>>; voorstellen: number; open: number } | null> {
    if (!this.aan()) return null;
    const { state } = await this.imports.load(this.batchId());
    if (state.status === 'Nieuw') return null;
    const open = [...state.voorstellen.values()].filter((v) => v.afhandeling === 'open').length;
    return { batchId: state.batchId, watermerk: state.kamer?.watermerken.toezegging ?? null, watermerken: { ...state.kamer?.watermerken }, voorstellen: state.voorstellen.size, open };
  }

  async synchroniseer(meta: CommandMetadata, opties: KamerSynchronisatieOpties = {}): Promise<KamerSynchronisatieResultaat> {
    const leeg = { batchId: null, paginas: 0, gelezen: 0, voorgesteld: 0, alBekend: 0, overgeslagen: 0, watermerk: null, watermerken: {}, fout: null };
    if (!this.aan()) return { ...leeg, aan: false, bezet: false, melding: 'De koppeling met de Tweede Kamer staat uit (zet TK_ODATA_URL of TK_SYNC=aan).', positie: (await this.store.headPosition()).toString() };
    // Correct without it (a page is decided on the batch as it stands), but of several instances and the CLI one asks the Kamer, not all.
    const slot = runSlot('kamer-synchronisatie', this.dataSource, this.config);
    if (!(await slot.tryAcquire())) {
      await slot.release();
      return { ...leeg, aan: true, bezet: true, melding: 'Er loopt al een synchronisatie met de Tweede Kamer (op een andere instantie of via de opdrachtregel); deze doet niets.', positie: (await this.store.headPosition()).toString() };
    }
    try {
      return await this.synchroniseerOnderSlot(meta, opties);
    } finally {
      await slot.release();
    }
  }

  private async synchroniseerOnderSlot(meta: CommandMetadata, opties: KamerSynchronisatieOpties): Promise<KamerSynchronisatieResultaat> {
    const batchId = this.batchId();
    const magazijn = new Gegevensmagazijn(this.basisUrl(), {
      timeoutMs: this.config.get('TK_TIMEOUT_MS', { infer: true }),
      pogingen: 5,
      wachtMs: this.config.get('TK_RETRY_MS', { infer: true }),
      userAgent: 'register-moties-toezeggingen (Kamer-koppeling)',
    });
    const totaal: Doorgang = { paginas: 0, gelezen: 0, voorgesteld: 0, alBekend: 0, overgeslagen: 0 };
    let fout: string | null = null;
    // Wall-clock time, as the client's time-outs: the business clock may be set to another day.
    const uiterlijk = Date.now() + this.config.get('TK_SYNC_MAX_DUUR', { infer: true }) * 60_000;
    // Each feed on its own: the Kamer failing on one does not keep the other from being read.
    for (const feed of this.feeds()) {
      try {
        // A pass in which records changed under the paging is read again at once, from where it left the watermark.
        for (let doorgang = 1; doorgang <= MAX_DOORGANGEN; doorgang++) {
          if (await this.doorgang(feed, batchId, magazijn, meta, totaal, opties, uiterlijk)) break;
        }
      } catch (error) {
        if (error instanceof GegevensmagazijnFout) fout ??= error.message;
        // The griffier deciding on the same batch, page after page: this run stops, the next one goes on.
        else if (error instanceof RevisieConflictError) fout ??= 'de inbox werd intussen steeds gewijzigd; de volgende run gaat verder';
        else throw error;
      }
    }
    // Then the register's own TZ numbers the Kamer has not been heard about: does it know them?
    if (fout === null) {
      try {
        await this.controle(batchId, magazijn, meta, totaal, uiterlijk);
      } catch (error) {
        if (error instanceof GegevensmagazijnFout) fout = error.message;
        else if (error instanceof RevisieConflictError) fout = 'de inbox werd intussen steeds gewijzigd; de volgende run gaat verder';
        else throw error;
      }
    }
    const { state } = await this.imports.load(batchId);
    const watermerken = state.status === 'Ingelezen' ? (state.kamer?.watermerken ?? {}) : {};
    const watermerk = watermerken.toezegging ?? null;
    const melding = fout
      ? `Gestopt: ${fout}. Wat daarvoor binnenkwam staat in de inbox; de volgende run gaat verder vanaf het watermerk.`
      : `${totaal.gelezen} ${totaal.gelezen === 1 ? 'record' : 'records'} gelezen in ${totaal.paginas} ${totaal.paginas === 1 ? 'pagina' : "pagina's"}: ${totaal.voorgesteld} ${totaal.voorgesteld === 1 ? 'nieuw voorstel' : 'nieuwe voorstellen'}, ${totaal.alBekend} al in het register${totaal.overgeslagen ? `, ${totaal.overgeslagen} eerder gelezen` : ''}.`;
    return { aan: true, bezet: false, melding, batchId, ...totaal, watermerk, watermerken, fout, positie: (await this.store.headPosition()).toString() };
  }

  /** The Toezeggingen of TK_MINISTERIE, and with TK_DOSSIERS the moties adopted in those dossiers. */
  private feeds(): Feed[] {
    const ministerie = this.ministerie();
    const vandaag = this.clock.today();
    const toezeggingen: Feed = {
      naam: 'toezegging',
      entiteitset: 'Toezegging',
      filter: (vanaf) => `ApiGewijzigdOp ge ${vanaf}`,
      expand: TOEZEGGING_EXPAND,
      lees: (ruw) => {
        const r = leesKamerToezegging(ruw);
        return {
          id: r.id,
          apiGewijzigdOp: r.apiGewijzigdOp,
          bevinding: {
            kamerId: r.id,
            versie: versieVan(r),
            vanOns: isVanMinisterie(r, ministerie),
            verwijderd: r.verwijderd,
            status: r.status,
            ministerie: r.ministerie,
            stand: (voorstelId) => kamerStandVan(r, voorstelId),
            voorstel: (voorstelId) => voorstelVan(r, ministerie, vandaag, voorstelId),
            correcties: (registratie) => (r.tekst && r.tekst !== registratie.tekst ? { tekst: r.tekst } : null),
            tekstHash: tekstHash(r.tekst),
          },
        };
      },
    };
    const dossiers = leesDossiers(this.config.get('TK_DOSSIERS', { infer: true }));
    if (dossiers.size === 0) return [toezeggingen];
    const besluiten: Feed = {
      naam: 'besluit',
      entiteitset: 'Besluit',
      // Every decision on a motie, of every dossier: the dossier is checked on the expanded zaak (no nested lambda asked of the service).
      filter: (vanaf) => `ApiGewijzigdOp ge ${vanaf} and Zaak/any(z: z/Soort eq 'Motie')`,
      expand: BESLUIT_EXPAND,
      lees: (ruw) => {
        const b = leesKamerBesluit(ruw);
        const zaak = motieInDossiers(b, dossiers);
        return {
          id: b.id,
          apiGewijzigdOp: b.apiGewijzigdOp,
          bevinding: {
            kamerId: b.id,
            versie: besluitVersie(b, zaak),
            vanOns: zaak !== null,
            verwijderd: b.verwijderd,
            status: b.soort,
            ministerie: null,
            stand: (voorstelId) => besluitStandVan(b, zaak, voorstelId),
            // Rejected, held over or merely filed: known, not proposed.
            voorstel: (voorstelId) => (zaak && isAangenomen(b) ? motieVoorstelVan(b, zaak, vandaag, voorstelId) : null),
          },
        };
      },
    };
    return [toezeggingen, besluiten];
  }

  /** Opens the Kamer batch on the first run; a second run at the same moment finds it open. */
  private async open(batchId: string, meta: CommandMetadata): Promise<void> {
    const { state } = await this.imports.load(batchId);
    if (state.status !== 'Nieuw') return;
    const ministerie = this.ministerie();
    const standaard: ImportStandaard = {
      datum: this.clock.today(),
      bewindspersoon: `minister van ${ministerie}`,
      ministerie: this.config.get('TK_REGISTER_MINISTERIE', { infer: true })?.trim() || ministerie,
      thema: 'Overig',
      referentie: 'Tweede Kamer, Gegevensmagazijn',
    };
    const data: IngelezenData = {
      batchId,
      bron: { soort: 'tweede-kamer', bestandsnaam: `Tweede Kamer, open data (${ministerie})`.slice(0, 255), formaat: KAMER_FORMAAT, sha256: batchId.replace(/-/g, '').padEnd(64, '0'), bytes: 0 },
      brief: { datum: null, kenmerk: null, onderwerp: null },
      standaard,
      voorstellen: [],
      aanvullendeZaken: [],
      waarschuwingen: [],
      alBekend: 0,
      regels: [],
    };
    await this.execute(batchId, async (nu) => (nu.status === 'Nieuw' ? { type: 'LeesIn', data } : null), { ...meta, idempotencyKeyId: deterministicId(batchId, 'kamer:open') });
  }

  /**
   * Reads the feed once from the committed watermark (less the overlap) to its end, filing each page
   * as it comes. The watermark moves on the last page, to the newest record read, but never past now.
   * A record that changes during the pass moves to the end of the order and shifts the records behind
   * its old place one back, so a next link's `$skip` can pass over one of them; every record so passed
   * over comes after that old place. Such a record shows itself by being read twice: the watermark then
   * moves only to where its first reading stood, and the records after it are read again. Returns
   * whether the pass was clean.
   */
  private async doorgang(feed: Feed, batchId: string, magazijn: Gegevensmagazijn, meta: CommandMetadata, totaal: Doorgang, opties: KamerSynchronisatieOpties, uiterlijk: number): Promise<boolean> {
    const begin = await this.batch(batchId);
    const vanaf = begin?.kamer?.watermerken[feed.naam] ?? this.eersteWatermerk();
    const batchStand = { geopend: begin !== null, voor: begin?.kamer?.watermerken[feed.naam] ?? null };
    const overlap = this.config.get('TK_SYNC_OVERLAP', { infer: true });
    let url: string | null = magazijn.url(feed.entiteitset, {
      $filter: feed.filter(minuutVroeger(vanaf, overlap)),
      $orderby: 'ApiGewijzigdOp,Id',
      $expand: feed.expand,
    });
    const eersteLezing = new Map<string, string>();
    const gelezenUrls = new Set<string>();
    let terugTot: string | null = null;
    let hoogste = vanaf;
    let vorige: string | null = null;
    while (url) {
      if (gelezenUrls.size >= MAX_PAGINAS) throw new GegevensmagazijnFout(url, `meer dan ${MAX_PAGINAS} pagina's in één run`, false, 0);
      gelezenUrls.add(url);
      const pagina = await magazijn.pagina(url, { entiteitset: feed.entiteitset, uiterlijk });
      const records = this.leesPagina(feed, pagina.url, pagina.value, vorige);
      vorige = records.at(-1)?.apiGewijzigdOp ?? vorige;
      for (const r of records) {
        const eerder = eersteLezing.get(r.id);
        if (eerder !== undefined && (terugTot === null || eerder < terugTot)) terugTot = eerder;
        if (eerder === undefined) eersteLezing.set(r.id, r.apiGewijzigdOp);
        if (r.apiGewijzigdOp > hoogste) hoogste = r.apiGewijzigdOp;
      }
      if (pagina.volgende && gelezenUrls.has(pagina.volgende)) throw new GegevensmagazijnFout(pagina.url, 'de volgende pagina is er een die al gelezen is', false, 1);
      const watermerk = pagina.volgende === null ? this.nieuwWatermerk(vanaf, hoogste, terugTot) : null;
      const uitkomst = await this.verwerk(feed.naam, batchId, pagina.url, records.map((r) => r.bevinding), watermerk, meta, [], batchStand);
      totaal.paginas++;
      totaal.gelezen += records.length;
      totaal.voorgesteld += uitkomst.voorgesteld;
      totaal.alBekend += uitkomst.alBekend;
      totaal.overgeslagen += uitkomst.overgeslagen;
      opties.voortgang?.(totaal.paginas, totaal.gelezen);
      url = pagina.volgende;
    }
    return terugTot === null;
  }

  /**
   * Where the feed stands after a pass: the newest record read, or (when one was read twice) the first
   * reading of it, never before the pass's start and never past now (a record dated in the future, or
   * a Kamer clock running ahead, would otherwise hide every later change).
   */
  private nieuwWatermerk(vanaf: string, hoogste: string, terugTot: string | null): string {
    const nu = normaliseerTijd(this.clock.now().toISOString())!;
    const doel = terugTot !== null && terugTot < hoogste ? terugTot : hoogste;
    const begrensd = doel > nu ? nu : doel;
    return begrensd < vanaf ? vanaf : begrensd;
  }

  /** A page's records, or the page refused whole: an entity that is no record, or an order that goes back in time. */
  private leesPagina(feed: Feed, url: string, value: readonly unknown[], vorige: string | null): ReturnType<Feed['lees']>[] {
    const records: ReturnType<Feed['lees']>[] = [];
    let laatst = vorige;
    for (const ruw of value) {
      let record: ReturnType<Feed['lees']>;
      try {
        record = feed.lees(ruw);
      } catch (error) {
        if (error instanceof OngeldigKamerRecordError) throw new GegevensmagazijnFout(url, `de pagina bevat ${error.message}`, false, 1);
        throw error;
      }
      if (laatst !== null && record.apiGewijzigdOp < laatst) throw new GegevensmagazijnFout(url, `de pagina is niet op ApiGewijzigdOp geordend (${record.apiGewijzigdOp} na ${laatst})`, false, 1);
      laatst = record.apiGewijzigdOp;
      records.push(record);
    }
    return records;
  }

  /**
   * Files one page: decided on the batch as it is at the append (a conflict decides again on the
   * fresher batch, where another run's records are already known). Appends nothing when the page
   * brings nothing and moves the watermark by less than a day.
   */
  private async verwerk(
    feed: KamerFeed,
    batchId: string,
    url: string,
    records: readonly Bevinding[],
    watermerk: string | null,
    meta: CommandMetadata,
    onbekend: readonly string[] = [],
    /** What the caller knows of the batch already (a pass: its watermark stays until the last page), so the stream is not read once more. */
    bekend?: { geopend: boolean; voor: string | null },
  ): Promise<{ voorgesteld: number; alBekend: number; overgeslagen: number }> {
    // What this page was decided to be in the attempt that counted; null after a replay (another run, or a retry, wrote it).
    let uitkomst: { voorgesteld: number; alBekend: number; overgeslagen: number } | null = null;
    const paginaHash = createHash('sha256').update(canonicalJson(records.map((r) => [r.kamerId, r.versie]))).digest('hex');
    let stand: { geopend: boolean; voor: string | null };
    if (bekend) stand = bekend;
    else {
      const batch = await this.batch(batchId);
      stand = { geopend: batch !== null, voor: batch?.kamer?.watermerken[feed] ?? null };
    }
    // The batch is opened by the first page the Kamer answered: a run that reached nothing writes nothing.
    if (!stand.geopend) {
      await this.open(batchId, meta);
      stand.geopend = true;
    }
    const voor = stand.voor;
    await this.execute(
      batchId,
      async (nu) => {
        if (nu.status === 'Nieuw') throw new Error(`De Kamer-import ${batchId} is niet geopend.`);
        const batch = nu;
        const inhoud = await this.pagina(feed, batch, url, records, watermerk, onbekend);
        uitkomst = { voorgesteld: inhoud.data.voorstellen.length, alBekend: inhoud.data.alBekend, overgeslagen: inhoud.overgeslagen };
        const huidig = batch.kamer?.watermerken[feed] ?? null;
        const nieuwWatermerk = inhoud.data.watermerk !== huidig;
        const verschoven = nieuwWatermerk && (huidig === null || Date.parse(`${inhoud.data.watermerk.slice(0, 19)}Z`) - Date.parse(`${huidig.slice(0, 19)}Z`) >= WATERMERK_ALLEEN_NA_MS);
        if (inhoud.data.bekend.length === 0 && (inhoud.data.onbekend ?? []).length === 0 && !verschoven) return null;
        return { type: 'VerwerkKamerPagina', data: inhoud.data };
      },
      { ...meta, idempotencyKeyId: deterministicId(batchId, `kamer:${feed}:${voor}:${watermerk}:${paginaHash}:${onbekend.join(',')}`) },
      () => (uitkomst = null),
    );
    // Null: the page was found written (by another run at the same moment, or a retry of this append): nothing of it is this run's.
    const beslist = uitkomst as { voorgesteld: number; alBekend: number; overgeslagen: number } | null;
    return beslist ?? { voorgesteld: 0, alBekend: 0, overgeslagen: records.length };
  }

  /**
   * What one page adds to the batch as it stands: for each record of this ministry a version has not
   * been read before, a proposal (or, when the register already says as much, only the ledger entry),
   * the record's earlier open proposal replaced, and an open proposal withdrawn when the Kamer deleted
   * its record or gave it to another ministry. Read against the ledger with this page's own entries,
   * so a record twice on one page is proposed once.
   */
  private async pagina(feed: KamerFeed, batch: KamerBatch, url: string, records: readonly Bevinding[], watermerk: string | null, onbekend: readonly string[]): Promise<{ data: KamerPaginaData; overgeslagen: number }> {
    const ledger = new Map(batch.kamer?.bekend ?? []);
    const bekend = new Map<string, KamerStand>();
    const voorstellen: Voorstel[] = [];
    const vervangen: Vervanging[] = [];
    const ingetrokken: string[] = [];
    const itemPerRecord = itemsPerKamerRecord(batch);
    let alBekend = 0;
    let overgeslagen = 0;
    // Provisional ids after the batch's; one dropped again on this page leaves a gap, which the decider closes.
    let volgende = batch.voorstellen.size;
    const gevallen = new Set<string>();
    const noteer = (stand: KamerStand) => {
      // A proposal made on this page and dropped again is no proposal of the record: it keeps the one the batch knew.
      const voorstelId = stand.voorstelId && gevallen.has(stand.voorstelId) ? (batch.kamer?.bekend.get(stand.kamerId)?.voorstelId ?? null) : stand.voorstelId;
      const zo = { ...stand, voorstelId };
      ledger.set(stand.kamerId, zo);
      bekend.set(stand.kamerId, zo);
    };
    const laatVallen = (voorstelId: string, door: string | null, intrekken: boolean) => {
      if (voorstellen.some((v) => v.voorstelId === voorstelId)) gevallen.add(voorstelId);
      if (intrekken) trekIn(voorstelId, voorstellen, vervangen, ingetrokken);
      else vervang(voorstelId, door, voorstellen, vervangen);
    };
    /** The record's earlier proposal, if it is still open (in the batch, or made on this page). */
    const openVoorstel = (voorstelId: string | null | undefined): string | null => {
      if (!voorstelId) return null;
      if (voorstellen.some((v) => v.voorstelId === voorstelId)) return voorstelId;
      return batch.voorstellen.get(voorstelId)?.afhandeling === 'open' ? voorstelId : null;
    };
    for (const r of records) {
      const eerder = ledger.get(r.kamerId);
      if (eerder?.versie === r.versie) {
        overgeslagen++;
        continue;
      }
      // Another ministry's record is none of the register's business, unless it was this ministry's before.
      if (!eerder && !r.vanOns) continue;
      const vorig = openVoorstel(eerder?.voorstelId);
      if (r.verwijderd || !r.vanOns) {
        if (vorig) laatVallen(vorig, null, true);
        noteer(r.stand(eerder?.voorstelId ?? null));
        continue;
      }
      // Rejected before, and the Kamer changed nothing that matters for it: not proposed again.
      const afgewezen = eerder?.voorstelId ? batch.voorstellen.get(eerder.voorstelId)?.afhandeling === 'afgewezen' : false;
      if (afgewezen && eerder?.status === r.status && eerder?.ministerie === r.ministerie) {
        noteer(r.stand(eerder.voorstelId));
        continue;
      }
      const voorstelId = String(volgende + 1);
      const voorstel = r.voorstel(voorstelId);
      if (!voorstel) {
        // Known, not proposed (a motie rejected or held over): an open proposal of an earlier version has lost its ground.
        if (vorig) laatVallen(vorig, null, true);
        noteer(r.stand(eerder?.voorstelId ?? null));
        continue;
      }
      volgende++;
      // The item a proposal of this record was accepted or merged into (under whatever number) is the one it is about;
      // else the register's number, as for any document.
      const { match, waarschuwingen } = (await this.itemVanRecord(itemPerRecord.get(r.kamerId))) ?? (await this.matcher.match(voorstel.gegevens));
      let correcties: { tekst: string } | null = null;
      let correctieWaarschuwing: string | null = null;
      if (match) {
        const item = await this.items.load(match.itemId);
        const stap = item ? statusStap(voorstel.gegevens, { ...batch.standaard, ...voorstel.standaard }, item, new Set()) : null;
        // A correction only when the Kamer's own text changed since it was last read, never because the register words it otherwise.
        const registratie = item && item.state.status !== 'Nieuw' ? item.state.registratie : null;
        const kamerTekstGewijzigd = !!eerder?.tekstHash && !!r.tekstHash && eerder.tekstHash !== r.tekstHash;
        correcties = kamerTekstGewijzigd && registratie && r.correcties ? r.correcties(registratie) : null;
        if (correcties && registratie && tekstHash(registratie.tekst) !== eerder?.tekstHash) correctieWaarschuwing = 'Het register heeft intussen een eigen tekst (niet die van de Kamer): vergelijk voor het aanvaarden.';
        if (!stap && !correcties) {
          // The register says as much already (or something newer): the earlier open proposal has nothing left to do.
          alBekend++;
          if (vorig) laatVallen(vorig, null, false);
          noteer(r.stand(eerder?.voorstelId ?? null));
          continue;
        }
      }
      // A match the matcher warns about (another kind, an unlike title), and every correction, is for a person to look at, not for bulk acceptance.
      const zekerheid = waarschuwingen.length > 0 || correcties ? Math.min(voorstel.gegevens.zekerheid, 0.5) : voorstel.gegevens.zekerheid;
      const extra = correcties ? ['De Kamer wijzigde de tekst; aanvaarden corrigeert de registratie.', ...(correctieWaarschuwing ? [correctieWaarschuwing] : [])] : [];
      voorstellen.push({ ...voorstel, gegevens: { ...voorstel.gegevens, zekerheid }, match, ...(correcties ? { correcties } : {}), waarschuwingen: [...voorstel.waarschuwingen, ...waarschuwingen, ...extra] });
      if (vorig) laatVallen(vorig, voorstelId, false);
      noteer(r.stand(voorstelId));
    }
    return {
      data: {
        batchId: batch.batchId,
        feed,
        pagina: { url: url.slice(0, 2000), aantal: records.length },
        watermerk: watermerk ?? batch.kamer?.watermerken[feed] ?? this.eersteWatermerk(),
        bekend: [...bekend.values()],
        voorstellen,
        vervangen,
        ingetrokken,
        alBekend,
        // Only those the ledger does not know by now (another run may have found them meanwhile).
        ...(onbekend.length > 0 ? { onbekend: onbekend.filter((n) => ![...ledger.values()].some((k) => k.registerNummer === n)) } : {}),
      },
      overgeslagen,
    };
  }

  /**
   * The register's toezeggingen of this ministry with a Kamer TZ number the link never read a record
   * of (registered by hand, or before TK_SYNC_VANAF): asked of the Kamer by number, 20 a question and
   * at most 200 a run, each again a week after it was last asked. What the Kamer knows joins the ledger
   * like any record; what it does not know is noted, and shown as a difference.
   */
  private async controle(batchId: string, magazijn: Gegevensmagazijn, meta: CommandMetadata, totaal: Doorgang, uiterlijk: number): Promise<void> {
    const batch = await this.batch(batchId);
    if (!batch?.kamer) return;
    const gelezen = new Set([...batch.kamer.bekend.values()].map((k) => k.registerNummer).filter((n): n is string => !!n));
    const nu = this.clock.now();
    const weekTerug = normaliseerTijd(new Date(nu.getTime() - 7 * 86_400_000).toISOString())!;
    const ministerie = this.config.get('TK_REGISTER_MINISTERIE', { infer: true })?.trim() || this.ministerie();
    // An item a Kamer record was accepted or merged into is known to the Kamer, whatever number the register gave it.
    const gekoppeld = new Set(itemsPerKamerRecord(batch).values());
    const rijen = await this.dataSource.getRepository(RegisterItem).find({ where: { soort: 'toezegging', ministerie, nummerBron: 'kamer' }, select: { itemId: true, nummer: true }, order: { nummer: 'ASC' } });
    const vragen = rijen
      .filter((r) => !gekoppeld.has(r.itemId))
      .map((r) => r.nummer)
      .filter((n) => /^TZ\d{6}-\d{1,5}$/.test(n) && !gelezen.has(n) && !((batch.kamer!.onbekend.get(n) ?? '') > weekTerug))
      .slice(0, MAX_CONTROLE);
    const toezeggingen = this.feeds()[0];
    for (let i = 0; i < vragen.length; i += CONTROLE_PER_VRAAG) {
      const deel = vragen.slice(i, i + CONTROLE_PER_VRAAG);
      // The Kamer pads the serial to three digits at times (TZ202504-057): asked in both spellings.
      const spellingen = [...new Set(deel.flatMap((n) => [n, n.replace(/-(\d{1,2})$/, (_, d: string) => `-${d.padStart(3, '0')}`)]))];
      let url: string | null = magazijn.url('Toezegging', { $filter: spellingen.map((s) => `Nummer eq '${s}'`).join(' or '), $orderby: 'ApiGewijzigdOp,Id', $expand: TOEZEGGING_EXPAND });
      const records: ReturnType<Feed['lees']>[] = [];
      let vraagUrl = url;
      while (url) {
        const pagina = await magazijn.pagina(url, { entiteitset: 'Toezegging', uiterlijk });
        records.push(...this.leesPagina(toezeggingen, pagina.url, pagina.value, null));
        vraagUrl = pagina.url;
        url = pagina.volgende;
      }
      const gevonden = new Set(records.map((r) => registerTzNummer(r.bevinding.stand(null).nummer)));
      const onbekend = deel.filter((n) => !gevonden.has(n));
      const uitkomst = await this.verwerk('controle', batchId, vraagUrl, records.map((r) => r.bevinding), normaliseerTijd(nu.toISOString())!, meta, onbekend);
      totaal.paginas++;
      totaal.gelezen += records.length;
      totaal.voorgesteld += uitkomst.voorgesteld;
      totaal.alBekend += uitkomst.alBekend;
      totaal.overgeslagen += uitkomst.overgeslagen;
    }
  }

  /** The register item a proposal of a Kamer record was accepted or merged into, as a match. */
  private async itemVanRecord(itemId: string | undefined): Promise<{ match: VoorstelMatch; waarschuwingen: string[] } | null> {
    if (!itemId) return null;
    const item = await this.items.load(itemId);
    if (!item || item.state.status === 'Nieuw') return null;
    return { match: { itemId, nummer: item.state.registratie.nummer ?? '', titel: item.state.registratie.titel, score: 1, op: 'kamer' }, waarschuwingen: [] };
  }

  /** TK_SYNC_VANAF, else the start of the previous vergaderjaar (1 September): this year's and last year's commitments. */
  private eersteWatermerk(): string {
    const vanaf = this.config.get('TK_SYNC_VANAF', { infer: true });
    if (vanaf) return normaliseerTijd(`${vanaf}T00:00:00Z`)!;
    const vandaag = this.clock.today();
    const jaar = Number(vandaag.slice(0, 4)) - (Number(vandaag.slice(5, 7)) >= 9 ? 1 : 2);
    return normaliseerTijd(`${jaar}-09-01T00:00:00Z`)!;
  }

  private async batch(batchId: string): Promise<KamerBatch | null> {
    const { state } = await this.imports.load(batchId);
    return state.status === 'Nieuw' ? null : state;
  }


  /** The import stream's write path, with a decision that may find nothing to write. */
  private async execute(batchId: string, besluit: (state: ImportState) => Promise<ImportCommand | null>, meta: CommandMetadata, bijLezen?: () => void): Promise<{ events: readonly unknown[] }> {
    const stream = importStream(batchId);
    return voerStreamCommandUit({
      id: batchId,
      meta,
      load: () => {
        bijLezen?.();
        return this.imports.load(batchId);
      },
      decide: async ({ state }) => {
        const command = await besluit(state);
        return command ? decideImport(command, state) : [];
      },
      append: async ({ revision }, events) => {
        if (events.length === 0) return { nextRevision: revision, position: await this.store.headPosition() };
        return this.store.appendToStream(
          stream,
          events.map((e, i) => this.items.toNewEvent(e.feit, e.data, meta, `${stream}:${revision + 1 + i}`)),
          revision < 0 ? 'no-stream' : revision,
        );
      },
    });
  }
}

type Vervanging = { voorstelId: string; door: string | null };

/** The record's earlier open proposal gives way to `door`: one made on this same page is dropped, one in the batch is marked replaced. */
function vervang(voorstelId: string, door: string | null, voorstellen: Voorstel[], vervangen: Vervanging[]): void {
  const hier = voorstellen.findIndex((v) => v.voorstelId === voorstelId);
  if (hier < 0) {
    vervangen.push({ voorstelId, door });
    return;
  }
  voorstellen.splice(hier, 1);
  for (const v of vervangen) if (v.door === voorstelId) v.door = door;
}

/** The record's open proposal is withdrawn: dropped when made on this page, else marked withdrawn. */
function trekIn(voorstelId: string, voorstellen: Voorstel[], vervangen: Vervanging[], ingetrokken: string[]): void {
  const hier = voorstellen.findIndex((v) => v.voorstelId === voorstelId);
  if (hier < 0) {
    ingetrokken.push(voorstelId);
    return;
  }
  voorstellen.splice(hier, 1);
  for (const v of vervangen) if (v.door === voorstelId) v.door = null;
}

/**
 * Per Kamer record, the item its latest proposal accepted or merged (or decided: its steps under way)
 * went into: the Kamer's Id kept with the acceptance, whatever later proposals of it became.
 */
function itemsPerKamerRecord(batch: KamerBatch): Map<string, string> {
  const uit = new Map<string, string>();
  for (const stand of batch.voorstellen.values()) {
    const kamerId = stand.voorstel.kamer?.id;
    if (kamerId && stand.itemId && (stand.afhandeling === 'aanvaard' || stand.afhandeling === 'samengevoegd' || stand.afhandeling === 'besloten')) uit.set(kamerId, stand.itemId);
  }
  return uit;
}
