import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ImportCommand, ImportStandaard, ImportState, IngelezenData, KamerStand, Voorstel, decideImport, importStream } from '@register/domain';
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
import { DataSource } from 'typeorm';
import { Gegevensmagazijn, GegevensmagazijnFout } from './gegevensmagazijn';
import { KAMER_FORMAAT, KamerToezegging, OngeldigKamerRecordError, isVanMinisterie, kamerStandVan, leesKamerToezegging, minuutVroeger, normaliseerTijd, versieVan, voorstelVan } from './kamer-toezegging';

/** How the Toezegging feed asks: every ministry's changes since the watermark, oldest first, with what a proposal shows. */
const TOEZEGGING_EXPAND = 'Activiteit,KamerbriefNakoming($expand=Kamerstukdossier),ToegezegdAan($expand=Persoon,Fractie)';
/** A pass whose records changed under it (one was seen twice) is read again, a few times at most. */
const MAX_DOORGANGEN = 3;
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
  readonly watermerk: string | null;
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
 * The Kamer link's write path: it asks the Gegevensmagazijn for the Toezeggingen changed since its
 * watermark and files, per page and in one append, the proposals of this ministry's records, the
 * ledger of every version it has seen and the feed's watermark. The page is decided on the batch as
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
    const sleutel = canonicalJson({ bron: 'tweede-kamer', url: new URL(this.basisUrl()).toString().replace(/\/?$/, '/'), ministerie: this.ministerie().toLocaleLowerCase('nl') });
    return ImportService.batchIdVan(createHash('sha256').update(sleutel).digest('hex'));
  }

  /** Where the link stands in the log: its batch, the watermark and how many proposals it filed (null before the first run). */
  async stand(): Promise<{ batchId: string; watermerk: string | null; voorstellen: number; open: number } | null> {
    if (!this.aan()) return null;
    const { state } = await this.imports.load(this.batchId());
    if (state.status === 'Nieuw') return null;
    const open = [...state.voorstellen.values()].filter((v) => v.afhandeling === 'open').length;
    return { batchId: state.batchId, watermerk: state.kamer?.watermerk ?? null, voorstellen: state.voorstellen.size, open };
  }

  async synchroniseer(meta: CommandMetadata, opties: KamerSynchronisatieOpties = {}): Promise<KamerSynchronisatieResultaat> {
    const leeg = { batchId: null, paginas: 0, gelezen: 0, voorgesteld: 0, alBekend: 0, overgeslagen: 0, watermerk: null, fout: null };
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
    try {
      for (let doorgang = 1; doorgang <= MAX_DOORGANGEN; doorgang++) {
        const schoon = await this.doorgang(batchId, magazijn, meta, totaal, opties, doorgang === MAX_DOORGANGEN);
        if (schoon) break;
      }
    } catch (error) {
      if (!(error instanceof GegevensmagazijnFout)) throw error;
      fout = error.message;
    }
    const { state } = await this.imports.load(batchId);
    const watermerk = state.status === 'Ingelezen' ? (state.kamer?.watermerk ?? null) : null;
    const melding = fout
      ? `Gestopt: ${fout}. Wat daarvoor binnenkwam staat in de inbox; de volgende run gaat verder vanaf het watermerk.`
      : `${totaal.gelezen} ${totaal.gelezen === 1 ? 'record' : 'records'} gelezen in ${totaal.paginas} ${totaal.paginas === 1 ? 'pagina' : "pagina's"}: ${totaal.voorgesteld} ${totaal.voorgesteld === 1 ? 'nieuw voorstel' : 'nieuwe voorstellen'}, ${totaal.alBekend} al in het register.`;
    return { aan: true, bezet: false, melding, batchId, ...totaal, watermerk, fout, positie: (await this.store.headPosition()).toString() };
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
   * Reads the feed once from the committed watermark (less the overlap) to its end. The watermark
   * moves only at the end of a pass in which no record was seen twice: a record that changes during
   * the pass moves to the end of the order and shifts the records behind it one place back, so the
   * next link's `$skip` can pass over one of them. Such a pass is read again. Returns whether it was clean.
   */
  private async doorgang(batchId: string, magazijn: Gegevensmagazijn, meta: CommandMetadata, totaal: Doorgang, opties: KamerSynchronisatieOpties, laatste: boolean): Promise<boolean> {
    const begin = await this.batch(batchId);
    const vanaf = begin?.kamer?.watermerk ?? this.eersteWatermerk();
    const overlap = this.config.get('TK_SYNC_OVERLAP', { infer: true });
    let url: string | null = magazijn.url('Toezegging', {
      $filter: `ApiGewijzigdOp ge ${minuutVroeger(vanaf, overlap)}`,
      $orderby: 'ApiGewijzigdOp,Id',
      $expand: TOEZEGGING_EXPAND,
    });
    const gezien = new Set<string>();
    let dubbel = false;
    let hoogste = vanaf;
    let vorige: string | null = null;
    while (url) {
      const pagina = await magazijn.pagina(url);
      const records = this.leesPagina(pagina.url, pagina.value, vorige);
      vorige = records.at(-1)?.apiGewijzigdOp ?? vorige;
      for (const r of records) {
        if (gezien.has(r.id)) dubbel = true;
        gezien.add(r.id);
        if (r.apiGewijzigdOp > hoogste) hoogste = r.apiGewijzigdOp;
      }
      const einde = pagina.volgende === null;
      // Only a clean pass moves the watermark, on its last page; a pass read three times moves it anyway, to what it saw.
      const watermerk = einde && (!dubbel || laatste) ? hoogste : null;
      const uitkomst = await this.verwerk(batchId, pagina.url, records, watermerk, meta);
      totaal.paginas++;
      totaal.gelezen += records.length;
      totaal.voorgesteld += uitkomst.voorgesteld;
      totaal.alBekend += uitkomst.alBekend;
      totaal.overgeslagen += uitkomst.overgeslagen;
      opties.voortgang?.(totaal.paginas, totaal.gelezen);
      url = pagina.volgende;
    }
    return !dubbel;
  }

  /** A page's records, or the page refused whole: an entity that is no record, or an order that goes back in time. */
  private leesPagina(url: string, value: readonly unknown[], vorige: string | null): KamerToezegging[] {
    const records: KamerToezegging[] = [];
    let laatst = vorige;
    for (const ruw of value) {
      let record: KamerToezegging;
      try {
        record = leesKamerToezegging(ruw);
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
  private async verwerk(batchId: string, url: string, records: readonly KamerToezegging[], watermerk: string | null, meta: CommandMetadata): Promise<{ voorgesteld: number; alBekend: number; overgeslagen: number }> {
    // What this page was decided to be in the attempt that counted; null after a replay (another run, or a retry, wrote it).
    let uitkomst: { voorgesteld: number; alBekend: number; overgeslagen: number } | null = null;
    const paginaHash = createHash('sha256').update(canonicalJson(records.map((r) => [r.id, versieVan(r)]))).digest('hex');
    // The batch is opened by the first page the Kamer answered: a run that reached nothing writes nothing.
    const batch = await this.batch(batchId);
    if (!batch) await this.open(batchId, meta);
    const voor = batch?.kamer?.watermerk ?? null;
    await this.execute(
      batchId,
      async (nu) => {
        if (nu.status === 'Nieuw') throw new Error(`De Kamer-import ${batchId} is niet geopend.`);
        const batch = nu;
        const inhoud = await this.pagina(batch, url, records, watermerk);
        uitkomst = { voorgesteld: inhoud.data.voorstellen.length, alBekend: inhoud.data.alBekend, overgeslagen: inhoud.overgeslagen };
        const huidig = batch.kamer?.watermerk ?? null;
        const nieuwWatermerk = inhoud.data.watermerk !== huidig;
        const verschoven = nieuwWatermerk && (huidig === null || Date.parse(`${inhoud.data.watermerk.slice(0, 19)}Z`) - Date.parse(`${huidig.slice(0, 19)}Z`) >= WATERMERK_ALLEEN_NA_MS);
        if (inhoud.data.bekend.length === 0 && !verschoven) return null;
        return { type: 'VerwerkKamerPagina', data: inhoud.data };
      },
      { ...meta, idempotencyKeyId: deterministicId(batchId, `kamer:toezegging:${voor}:${watermerk}:${paginaHash}`) },
      () => (uitkomst = null),
    );
    // Null: the page was found written (by another run at the same moment, or a retry of this append): nothing of it is this run's.
    const beslist = uitkomst as { voorgesteld: number; alBekend: number; overgeslagen: number } | null;
    return beslist ?? { voorgesteld: 0, alBekend: 0, overgeslagen: records.length };
  }

  /** What one page adds to the batch as it stands: proposals for new versions of this ministry's records, the ledger, the watermark. */
  private async pagina(batch: KamerBatch, url: string, records: readonly KamerToezegging[], watermerk: string | null): Promise<{ data: Extract<ImportCommand, { type: 'VerwerkKamerPagina' }>['data']; overgeslagen: number }> {
    const ministerie = this.ministerie();
    const vandaag = this.clock.today();
    const bekend: KamerStand[] = [];
    const voorstellen: Voorstel[] = [];
    const vervangen: { voorstelId: string; door: string }[] = [];
    let alBekend = 0;
    let overgeslagen = 0;
    for (const r of records) {
      const eerder = batch.kamer?.bekend.get(r.id);
      if (eerder?.versie === versieVan(r)) {
        overgeslagen++;
        continue;
      }
      // Another ministry's record is none of the register's business, unless it was this ministry's before.
      if (!eerder && !isVanMinisterie(r, ministerie)) continue;
      if (r.verwijderd || !isVanMinisterie(r, ministerie)) {
        bekend.push(kamerStandVan(r, eerder?.voorstelId ?? null));
        continue;
      }
      const vorigVoorstel = eerder?.voorstelId ? batch.voorstellen.get(eerder.voorstelId) : undefined;
      // Rejected before, and the Kamer changed nothing that matters for it: not proposed again.
      if (vorigVoorstel?.afhandeling === 'afgewezen' && eerder?.status === r.status && eerder?.ministerie === r.ministerie) {
        bekend.push(kamerStandVan(r, eerder.voorstelId));
        continue;
      }
      const voorstelId = String(batch.voorstellen.size + voorstellen.length + 1);
      const voorstel = voorstelVan(r, ministerie, vandaag, voorstelId);
      const { match, waarschuwingen } = await this.matcher.match(voorstel.gegevens);
      if (match) {
        const item = await this.items.load(match.itemId);
        const stap = item ? statusStap(voorstel.gegevens, { ...batch.standaard, ...voorstel.standaard }, item, new Set()) : null;
        if (!stap) {
          alBekend++;
          bekend.push(kamerStandVan(r, null));
          continue;
        }
      }
      voorstellen.push({ ...voorstel, match, waarschuwingen: [...voorstel.waarschuwingen, ...waarschuwingen] });
      if (vorigVoorstel?.afhandeling === 'open') vervangen.push({ voorstelId: vorigVoorstel.voorstel.voorstelId, door: voorstelId });
      bekend.push(kamerStandVan(r, voorstelId));
    }
    return {
      data: { batchId: batch.batchId, feed: 'toezegging', pagina: { url: url.slice(0, 2000), aantal: records.length }, watermerk: watermerk ?? batch.kamer?.watermerk ?? this.eersteWatermerk(), bekend, voorstellen, vervangen, alBekend },
      overgeslagen,
    };
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
