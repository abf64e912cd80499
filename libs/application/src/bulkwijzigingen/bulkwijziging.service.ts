import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  Beoordeling,
  BewindspersoonOnbekendError,
  BulkItem,
  BulkOpdracht,
  BulkSoort,
  BulkwijzigingBeslotenData,
  BulkwijzigingCommand,
  BulkwijzigingState,
  DomainError,
  GeenWijzigingError,
  ItemUitkomst,
  MAX_BULK_ITEMS,
  MAX_OVERGESLAGEN_GENOEMD,
  SelectieOngeldigError,
  TeGrootError,
  TeVeelItemsError,
  beoordeelItem,
  bulkwijzigingStream,
  decideBulkwijziging,
  evolveBulkwijziging,
  herbeoordeelItem,
  initialBulkwijzigingState,
  initialState,
  itemWijziging,
  jsonBytes,
  leesBulkwijzigingEvent,
  uitkomstMelding,
} from '@register/domain';
import { EVENT_STORE, EventStore, StoredEvent } from '@register/event-store';
import { RegisterQuery } from '@register/read-models';
import { randomUUID } from 'node:crypto';
import { setImmediate as beurt } from 'node:timers/promises';
import { CommandMetadata } from '../command-metadata';
import { IdempotencySleutelHergebruiktError } from '../idempotency/idempotency.errors';
import { ItemEventStore, deterministicId } from '../items/item-event-store';
import { WijzigItemCommand } from '../items/item.commands';
import { RegisterReadService } from '../items/queries/register-read.service';
import { RevisieConflictError } from '../items/register.errors';
import { voerStreamCommandUit } from '../stream-command';
import { BulkHerkomst, ZONDER_ID, verzoekHash } from './bulkwijziging-herkomst';
import { BulkUitvoering } from './bulkwijziging.commands';
import { BulkResultaat, BulkVoorbeeld, resultaatVan } from './bulkwijziging.resultaat';

/** Items read or changed at once: enough to share the store's group commit, few enough to leave room for other requests. */
const TEGELIJK = 8;
/** Items a worker handles before it lets the event loop serve others (see perStuk). */
const BEURT_NA = 4;
/** EventStoreDB/KurrentDB's default MaxAppendSize: an append of more (data and metadata of its events) is refused. */
const MAX_APPEND_BYTES = 1024 * 1024;
/** How often an item that changed between reading and writing is judged again before it is refused. */
const MAX_POGINGEN = 3;

interface GeladenBulkwijziging {
  readonly state: BulkwijzigingState;
  readonly revision: number;
  readonly events: readonly StoredEvent[];
}

/**
 * `fn` over the list with at most `n` at once; the answers in the list's order. A read of the
 * embedded stores resolves without waiting for I/O, so a long run of them would hold the event loop
 * (no other request served until the last item): every few items each worker yields a turn.
 */
async function perStuk<T, R>(lijst: readonly T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const uit: R[] = new Array<R>(lijst.length);
  let volgende = 0;
  const werker = async () => {
    for (let gedaan = 1; volgende < lijst.length; gedaan++) {
      const i = volgende++;
      uit[i] = await fn(lijst[i]);
      if (gedaan % BEURT_NA === 0) await beurt();
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, lijst.length) }, werker));
  return uit;
}

/**
 * Bulk changes: one decision, then the register's own item command per item, as a clerk would send
 * it one by one (the same command class through the CommandBus, so each item's history shows it
 * with its reason and the actor). The decision is recorded first in the change's own stream,
 * `bulkwijziging-<id>`, with the resolved list of items; each item's command carries an idempotency
 * key derived from the change and the item, so it lands in the item's stream at most once however
 * often the change is run; the outcome is recorded last. A retry, a concurrent twin or a run after a
 * crash finishes the recorded decision and answers the same result.
 */
@Injectable()
export class BulkwijzigingService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly items: ItemEventStore,
    private readonly commands: CommandBus,
    private readonly query: RegisterQuery,
    private readonly register: RegisterReadService,
  ) {}

  async laad(id: string): Promise<GeladenBulkwijziging> {
    const { revision, events } = await this.store.readStream(bulkwijzigingStream(id));
    const state = events.reduce<BulkwijzigingState>((s, e) => {
      const event = leesBulkwijzigingEvent(e);
      return event ? evolveBulkwijziging(s, event) : s;
    }, initialBulkwijzigingState);
    return { state, revision, events };
  }

  /**
   * What the request would do, judged as it would be carried out now; appends nothing. Without a
   * key (`herkomst` null) it is only that: no bulk change has its id, so nothing was decided before.
   */
  async voorbeeld(opdracht: BulkOpdracht, herkomst: BulkHerkomst | null): Promise<BulkVoorbeeld> {
    if (!herkomst) {
      const besluit = await this.besluit(opdracht, { bulkwijzigingId: ZONDER_ID, verzoekHash: verzoekHash(opdracht) });
      return { id: null, soort: opdracht.soort, opdracht, items: besluit.items, overgeslagen: besluit.overgeslagen, aantalOvergeslagen: besluit.aantalOvergeslagen, eerder: null };
    }
    const { state, events } = await this.laad(herkomst.bulkwijzigingId);
    if (state.status !== 'Nieuw') {
      // Decided before: sending it again does nothing new but answer (or finish) that decision.
      zelfdeVerzoek(state, herkomst);
      const eerder = resultaatVan(state, events);
      const { items, overgeslagen, aantalOvergeslagen } = state.besluit;
      return { id: eerder.id, soort: eerder.soort, opdracht: eerder.opdracht, items, overgeslagen, aantalOvergeslagen, eerder: { status: eerder.status, beslotenDoor: eerder.beslotenDoor, beslotenOp: eerder.beslotenOp } };
    }
    const besluit = await this.besluit(opdracht, herkomst).catch(async (error: unknown) => {
      // Decided by a request sent meanwhile: the preview is that decision.
      if ((await this.laad(herkomst.bulkwijzigingId)).state.status === 'Nieuw') throw error;
      return null;
    });
    if (!besluit) return this.voorbeeld(opdracht, herkomst);
    return { id: herkomst.bulkwijzigingId, soort: opdracht.soort, opdracht, items: besluit.items, overgeslagen: besluit.overgeslagen, aantalOvergeslagen: besluit.aantalOvergeslagen, eerder: null };
  }

  /** Decides (once), carries out every decided item's command (each once), records the outcome (once). */
  async voerUit(opdracht: BulkOpdracht, herkomst: BulkHerkomst, meta: CommandMetadata): Promise<BulkUitvoering> {
    const id = herkomst.bulkwijzigingId;
    let geladen = await this.laad(id);
    if (geladen.state.status !== 'Nieuw') zelfdeVerzoek(geladen.state, herkomst);
    if (geladen.state.status === 'Afgerond') return { resultaat: resultaatVan(geladen.state, geladen.events), herhaald: true };
    if (geladen.state.status === 'Nieuw') {
      // A twin sent at the same moment may have decided and begun meanwhile, so that this one finds
      // the items gone from `van`: then its decision counts, not this refusal.
      const besluit = await this.besluit(opdracht, herkomst).catch(async (error: unknown) => {
        if ((await this.laad(id)).state.status === 'Nieuw') throw error;
        return null;
      });
      // A twin that recorded it first carries the same derived key: this one then finds that decision.
      if (besluit) await this.voerCommandUit(id, { type: 'Besluit', data: besluit }, { ...meta, idempotencyKeyId: deterministicId(id, 'besluit') });
      geladen = await this.laad(id);
      if (geladen.state.status !== 'Nieuw') zelfdeVerzoek(geladen.state, herkomst);
    }
    if (geladen.state.status === 'Besloten') {
      const besluit = geladen.state.besluit;
      const besloten = geladen.events.find((e) => e.type === 'BulkwijzigingBesloten')!;
      const uitkomsten = await perStuk(besluit.items, TEGELIJK, (item) => this.voerItemUit(besluit, item, besloten.eventId, meta));
      await this.voerCommandUit(id, { type: 'RondAf', data: { bulkwijzigingId: id, uitkomsten } }, { ...meta, idempotencyKeyId: deterministicId(id, 'afronding') });
      geladen = await this.laad(id);
    }
    if (geladen.state.status === 'Nieuw') throw new Error(`bulkwijziging ${id} is na het besluit niet te lezen`);
    return { resultaat: resultaatVan(geladen.state, geladen.events), herhaald: false };
  }

  /** A bulk change of this kind as recorded, also while it is still running. */
  async resultaat(id: string, soort: BulkSoort): Promise<BulkResultaat> {
    const { state, events } = await this.laad(id);
    if (state.status === 'Nieuw' || state.besluit.opdracht.soort !== soort) {
      throw new NotFoundException({ code: 'bulkwijziging-niet-gevonden', message: `Er is geen ${soort === 'overdracht' ? 'overdracht' : 'termijnwijziging'} ${id}.` });
    }
    return resultaatVan(state, events);
  }

  /**
   * The decision: every item the request covers, judged on its own stream by its own decider. A
   * selection that names an item the change cannot apply to is refused as a whole; of all open
   * items of a bewindspersoon, those that stay as they are (already as asked, a date before their
   * registration) are listed with the reason. The decider's refusals (nothing to do, too many, too
   * large to record) come now, for the preview too.
   */
  private async besluit(opdracht: BulkOpdracht, herkomst: BulkHerkomst): Promise<BulkwijzigingBeslotenData> {
    const beoordelingen = opdracht.soort === 'overdracht' && opdracht.itemIds === null ? await this.allesVan(opdracht) : await this.selectie(opdracht, opdracht.itemIds ?? []);
    const weigeringen = beoordelingen.flatMap((b) => (b.oordeel === 'weigeren' ? [b.weigering] : []));
    if (weigeringen.length > 0) throw new SelectieOngeldigError(weigeringen);
    const overgeslagen = beoordelingen.flatMap((b) => (b.oordeel === 'overslaan' ? [b.item] : []));
    const besluit: BulkwijzigingBeslotenData = {
      bulkwijzigingId: herkomst.bulkwijzigingId,
      opdracht,
      verzoekHash: herkomst.verzoekHash,
      items: beoordelingen.flatMap((b) => (b.oordeel === 'meenemen' ? [b.item] : [])),
      overgeslagen: overgeslagen.slice(0, MAX_OVERGESLAGEN_GENOEMD),
      aantalOvergeslagen: overgeslagen.length,
    };
    decideBulkwijziging({ type: 'Besluit', data: besluit }, initialBulkwijzigingState);
    return besluit;
  }

  /**
   * Every open item of the bewindspersoon, each judged on its own stream. `van` is one of the
   * register's own names up to case, accents and spaces, and every spelling the register has of it
   * counts (the items' deciders compare names so too): none is a typing error, said at once. The
   * register is read once it has caught up with the log, so an item registered a moment ago counts;
   * its open items come in one statement (no pages that could skip or repeat a row that moves).
   */
  private async allesVan(opdracht: Extract<BulkOpdracht, { soort: 'overdracht' }>): Promise<Beoordeling[]> {
    await this.register.wachtOp((await this.store.headPosition()).toString());
    const schrijfwijzen = await this.query.bewindspersoonSchrijfwijzen(opdracht.van.trim());
    if (schrijfwijzen.length === 0) throw new BewindspersoonOnbekendError(opdracht.van);
    const kandidaten = await this.query.openItemsVan(schrijfwijzen);
    // More than one change may take is said before any is judged: the clerk splits by selection.
    if (kandidaten.length > MAX_BULK_ITEMS) throw new TeVeelItemsError(kandidaten.length, MAX_BULK_ITEMS);
    return perStuk(kandidaten, TEGELIJK, async (k) => beoordeelItem(opdracht, k.itemId, (await this.items.loadAs(k.soort, k.itemId)).state));
  }

  private selectie(opdracht: BulkOpdracht, itemIds: readonly string[]): Promise<Beoordeling[]> {
    return perStuk(itemIds, TEGELIJK, async (itemId) => beoordeelItem(opdracht, itemId, (await this.items.load(itemId))?.state ?? initialState));
  }

  /**
   * One decided item: its command, once. The item's stream says whether this change's command is
   * in it already (an earlier run, a twin); otherwise what the change replaces must still be what
   * was decided on (a termijn or a transfer a clerk set since is left alone), and the command is
   * sent with the revision just read, so what was judged is what is changed; an item that moved on
   * meanwhile is judged again.
   */
  private async voerItemUit(besluit: BulkwijzigingBeslotenData, item: BulkItem, causationId: string, meta: CommandMetadata): Promise<ItemUitkomst> {
    const { opdracht, bulkwijzigingId } = besluit;
    const sleutel = deterministicId(bulkwijzigingId, `item:${item.itemId}`);
    const itemMeta: CommandMetadata = { commandId: randomUUID(), correlationId: meta.correlationId, causationId, actor: meta.actor, idempotencyKeyId: sleutel, bron: bron(besluit) };
    const uitkomst = (u: ItemUitkomst['uitkomst'], extra: { code?: string; melding?: string; revisie?: number; positie?: string } = {}): ItemUitkomst => ({
      itemId: item.itemId,
      uitkomst: u,
      code: extra.code ?? null,
      melding: extra.melding === undefined ? null : uitkomstMelding(extra.melding),
      revisie: extra.revisie ?? null,
      positie: extra.positie ?? null,
    });
    for (let poging = 1; poging <= MAX_POGINGEN; poging++) {
      const geladen = await this.items.loadAs(item.soort, item.itemId);
      const eerder = geladen.events.find((e) => e.metadata.idempotencyKeyId === sleutel);
      if (eerder) return uitkomst('uitgevoerd', { revisie: eerder.revision, positie: eerder.position.toString() });
      const oordeel = herbeoordeelItem(opdracht, item, geladen.state);
      if (oordeel.oordeel !== 'uitvoeren') return uitkomst(oordeel.oordeel, { code: oordeel.code, melding: oordeel.melding });
      try {
        const r = await this.commands.execute(new WijzigItemCommand(item.itemId, itemWijziging(opdracht), itemMeta, geladen.revision));
        return uitkomst('uitgevoerd', { revisie: r.revisie, positie: r.positie });
      } catch (error) {
        if (error instanceof RevisieConflictError) continue;
        if (error instanceof GeenWijzigingError) return uitkomst('al-gedaan', { code: error.code, melding: error.message });
        if (error instanceof DomainError) return uitkomst('geweigerd', { code: error.code, melding: error.message });
        throw error;
      }
    }
    return uitkomst('geweigerd', { code: 'revisie-conflict', melding: 'Het item werd telkens tegelijk door iemand anders gewijzigd; wijzig het apart.' });
  }

  private async voerCommandUit(id: string, command: BulkwijzigingCommand, meta: CommandMetadata): Promise<void> {
    const stream = bulkwijzigingStream(id);
    await voerStreamCommandUit({
      id,
      meta,
      load: () => this.laad(id),
      decide: async ({ state }) => decideBulkwijziging(command, state),
      append: ({ revision }, events) => {
        const nieuw = events.map((e, i) => this.items.toNewEvent(e.feit, e.data, meta, `${stream}:${revision + 1 + i}`));
        // The store would refuse it whole; said in the register's words instead, and nothing is written.
        const bytes = nieuw.reduce((som, e) => som + jsonBytes(e.data) + jsonBytes(e.metadata) + e.type.length, 0);
        if (bytes > MAX_APPEND_BYTES) throw new TeGrootError(bytes, MAX_APPEND_BYTES, command.type === 'Besluit' ? command.data.items.length : command.data.uitkomsten.length);
        return this.store.appendToStream(stream, nieuw, revision < 0 ? 'no-stream' : revision);
      },
    });
  }
}

/** The same id from another request: an Idempotency-Key used again for something else. */
function zelfdeVerzoek(state: Exclude<BulkwijzigingState, { status: 'Nieuw' }>, herkomst: BulkHerkomst): void {
  if (state.besluit.verzoekHash !== herkomst.verzoekHash) throw new IdempotencySleutelHergebruiktError();
}

/** How an item's history names where the change came from. */
function bron(besluit: BulkwijzigingBeslotenData): string {
  const o = besluit.opdracht;
  const wat = o.soort === 'overdracht' ? `overdracht van ${o.van} aan ${o.naar.bewindspersoon} (${o.naar.ministerie})` : `termijnwijziging van ${besluit.items.length} ${besluit.items.length === 1 ? 'item' : 'items'}`;
  return `${wat}, bulkwijziging ${besluit.bulkwijzigingId}`;
}
