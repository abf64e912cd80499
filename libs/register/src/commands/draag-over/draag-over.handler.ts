import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../items/command-metadata';
import { ItemCommandService } from '../../items/item-command.service';
import { DraagOverCommand } from './draag-over.command';

@CommandHandler(DraagOverCommand)
export class DraagOverHandler implements ICommandHandler<DraagOverCommand, CommandResult> {
  constructor(private readonly items: ItemCommandService) {}

  execute({ itemId, request: r, meta }: DraagOverCommand): Promise<CommandResult> {
    return this.items.change(itemId, () => ({ type: 'DraagOver', datum: r.datum, naar: { bewindspersoon: r.naar.bewindspersoon, ministerie: r.naar.ministerie }, reden: r.reden }), meta, r.verwachteRevisie);
  }
}
