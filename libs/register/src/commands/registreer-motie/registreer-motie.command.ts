import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from '../../items/command-metadata';
import { RegistreerMotieRequestDto } from './registreer-motie.request.dto';

export class RegistreerMotieCommand extends Command<CommandResult> {
  constructor(
    readonly itemId: string,
    readonly request: Readonly<RegistreerMotieRequestDto>,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}
