import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../items/command-metadata';
import { ItemCommandService } from '../../items/item-command.service';
import { wijze } from '../request-mapping';
import { DoeAfCommand } from './doe-af.command';

@CommandHandler(DoeAfCommand)
export class DoeAfHandler implements ICommandHandler<DoeAfCommand, CommandResult> {
  constructor(private readonly items: ItemCommandService) {}

  execute({ itemId, request: r, meta }: DoeAfCommand): Promise<CommandResult> {
    return this.items.change(itemId, () => ({ type: 'DoeAf', datum: r.datum, wijze: wijze(r.wijze), toelichting: r.toelichting }), meta, r.verwachteRevisie);
  }
}
