import { Injectable } from '@nestjs/common';
import {
  GeregistreerdData,
  ItemCommand,
  ItemEvent,
  RegistreerMotie,
  RegistreerToezegging,
  decide,
  initialState,
} from '@register/domain';
import { AppendResult, StreamRevisionConflictError } from '@register/event-store';
import { CommandMetadata, CommandResult } from './command-metadata';
import { ItemEventStore, LoadedItem } from './item-event-store';
import { NummerRegister } from './nummer-register';
import { ItemNietGevondenError, RevisieConflictError } from './register.errors';

const MAX_ATTEMPTS = 3;

/**
 * The write path every command handler shares: read the stream, fold, decide, append at the revision
 * that was read. Without an expected revision from the client a conflict is retried (the decision is
 * made again on fresh state); with one, it is the client's 409.
 */
@Injectable()
export class ItemCommandService {
  constructor(
    private readonly items: ItemEventStore,
    private readonly nummers: NummerRegister,
  ) {}

  async register(command: RegistreerMotie | RegistreerToezegging, meta: CommandMetadata): Promise<CommandResult> {
    const soort = command.type === 'RegistreerMotie' ? 'motie' : 'toezegging';
    const eerder = await this.alGedaan(command.itemId, meta, soort);
    if (eerder) return eerder;
    const events = decide(command, initialState);
    const registratie = events[0].data as GeregistreerdData;
    await this.nummers.reserve({ nummer: registratie.nummer, itemId: command.itemId, soort, titel: registratie.titel }, meta);
    let result: AppendResult;
    try {
      result = await this.items.append(soort, command.itemId, events, 'no-stream', meta);
    } catch (error) {
      // The same command (an idempotent retry) may have written the item meanwhile: its answer is ours.
      const gelijktijdig = error instanceof StreamRevisionConflictError ? await this.alGedaan(command.itemId, meta, soort) : undefined;
      if (gelijktijdig) return gelijktijdig;
      await this.nummers.release(registratie.nummer, command.itemId, meta);
      throw error;
    }
    return { itemId: command.itemId, soort, nummer: registratie.nummer, revisie: result.nextRevision, positie: result.position.toString() };
  }

  async change(
    itemId: string,
    build: (item: LoadedItem) => ItemCommand | Promise<ItemCommand>,
    meta: CommandMetadata,
    verwachteRevisie?: number,
  ): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      const item = await this.items.load(itemId);
      if (!item) throw new ItemNietGevondenError(itemId);
      const eerder = this.resultaatVan(item, itemId, meta);
      if (eerder) return eerder;
      if (verwachteRevisie !== undefined && item.revision !== verwachteRevisie) throw new RevisieConflictError(itemId, verwachteRevisie, item.revision);
      const events = decide(await build(item), item.state);
      try {
        const result = await this.appendWithNumberChange(item, itemId, events, meta);
        const nummer = this.nummerNa(item, events);
        return { itemId, soort: item.soort, nummer, revisie: result.nextRevision, positie: result.position.toString() };
      } catch (error) {
        if (!(error instanceof StreamRevisionConflictError)) throw error;
        // Lost to the same command (an idempotent retry running at once): its answer is ours.
        const gelijktijdig = meta.idempotencyKeyId ? this.resultaatVan((await this.items.load(itemId))!, itemId, meta) : undefined;
        if (gelijktijdig) return gelijktijdig;
        if (verwachteRevisie !== undefined || attempt >= MAX_ATTEMPTS) throw new RevisieConflictError(itemId, verwachteRevisie ?? item.revision, error.actual);
      }
    }
  }

  /** A retry of a command that already got through: the same answer, nothing appended. */
  private async alGedaan(itemId: string, meta: CommandMetadata, soort: LoadedItem['soort']): Promise<CommandResult | undefined> {
    if (!meta.idempotencyKeyId) return undefined;
    const item = await this.items.loadAs(soort, itemId);
    return this.resultaatVan(item, itemId, meta);
  }

  private resultaatVan(item: LoadedItem, itemId: string, meta: CommandMetadata): CommandResult | undefined {
    if (!meta.idempotencyKeyId) return undefined;
    const eigen = item.events.filter((e) => e.metadata.idempotencyKeyId === meta.idempotencyKeyId);
    if (eigen.length === 0) return undefined;
    const laatste = eigen[eigen.length - 1];
    const nummer = item.state.status === 'Nieuw' ? '' : item.state.registratie.nummer;
    return { itemId, soort: item.soort, nummer, revisie: laatste.revision, positie: laatste.position.toString() };
  }

  private async appendWithNumberChange(item: LoadedItem, itemId: string, events: ItemEvent[], meta: CommandMetadata): Promise<AppendResult> {
    const oud = item.state.status === 'Nieuw' ? undefined : item.state.registratie.nummer;
    const nieuw = this.nummerNa(item, events);
    if (oud === undefined || nieuw === oud) return this.items.append(item.soort, itemId, events, item.revision, meta);

    const titel = item.state.status === 'Nieuw' ? '' : item.state.registratie.titel;
    await this.nummers.reserve({ nummer: nieuw, itemId, soort: item.soort, titel }, meta);
    let result: AppendResult;
    try {
      result = await this.items.append(item.soort, itemId, events, item.revision, meta);
    } catch (error) {
      await this.nummers.release(nieuw, itemId, meta);
      throw error;
    }
    await this.nummers.release(oud, itemId, meta);
    return result;
  }

  private nummerNa(item: LoadedItem, events: ItemEvent[]): string {
    let nummer = item.state.status === 'Nieuw' ? '' : item.state.registratie.nummer;
    for (const e of events) {
      if (e.feit !== 'RegistratieGecorrigeerd') continue;
      const w = e.data.wijzigingen.find((x) => x.veld === 'nummer');
      if (w) nummer = String(w.nieuw);
    }
    return nummer;
  }
}
