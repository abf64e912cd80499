import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Registratie } from '@register/domain';
import { CommandResult } from '../../items/command-metadata';
import { ItemCommandService } from '../../items/item-command.service';
import { leden } from '../request-mapping';
import { CorrigeerRegistratieCommand } from './corrigeer-registratie.command';

@CommandHandler(CorrigeerRegistratieCommand)
export class CorrigeerRegistratieHandler implements ICommandHandler<CorrigeerRegistratieCommand, CommandResult> {
  constructor(private readonly items: ItemCommandService) {}

  execute({ itemId, request: r, meta }: CorrigeerRegistratieCommand): Promise<CommandResult> {
    const { leden: nieuweLeden, ...rest } = r.correcties;
    const correcties: Partial<Registratie> = { ...rest, ...(nieuweLeden ? { leden: leden(nieuweLeden) } : {}) };
    return this.items.change(itemId, () => ({ type: 'CorrigeerRegistratie', correcties, reden: r.reden }), meta, r.verwachteRevisie);
  }
}
