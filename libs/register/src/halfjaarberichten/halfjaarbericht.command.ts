import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { HalfjaarberichtCommand, HalfjaarberichtState } from '@register/domain';
import { CommandMetadata } from '../items/command-metadata';
import { BerichtResultaat, HalfjaarberichtService } from './halfjaarbericht.service';

/** Any change to a halfjaarbericht, as the CommandBus carries it: which report, what to decide, who asks. */
export class WijzigHalfjaarberichtCommand extends Command<BerichtResultaat> {
  constructor(
    readonly berichtId: string,
    readonly build: (state: HalfjaarberichtState) => Promise<HalfjaarberichtCommand> | HalfjaarberichtCommand,
    readonly meta: CommandMetadata,
    readonly verwachteRevisie?: number,
  ) {
    super();
  }
}

@CommandHandler(WijzigHalfjaarberichtCommand)
export class WijzigHalfjaarberichtHandler implements ICommandHandler<WijzigHalfjaarberichtCommand, BerichtResultaat> {
  constructor(private readonly berichten: HalfjaarberichtService) {}

  execute(c: WijzigHalfjaarberichtCommand): Promise<BerichtResultaat> {
    return this.berichten.execute(c.berichtId, c.build, c.meta, c.verwachteRevisie);
  }
}
