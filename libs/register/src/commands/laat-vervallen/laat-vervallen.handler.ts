import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../items/command-metadata';
import { ItemCommandService } from '../../items/item-command.service';
import { LaatVervallenCommand } from './laat-vervallen.command';

@CommandHandler(LaatVervallenCommand)
export class LaatVervallenHandler implements ICommandHandler<LaatVervallenCommand, CommandResult> {
  constructor(private readonly items: ItemCommandService) {}

  execute({ itemId, request: r, meta }: LaatVervallenCommand): Promise<CommandResult> {
    return this.items.change(itemId, () => ({ type: 'LaatVervallen', datum: r.datum, reden: r.reden }), meta, r.verwachteRevisie);
  }
}
