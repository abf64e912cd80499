import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../items/command-metadata';
import { ItemCommandService } from '../../items/item-command.service';
import { wijze } from '../request-mapping';
import { DoeDeelsAfCommand } from './doe-deels-af.command';

@CommandHandler(DoeDeelsAfCommand)
export class DoeDeelsAfHandler implements ICommandHandler<DoeDeelsAfCommand, CommandResult> {
  constructor(private readonly items: ItemCommandService) {}

  execute({ itemId, request: r, meta }: DoeDeelsAfCommand): Promise<CommandResult> {
    return this.items.change(itemId, () => ({ type: 'DoeDeelsAf', datum: r.datum, deel: r.deel, bewijs: wijze(r.bewijs) }), meta, r.verwachteRevisie);
  }
}
