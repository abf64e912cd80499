import { Command } from '@nestjs/cqrs';
import { CommandMetadata, CommandResult } from './command-metadata';

/** A change to an existing item: which one, the validated request, and who asked. */
export abstract class ItemWijzigingCommand<R extends { verwachteRevisie?: number }> extends Command<CommandResult> {
  constructor(
    readonly itemId: string,
    readonly request: Readonly<R>,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}
