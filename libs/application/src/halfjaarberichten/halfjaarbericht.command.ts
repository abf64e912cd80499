import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BerichtItem, HalfjaarberichtCommand, HalfjaarberichtState } from '@register/domain';
import { CommandMetadata } from '../command-metadata';
import { ItemEventStore } from '../items/item-event-store';
import { BerichtResultaat, HalfjaarberichtService } from './halfjaarbericht.service';

/**
 * What a change to a halfjaarbericht says, from any way in: the domain's command, except where it
 * needs the log to be complete. Including an item names it (whether it exists and its kind are looked
 * up); sending names date and kenmerk (every covered item's registration is looked up and frozen).
 */
export type HalfjaarberichtOpdracht =
  | Exclude<HalfjaarberichtCommand, { readonly type: 'NeemItemOp' | 'Verzend' }>
  | { readonly type: 'NeemItemOp'; readonly item: Omit<BerichtItem, 'soort'> }
  | { readonly type: 'Verzend'; readonly datum: string; readonly kenmerk: string };

/** A change to a halfjaarbericht: which report, what, who asks, and the revision the client saw. */
export class WijzigHalfjaarberichtCommand extends Command<BerichtResultaat> {
  constructor(
    readonly berichtId: string,
    readonly opdracht: HalfjaarberichtOpdracht,
    readonly meta: CommandMetadata,
    readonly verwachteRevisie?: number,
  ) {
    super();
  }
}

@CommandHandler(WijzigHalfjaarberichtCommand)
export class WijzigHalfjaarberichtHandler implements ICommandHandler<WijzigHalfjaarberichtCommand, BerichtResultaat> {
  constructor(
    private readonly berichten: HalfjaarberichtService,
    private readonly items: ItemEventStore,
  ) {}

  execute({ berichtId, opdracht, meta, verwachteRevisie }: WijzigHalfjaarberichtCommand): Promise<BerichtResultaat> {
    return this.berichten.execute(berichtId, (state) => this.volledig(opdracht, state), meta, verwachteRevisie);
  }

  /** The domain command, with what the log says filled in. */
  private async volledig(opdracht: HalfjaarberichtOpdracht, state: HalfjaarberichtState): Promise<HalfjaarberichtCommand> {
    switch (opdracht.type) {
      case 'NeemItemOp': {
        const item = await this.items.load(opdracht.item.itemId);
        return { type: 'NeemItemOp', bestaat: item !== undefined, item: { ...opdracht.item, soort: item?.soort ?? 'motie' } };
      }
      case 'Verzend':
        return { ...opdracht, momentopnamen: state.status === 'Nieuw' ? [] : await this.berichten.momentopnamen([...state.items.keys()]) };
      default:
        return opdracht;
    }
  }
}
