import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../items/command-metadata';
import { ItemCommandService } from '../../items/item-command.service';
import { termijn } from '../request-mapping';
import { WijzigTermijnCommand } from './wijzig-termijn.command';

@CommandHandler(WijzigTermijnCommand)
export class WijzigTermijnHandler implements ICommandHandler<WijzigTermijnCommand, CommandResult> {
  constructor(private readonly items: ItemCommandService) {}

  execute({ itemId, request: r, meta }: WijzigTermijnCommand): Promise<CommandResult> {
    return this.items.change(itemId, () => ({ type: 'WijzigTermijn', datum: r.datum, termijn: termijn(r.termijn)!, reden: r.reden }), meta, r.verwachteRevisie);
  }
}
