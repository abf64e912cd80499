import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../items/command-metadata';
import { ItemCommandService } from '../../items/item-command.service';
import { RapporteerVoortgangCommand } from './rapporteer-voortgang.command';

@CommandHandler(RapporteerVoortgangCommand)
export class RapporteerVoortgangHandler implements ICommandHandler<RapporteerVoortgangCommand, CommandResult> {
  constructor(private readonly items: ItemCommandService) {}

  execute({ itemId, request: r, meta }: RapporteerVoortgangCommand): Promise<CommandResult> {
    return this.items.change(itemId, () => ({ type: 'RapporteerVoortgang', datum: r.datum, tekst: r.tekst }), meta, r.verwachteRevisie);
  }
}
