import { Injectable } from '@nestjs/common';
import { GeregistreerdData, ItemCommand, ItemEvent, RegistreerMotie, RegistreerToezegging, decide } from '@register/domain';
import { AppendResult } from '@register/event-store';
import { StreamCommandUitkomst, voerStreamCommandUit } from '../stream-command';
import { CommandMetadata, CommandResult } from '../command-metadata';
import { ItemEventStore, LoadedItem } from './item-event-store';
import { NummerRegister } from './nummer-register';
import { ItemNietGevondenError } from './register.errors';

/**
 * The items' write path on the one stream-command loop (voerStreamCommandUit), with what only items
 * have: a number is a natural key, claimed in its own stream before the item holds it and freed
 * after it let go of it.
 */
@Injectable()
export class ItemCommandService {
  constructor(
    private readonly items: ItemEventStore,
    private readonly nummers: NummerRegister,
  ) {}

  async registreer(command: RegistreerMotie | RegistreerToezegging, meta: CommandMetadata): Promise<CommandResult> {
    const soort = command.type === 'RegistreerMotie' ? 'motie' : 'toezegging';
    const uitkomst = await voerStreamCommandUit<LoadedItem, ItemEvent>({
      id: command.itemId,
      meta,
      load: () => this.items.loadAs(soort, command.itemId),
      decide: async (item) => decide(command, item.state),
      append: async (item, events) => {
        const registratie = events[0].data as GeregistreerdData;
        await this.nummers.reserve({ nummer: registratie.nummer, itemId: command.itemId, soort, titel: registratie.titel }, meta);
        try {
          return await this.items.append(soort, command.itemId, [...events], item.revision < 0 ? 'no-stream' : item.revision, meta);
        } catch (error) {
          // Never frees a number the item's stream holds (see NummerRegister.release), so a loser of
          // a race with its own retry leaves the winner's number alone.
          await this.nummers.release(registratie.nummer, command.itemId, meta);
          throw error;
        }
      },
    });
    return this.resultaat(command.itemId, uitkomst);
  }

  async change(
    itemId: string,
    build: (item: LoadedItem) => ItemCommand | Promise<ItemCommand>,
    meta: CommandMetadata,
    verwachteRevisie?: number,
  ): Promise<CommandResult> {
    const uitkomst = await voerStreamCommandUit<LoadedItem, ItemEvent>({
      id: itemId,
      meta,
      verwachteRevisie,
      load: async () => {
        const item = await this.items.load(itemId);
        if (!item) throw new ItemNietGevondenError(itemId);
        return item;
      },
      decide: async (item) => decide(await build(item), item.state),
      append: (item, events) => this.appendWithNumberChange(item, itemId, [...events], meta),
    });
    return this.resultaat(itemId, uitkomst);
  }

  private resultaat(itemId: string, { stream: item, events, revisie, positie }: StreamCommandUitkomst<LoadedItem, ItemEvent>): CommandResult {
    return { itemId, soort: item.soort, nummer: this.nummerNa(item, events), revisie, positie };
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

  /** The item's number after these events: a registration sets it, a correction may change it. */
  private nummerNa(item: LoadedItem, events: readonly ItemEvent[]): string {
    let nummer = item.state.status === 'Nieuw' ? '' : item.state.registratie.nummer;
    for (const e of events) {
      if (e.feit === 'Geregistreerd') nummer = e.data.nummer;
      if (e.feit !== 'RegistratieGecorrigeerd') continue;
      const w = e.data.wijzigingen.find((x) => x.veld === 'nummer');
      if (w) nummer = String(w.nieuw);
    }
    return nummer;
  }
}
