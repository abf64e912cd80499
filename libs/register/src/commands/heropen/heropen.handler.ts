import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../items/command-metadata';
import { ItemCommandService } from '../../items/item-command.service';
import { HeropenCommand } from './heropen.command';

@CommandHandler(HeropenCommand)
export class HeropenHandler implements ICommandHandler<HeropenCommand, CommandResult> {
  constructor(private readonly items: ItemCommandService) {}

  execute({ itemId, request: r, meta }: HeropenCommand): Promise<CommandResult> {
    return this.items.change(itemId, () => ({ type: 'Heropen', datum: r.datum, reden: r.reden }), meta, r.verwachteRevisie);
  }
}
