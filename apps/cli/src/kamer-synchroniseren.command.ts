import { KamerSynchronisatieResultaat, SynchroniseerKamerCommand } from '@register/application';
import { ProjectionRunner } from '@register/read-models';
import { CommandBus } from '@nestjs/cqrs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';

interface Opties {
  json?: boolean;
}

@Command({
  name: 'kamer-synchroniseren',
  description:
    'Vraagt de open data van de Tweede Kamer (TK_ODATA_URL) welke toezeggingen en, met TK_DOSSIERS, welke aangenomen moties er sinds de vorige keer ' +
    'veranderd zijn, en zet die van TK_MINISTERIE als voorstellen in de inbox (bron tweede-kamer): niets in het register verandert voordat een griffier ' +
    'een voorstel aanvaardt. Voortgang op stderr. ' +
    'Een onderbroken run gaat de volgende keer verder zonder iets dubbel voor te stellen. Eindigt met code 1 als de Kamer niet (goed) antwoordde of er al een synchronisatie loopt, 2 als de koppeling uit staat.',
})
export class KamerSynchroniserenCommand extends CommandRunner {
  constructor(
    private readonly commands: CommandBus,
    private readonly runner: ProjectionRunner,
  ) {
    super();
  }

  async run(_: string[], opties: Opties): Promise<void> {
    // Matching by title reads the register: bring it up to date with the log first.
    await this.runner.catchUp();
    const commandId = randomUUID();
    const meta = { commandId, correlationId: commandId, causationId: commandId, actor: `cli:${userInfo().username}`.slice(0, 200) };
    let laatst = 0;
    const voortgang = (paginas: number, gelezen: number) => {
      const nu = Date.now();
      if (nu - laatst >= 1000) {
        process.stderr.write(`${paginas} ${paginas === 1 ? 'pagina' : "pagina's"}, ${gelezen} records gelezen\n`);
        laatst = nu;
      }
    };
    const resultaat: KamerSynchronisatieResultaat = await this.commands.execute(new SynchroniseerKamerCommand(meta, { voortgang }));
    if (opties.json) process.stdout.write(`${JSON.stringify(resultaat, null, 2)}\n`);
    else process.stdout.write(`Tweede Kamer: ${resultaat.melding}\n`);
    process.exitCode = !resultaat.aan ? 2 : resultaat.fout || resultaat.bezet ? 1 : 0;
  }

  @Option({ flags: '--json', description: 'het resultaat als JSON' })
  json(): boolean {
    return true;
  }
}
