import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../items/command-metadata';
import { ItemCommandService } from '../../items/item-command.service';
import { ItemEventStore } from '../../items/item-event-store';
import { KoppelCommand } from './koppel.command';

@CommandHandler(KoppelCommand)
export class KoppelHandler implements ICommandHandler<KoppelCommand, CommandResult> {
  constructor(
    private readonly items: ItemCommandService,
    private readonly itemStore: ItemEventStore,
  ) {}

  execute({ itemId, request: r, meta }: KoppelCommand): Promise<CommandResult> {
    return this.items.change(
      itemId,
      async () => {
        // The decider refuses an unknown target; here we only look it up.
        const doel = r.doelItemId === itemId ? undefined : await this.itemStore.load(r.doelItemId);
        const nummer = doel && doel.state.status !== 'Nieuw' ? doel.state.registratie.nummer : undefined;
        return {
          type: 'Koppel',
          datum: r.datum,
          relatie: r.relatie,
          doelItemId: r.doelItemId,
          doel: nummer ? { itemId: r.doelItemId, nummer } : null,
        };
      },
      meta,
      r.verwachteRevisie,
    );
  }
}
