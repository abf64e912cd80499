import { CommandBus } from '@nestjs/cqrs';
import { DomainError } from '@register/domain';
import { ProjectionRunner } from '@register/read-models';
import { CommandResult, NummerInGebruikError } from '@register/register';
import { DoeAfCommand } from '@register/register/commands/doe-af/doe-af.command';
import { DoeAfRequestDto } from '@register/register/commands/doe-af/doe-af.request.dto';
import { RapporteerVoortgangCommand } from '@register/register/commands/rapporteer-voortgang/rapporteer-voortgang.command';
import { RapporteerVoortgangRequestDto } from '@register/register/commands/rapporteer-voortgang/rapporteer-voortgang.request.dto';
import { RegistreerMotieCommand } from '@register/register/commands/registreer-motie/registreer-motie.command';
import { RegistreerMotieRequestDto } from '@register/register/commands/registreer-motie/registreer-motie.request.dto';
import { RegistreerToezeggingCommand } from '@register/register/commands/registreer-toezegging/registreer-toezegging.command';
import { RegistreerToezeggingRequestDto } from '@register/register/commands/registreer-toezegging/registreer-toezegging.request.dto';
import { veldFouten } from '@register/register/http/validation';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Command, CommandRunner } from 'nest-commander';
import { randomUUID } from 'node:crypto';
import demo from './demo-register.json';

interface DemoItem {
  soort: 'motie' | 'toezegging';
  nummer: string | null;
  vergaderjaar: string;
  titel: string;
  tekst: string;
  leden: { naam: string; fractie: string | null }[];
  datum: string;
  debat: string;
  status: 'afgedaan' | 'in behandeling' | 'genoemd';
  bron: { document: string; regel: number };
}

const BEWINDSPERSOON = { bewindspersoon: 'minister van Justitie en Veiligheid', ministerie: 'JenV' };

/**
 * Loads a realistic register from four real letters of the ministry, through the same commands,
 * validation and decider a clerk's request goes through. The letters' own errors (one number for two
 * moties, a toezegging number used four times) are refused as they would be for a clerk.
 */
@Command({
  name: 'demo-laden',
  description:
    'Laadt een demoregister met de moties en toezeggingen uit vier halfjaarberichten en brieven van JenV (2020–2025), via dezelfde opdrachten als de griffie. ' +
    'Bedoeld voor een lege datamap; meldt welke items het register weigert en waarom.',
})
export class DemoLadenCommand extends CommandRunner {
  private readonly meta = () => {
    const commandId = randomUUID();
    return { commandId, correlationId: commandId, causationId: commandId, actor: 'demo-laden' };
  };

  constructor(
    private readonly commands: CommandBus,
    private readonly runner: ProjectionRunner,
  ) {
    super();
  }

  async run(): Promise<void> {
    const opNummer = new Map<string, { itemId: string; bericht: string }>();
    let geregistreerd = 0;
    const meldingen: string[] = [];

    for (const { bericht, items } of demo.berichten) {
      const berichtNummers = new Set<string>();
      for (const item of items as DemoItem[]) {
        const bron = `${item.bron.document}:${item.bron.regel}`;
        try {
          const bekend = item.nummer ? opNummer.get(`${item.soort}:${item.nummer}`) : undefined;
          let itemId: string;
          if (bekend && bekend.bericht !== bericht.titel) {
            itemId = bekend.itemId; // the same item reported on again in a later letter
          } else {
            const result = await this.registreer(item, berichtNummers, meldingen, bron);
            if (!result) continue;
            itemId = result.itemId;
            geregistreerd++;
            if (item.nummer && result.nummer === item.nummer) opNummer.set(`${item.soort}:${item.nummer}`, { itemId, bericht: bericht.titel });
          }
          await this.status(itemId, item, bericht);
        } catch (error) {
          meldingen.push(`${bron} ${item.nummer ?? item.titel.slice(0, 50)}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }

    await this.runner.catchUp();
    process.stdout.write(`${geregistreerd} moties en toezeggingen geregistreerd; leesmodel op positie ${this.runner.position()}.\n`);
    if (meldingen.length > 0) process.stdout.write(`Niet (helemaal) overgenomen, zoals het register een griffier zou weigeren:\n- ${meldingen.join('\n- ')}\n`);
  }

  private async registreer(item: DemoItem, berichtNummers: Set<string>, meldingen: string[], bron: string): Promise<CommandResult | undefined> {
    const gemeenschappelijk = { titel: item.titel, tekst: item.tekst, datum: item.datum, debat: item.debat, thema: 'Politie', ...BEWINDSPERSOON };
    if (item.soort === 'motie') {
      if (!item.nummer) {
        meldingen.push(`${bron} motie "${item.titel.slice(0, 60)}": geen Kamerstuknummer in de bron; een motie wordt op haar nummer geregistreerd.`);
        return undefined;
      }
      const dto = await valid(RegistreerMotieRequestDto, { ...gemeenschappelijk, nummer: item.nummer, vergaderjaar: item.vergaderjaar, indieners: item.leden });
      berichtNummers.add(item.nummer);
      return this.commands.execute(new RegistreerMotieCommand(randomUUID(), dto, this.meta()));
    }
    const zonderNummer = { ...gemeenschappelijk, vergaderjaar: item.vergaderjaar, leden: item.leden };
    if (item.nummer) {
      try {
        const dto = await valid(RegistreerToezeggingRequestDto, { ...zonderNummer, nummer: item.nummer });
        return await this.commands.execute(new RegistreerToezeggingCommand(randomUUID(), dto, this.meta()));
      } catch (error) {
        if (!(error instanceof NummerInGebruikError)) throw error;
        meldingen.push(`${bron} ${error.message} Deze toezegging is zonder Kamernummer geregistreerd.`);
      }
    }
    const dto = await valid(RegistreerToezeggingRequestDto, zonderNummer);
    return this.commands.execute(new RegistreerToezeggingCommand(randomUUID(), dto, this.meta()));
  }

  private async status(itemId: string, item: DemoItem, bericht: { titel: string; datum: string }): Promise<void> {
    if (item.status === 'afgedaan') {
      const dto = await valid(DoeAfRequestDto, { datum: bericht.datum, wijze: { soort: 'halfjaarbericht', referentie: bericht.titel }, toelichting: item.tekst });
      await this.commands.execute(new DoeAfCommand(itemId, dto, this.meta()));
    } else if (item.status === 'in behandeling' && item.tekst !== item.titel) {
      const dto = await valid(RapporteerVoortgangRequestDto, { datum: bericht.datum, tekst: item.tekst });
      await this.commands.execute(new RapporteerVoortgangCommand(itemId, dto, this.meta()));
    }
  }
}

async function valid<T extends object>(cls: ClassConstructor<T>, plain: object): Promise<T> {
  const dto = plainToInstance(cls, plain);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new DomainErrorMessage(veldFouten(errors).map((f) => `${f.veld} ${f.melding}`).join('; '));
  return dto;
}

class DomainErrorMessage extends DomainError {
  readonly code = 'ongeldige-demodata';
}
