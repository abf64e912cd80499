import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandMetadata } from '../command-metadata';
import { KamerSynchronisatieOpties, KamerSynchronisatieResultaat, KamerSynchronisatieService } from './kamer-synchronisatie.service';

/** Asks the Kamer's open data what changed and files it in the inbox (see KamerSynchronisatieService): for the CLI, and later the schedule. */
export class SynchroniseerKamerCommand extends Command<KamerSynchronisatieResultaat> {
  constructor(
    readonly meta: CommandMetadata,
    readonly opties: KamerSynchronisatieOpties = {},
  ) {
    super();
  }
}

@CommandHandler(SynchroniseerKamerCommand)
export class SynchroniseerKamerHandler implements ICommandHandler<SynchroniseerKamerCommand, KamerSynchronisatieResultaat> {
  constructor(private readonly kamer: KamerSynchronisatieService) {}

  execute({ meta, opties }: SynchroniseerKamerCommand): Promise<KamerSynchronisatieResultaat> {
    return this.kamer.synchroniseer(meta, opties);
  }
}
