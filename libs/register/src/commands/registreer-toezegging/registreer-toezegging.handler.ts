import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../items/command-metadata';
import { ItemCommandService } from '../../items/item-command.service';
import { leden, termijn } from '../request-mapping';
import { RegistreerToezeggingCommand } from './registreer-toezegging.command';

@CommandHandler(RegistreerToezeggingCommand)
export class RegistreerToezeggingHandler implements ICommandHandler<RegistreerToezeggingCommand, CommandResult> {
  constructor(private readonly items: ItemCommandService) {}

  execute({ itemId, request: r, meta }: RegistreerToezeggingCommand): Promise<CommandResult> {
    return this.items.register(
      {
        type: 'RegistreerToezegging',
        itemId,
        nummer: r.nummer ?? null,
        vergaderjaar: r.vergaderjaar ?? null,
        titel: r.titel,
        tekst: r.tekst,
        leden: leden(r.leden),
        datum: r.datum,
        debat: r.debat,
        bewindspersoon: r.bewindspersoon,
        ministerie: r.ministerie,
        thema: r.thema,
        termijn: termijn(r.termijn),
      },
      meta,
    );
  }
}
