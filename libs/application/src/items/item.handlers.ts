import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../command-metadata';
import { ItemCommandService } from './item-command.service';
import { ItemEventStore } from './item-event-store';
import { KoppelItemCommand, RegistreerItemCommand, WijzigItemCommand } from './item.commands';

@CommandHandler(RegistreerItemCommand)
export class RegistreerItemHandler implements ICommandHandler<RegistreerItemCommand, CommandResult> {
  constructor(private readonly items: ItemCommandService) {}

  execute({ registratie, meta }: RegistreerItemCommand): Promise<CommandResult> {
    return this.items.registreer(registratie, meta);
  }
}

@CommandHandler(WijzigItemCommand)
export class WijzigItemHandler implements ICommandHandler<WijzigItemCommand, CommandResult> {
  constructor(private readonly items: ItemCommandService) {}

  execute({ itemId, wijziging, meta, verwachteRevisie }: WijzigItemCommand): Promise<CommandResult> {
    return this.items.change(itemId, () => wijziging, meta, verwachteRevisie);
  }
}

@CommandHandler(KoppelItemCommand)
export class KoppelItemHandler implements ICommandHandler<KoppelItemCommand, CommandResult> {
  constructor(
    private readonly items: ItemCommandService,
    private readonly itemStore: ItemEventStore,
  ) {}

  execute({ itemId, koppeling, meta, verwachteRevisie }: KoppelItemCommand): Promise<CommandResult> {
    return this.items.change(
      itemId,
      async () => {
        // The decider refuses an unknown target; here it is only looked up.
        const doel = koppeling.doelItemId === itemId ? undefined : await this.itemStore.load(koppeling.doelItemId);
        const nummer = doel && doel.state.status !== 'Nieuw' ? doel.state.registratie.nummer : undefined;
        return { type: 'Koppel', ...koppeling, doel: nummer ? { itemId: koppeling.doelItemId, nummer } : null };
      },
      meta,
      verwachteRevisie,
    );
  }
}

