import { HerinneringenResultaat, VerstuurHerinneringenCommand } from '@register/application';
import { isBusinessDate } from '@register/domain';
import { Clock } from '@register/platform';
import { ProjectionRunner } from '@register/read-models';
import { CommandBus } from '@nestjs/cqrs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';

interface Opties {
  datum?: string;
  json?: boolean;
}

@Command({
  name: 'herinneringen-versturen',
  description:
    'Verstuurt de herinneringen van vandaag (of --datum): elke behandelaar één overzicht van zijn open items over de termijn en met een termijn ' +
    'binnen HERINNERING_DAGEN dagen; vanaf HERINNERING_WEEKDAG ook het weekoverzicht aan elk adres in HERINNERING_BEWINDSPERSONEN. Via SMTP_URL. ' +
    'Wat al verstuurd is wordt niet opnieuw verstuurd, ook niet na een onderbroken verzending. Eindigt met code 1 als er iets niet verstuurd kon worden.',
})
export class HerinneringenVersturenCommand extends CommandRunner {
  constructor(
    private readonly commands: CommandBus,
    private readonly runner: ProjectionRunner,
    private readonly clock: Clock,
  ) {
    super();
  }

  async run(_: string[], opties: Opties): Promise<void> {
    // A later day would be recorded as sent now, and that day's own run would then send nothing.
    if (opties.datum && opties.datum > this.clock.today()) throw new Error(`--datum ${opties.datum} ligt na vandaag (${this.clock.today()}): herinneringen gaan uit op of na hun dag, niet ervoor.`);
    // The digests read the register: bring it up to date with the log first.
    await this.runner.catchUp();
    const commandId = randomUUID();
    const meta = { commandId, correlationId: commandId, causationId: commandId, actor: `cli:${userInfo().username}`.slice(0, 200) };
    let laatst = 0;
    const voortgang = (gedaan: number, totaal: number) => {
      const nu = Date.now();
      if (gedaan === totaal || nu - laatst >= 1000) {
        process.stderr.write(`${gedaan} van ${totaal} herinneringen behandeld\n`);
        laatst = nu;
      }
    };
    const resultaat: HerinneringenResultaat = await this.commands.execute(new VerstuurHerinneringenCommand(opties.datum ?? this.clock.today(), meta, { voortgang }));
    if (opties.json) process.stdout.write(`${JSON.stringify(resultaat, null, 2)}\n`);
    else {
      process.stdout.write(`Herinneringen ${resultaat.datum}: ${resultaat.melding}\n`);
      for (const f of resultaat.fouten) process.stdout.write(`  niet verstuurd aan ${f.email}: ${f.reden}${f.blijvend ? ' (geweigerd; niet opnieuw geprobeerd deze periode)' : ''}\n`);
    }
    if (!resultaat.aan || resultaat.bezet || resultaat.mislukt > 0 || resultaat.serverFout) process.exitCode = 1;
  }

  @Option({ flags: '--datum <JJJJ-MM-DD>', description: 'de dag waarvoor de herinneringen gelden (standaard vandaag, Nederlandse tijd; niet later dan vandaag): voor een gemiste dag. De lijsten komen uit het register zoals het nu is, met "over de termijn" geteld vanaf die dag' })
  datum(value: string): string {
    if (!isBusinessDate(value)) throw new Error(`--datum verwacht een datum als 2026-12-03, niet "${value}".`);
    return value;
  }

  @Option({ flags: '--json', description: 'het resultaat als JSON' })
  json(): boolean {
    return true;
  }
}
