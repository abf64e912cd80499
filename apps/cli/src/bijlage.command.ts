import { FORMATEN, Formaat, INDELINGEN, Indeling, BijlageService, render } from '@register/application';
import { ProjectionRunner } from '@register/read-models';
import { Command, CommandRunner, Option } from 'nest-commander';
import { writeFileSync } from 'node:fs';

@Command({
  name: 'bijlage',
  arguments: '<berichtId>',
  description: 'Maakt de bijlage "Moties, toezeggingen en aanvullende zaken" van een halfjaarbericht, als md, html, docx of csv, verhalend of als tabel.',
})
export class BijlageCommand extends CommandRunner {
  constructor(
    private readonly bijlagen: BijlageService,
    private readonly runner: ProjectionRunner,
  ) {
    super();
  }

  async run([berichtId]: string[], opties: { formaat: Formaat; indeling: Indeling; uit?: string }): Promise<void> {
    await this.runner.catchUp();
    const inhoud = await render(await this.bijlagen.model(berichtId), opties.formaat, opties.indeling);
    if (opties.uit) {
      writeFileSync(opties.uit, inhoud);
      process.stderr.write(`Bijlage geschreven naar ${opties.uit} (${inhoud.length.toLocaleString('nl-NL')} bytes).\n`);
    } else {
      process.stdout.write(inhoud);
    }
  }

  @Option({ flags: '-f, --formaat <formaat>', description: `${FORMATEN.join(', ')} (standaard html)`, defaultValue: 'html' })
  formaat(value: string): Formaat {
    if (!(FORMATEN as readonly string[]).includes(value)) throw new Error(`Formaat moet een van ${FORMATEN.join(', ')} zijn.`);
    return value as Formaat;
  }

  @Option({ flags: '-i, --indeling <indeling>', description: `${INDELINGEN.join(', ')} (standaard verhalend)`, defaultValue: 'verhalend' })
  indeling(value: string): Indeling {
    if (!(INDELINGEN as readonly string[]).includes(value)) throw new Error(`Indeling moet een van ${INDELINGEN.join(', ')} zijn.`);
    return value as Indeling;
  }

  @Option({ flags: '-o, --uit <bestand>', description: 'schrijf naar dit bestand in plaats van naar stdout' })
  uit(value: string): string {
    return value;
  }
}
