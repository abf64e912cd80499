import { ImportService } from '@register/application';
import { ProjectionRunner } from '@register/read-models';
import { Command, CommandRunner, Option } from 'nest-commander';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';

interface Opties {
  bewindspersoon: string;
  ministerie: string;
  thema?: string;
  datum?: string;
  kolom: Record<string, string>;
  aanvaardVanaf?: number;
}

@Command({
  name: 'importeren-bijlage',
  arguments: '<bestand>',
  description:
    'Leest een bijlage (PDF, DOCX, tekst) of registerlijst (XLSX, CSV) in als import: de voorstellen komen in de inbox van de griffie ' +
    '(web-app: Importen). Er wordt niets geregistreerd tot een voorstel is aanvaard, behalve met --aanvaard-vanaf. ' +
    'Hetzelfde bestand nogmaals inlezen stelt niets nieuws voor. Bekijk eerst met "bijlage-lezen" wat het bestand oplevert.',
})
export class ImporterenBijlageCommand extends CommandRunner {
  constructor(
    private readonly importen: ImportService,
    private readonly runner: ProjectionRunner,
  ) {
    super();
  }

  async run([bestand]: string[], opties: Opties): Promise<void> {
    // Matching by title reads the register: bring it up to date first.
    await this.runner.catchUp();
    const commandId = randomUUID();
    const meta = { commandId, correlationId: commandId, causationId: commandId, actor: `cli:${userInfo().username}`.slice(0, 200) };
    const resultaat = await this.importen.leesIn(
      { bytes: readFileSync(bestand), bestandsnaam: basename(bestand), bewindspersoon: opties.bewindspersoon, ministerie: opties.ministerie, thema: opties.thema, datum: opties.datum, kolommen: Object.keys(opties.kolom ?? {}).length ? opties.kolom : undefined },
      meta,
    );
    process.stdout.write(
      resultaat.nieuw
        ? `Import ${resultaat.batchId}: ${resultaat.voorstellen} voorstellen in de inbox${resultaat.alBekend ? `, ${resultaat.alBekend} items heeft het register al zoals dit document ze noemt` : ''}.\n`
        : `Dit document is al ingelezen (import ${resultaat.batchId}, ${resultaat.voorstellen} voorstellen): er komt niets nieuws bij.\n`,
    );
    if (opties.aanvaardVanaf === undefined) return;
    const { aanvaard, mislukt } = await this.importen.aanvaardVanaf(resultaat.batchId, opties.aanvaardVanaf, meta);
    process.stdout.write(`${aanvaard.length} voorstellen aanvaard (zekerheid ten minste ${opties.aanvaardVanaf}).\n`);
    for (const m of mislukt) process.stdout.write(`  voorstel ${m.voorstelId} niet aanvaard: ${m.melding}\n`);
  }

  @Option({ flags: '--bewindspersoon <naam>', description: 'bewindspersoon van nieuw te registreren items (verplicht)', required: true })
  bewindspersoon(value: string): string {
    return value;
  }

  @Option({ flags: '--ministerie <naam>', description: 'ministerie van nieuw te registreren items (verplicht), bijvoorbeeld JenV', required: true })
  ministerie(value: string): string {
    return value;
  }

  @Option({ flags: '--thema <thema>', description: 'thema van items die onder geen kop staan (standaard Overig)' })
  thema(value: string): string {
    return value;
  }

  @Option({ flags: '--datum <JJJJ-MM-DD>', description: 'datum van het bericht, als het document die niet noemt' })
  datum(value: string): string {
    return value;
  }

  @Option({ flags: '--kolom <veld=kop>', description: 'voor XLSX/CSV: welke kolomkop welk veld is (herhaalbaar), bijvoorbeeld --kolom nummer=Kamerstuk' })
  kolom(value: string, eerder: Record<string, string> = {}): Record<string, string> {
    const i = value.indexOf('=');
    if (i <= 0) throw new Error(`--kolom verwacht veld=kop, niet "${value}".`);
    return { ...eerder, [value.slice(0, i).trim()]: value.slice(i + 1).trim() };
  }

  @Option({ flags: '--aanvaard-vanaf <zekerheid>', description: 'aanvaard meteen elk behandeld voorstel met ten minste deze zekerheid (0..1)' })
  aanvaardVanaf(value: string): number {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error('--aanvaard-vanaf verwacht een getal tussen 0 en 1.');
    return n;
  }
}
