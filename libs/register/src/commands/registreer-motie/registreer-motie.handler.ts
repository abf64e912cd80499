import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../items/command-metadata';
import { ItemCommandService } from '../../items/item-command.service';
import { leden, termijn } from '../request-mapping';
import { RegistreerMotieCommand } from './registreer-motie.command';

@CommandHandler(RegistreerMotieCommand)
export class RegistreerMotieHandler implements ICommandHandler<RegistreerMotieCommand, CommandResult> {
  constructor(private readonly items: ItemCommandService) {}

  execute({ itemId, request: r, meta }: RegistreerMotieCommand): Promise<CommandResult> {
    return this.items.register(
      {
        type: 'RegistreerMotie',
        itemId,
        nummer: r.nummer,
        vergaderjaar: r.vergaderjaar,
        titel: r.titel,
        tekst: r.tekst,
        indieners: leden(r.indieners),
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
