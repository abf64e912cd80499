import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../items/command-metadata';
import { RegistreerToezeggingRequestDto } from './registreer-toezegging.request.dto';

export class RegistreerToezeggingCommand extends Command<CommandResult> {
  constructor(
    readonly itemId: string,
    readonly request: Readonly<RegistreerToezeggingRequestDto>,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}
