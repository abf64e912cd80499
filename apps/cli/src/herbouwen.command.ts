import { Command, CommandRunner } from 'nest-commander';
import { ProjectionRunner } from '@register/read-models';
import { progressReporter } from './progress';

@Command({
  name: 'herbouwen',
  description:
    'Leegt alle leesmodellen en bouwt ze opnieuw op uit het volledige eventlog, met voortgang. Voegt nooit events toe: ' +
    'reactors (zoals het afdoen van items na verzending van een halfjaarbericht) gaan niet opnieuw over het log. ' +
    'Stop de server eerst. Wordt het herbouwen afgebroken, dan gaat "bijwerken" (of de server bij de volgende start) verder waar het was.',
})
export class HerbouwenCommand extends CommandRunner {
  constructor(private readonly runner: ProjectionRunner) {
    super();
  }

  async run(): Promise<void> {
    const started = Date.now();
    const progress = progressReporter();
    await this.runner.rebuild(progress.report);
    progress.done();
    const piek = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(`Leesmodellen herbouwd tot positie ${this.runner.position()} in ${((Date.now() - started) / 1000).toFixed(1)} s (piekgeheugen ${piek} MB).\n`);
  }
}

@Command({
  name: 'bijwerken',
  description: 'Past alle events toe die de leesmodellen en reactors nog niet hebben verwerkt (ieder vanaf zijn checkpoint) en stopt dan.',
})
export class BijwerkenCommand extends CommandRunner {
  constructor(private readonly runner: ProjectionRunner) {
    super();
  }

  async run(): Promise<void> {
    const progress = progressReporter();
    await this.runner.catchUp(progress.report);
    progress.done();
    process.stdout.write(`Leesmodellen bijgewerkt tot positie ${this.runner.position()}.\n`);
  }
}
