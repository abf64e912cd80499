import { CommandBus } from '@nestjs/cqrs';
import { ProjectionRunner } from '@register/read-models';
import { CommandResult, NummerInGebruikError, RegistreerItemCommand, WijzigHalfjaarberichtCommand, WijzigItemCommand } from '@register/application';
import { Command, CommandRunner } from 'nest-commander';
import { randomUUID } from 'node:crypto';
import demo from './demo-register.json';
import { termijnDatum } from './termijn';

/** A termijn as the letter words it, on the line `regel`; `wordt` is a later expectation in the same letter. */
interface DemoTermijn {
  omschrijving: string;
  regel: number;
  /** When the letter quotes the toezegging's own words: the day they were said (else the letter's date). */
  gezegdOp?: string;
  wordt?: { omschrijving: string; regel: number };
}

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
  termijn?: DemoTermijn;
  bron: { document: string; regel: number };
}

/** A member's fractie where one of the letters names it ("het Kamerlid Azarkan (DENK)"); most members it does not. */
const FRACTIES: Record<string, { fractie: string }> = demo.fracties;
const metFractie = (leden: DemoItem['leden']) => leden.map((l) => ({ naam: l.naam, fractie: l.fractie ?? FRACTIES[l.naam]?.fractie ?? null }));

const BERICHT_003 = demo.berichten.find((b) => b.bron.startsWith('003'))!.bericht;

/** Seed 003's themes, by where in the letter the item is discussed. */
const SECTIES_003 = ['Identificatie, registratie en schadeverhaal bij demonstraties', 'Politiepersoneel en middelen', 'Online criminaliteit en overige onderwerpen'] as const;
const sectie003 = (regel: number) => (regel < 40 ? SECTIES_003[0] : regel < 300 ? SECTIES_003[1] : SECTIES_003[2]);

const BEWINDSPERSOON = { bewindspersoon: 'minister van Justitie en Veiligheid', ministerie: 'JenV' };

/**
 * Behandelaars for the items with a termijn, so that the dashboard's counts per directie and
 * behandelaar and "Mijn items" show something. The people are made up (the letters name no
 * officials) and their addresses are at example.org; the directies are of the kind a
 * directorate-general has.
 */
export const DEMO_BEHANDELAARS = [
  { naam: 'Fenna Fictief', email: 'fenna.fictief@example.org', directie: 'Directie Politie', afdeling: 'Afdeling Politiebestel' },
  { naam: 'Bram Bedacht', email: 'bram.bedacht@example.org', directie: 'Directie Politie', afdeling: 'Afdeling Politiecapaciteit' },
  { naam: 'Sanne Verzonnen', email: 'sanne.verzonnen@example.org', directie: 'Directie Veiligheid en Bestuur', afdeling: null },
  { naam: 'Daan Denkbeeldig', email: 'daan.denkbeeldig@example.org', directie: 'Directie Veiligheid en Bestuur', afdeling: null },
] as const;

/**
 * Loads a realistic register from four real letters of the ministry, through the same commands
 * and decider a clerk's request goes through (the domain refuses what it would refuse a clerk). The letters' own errors (one number for two
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
    const opgenomenIn003: { itemId: string; item: DemoItem }[] = [];
    const metTermijn: { itemId: string; datum: string }[] = [];
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
            if (item.termijn) await this.wijzigTermijn(itemId, item.termijn, bericht, `${bericht.titel}, regel ${item.termijn.regel}`);
          } else {
            const result = await this.registreer(item, berichtNummers, meldingen, bron, bericht.datum);
            if (!result) continue;
            itemId = result.itemId;
            geregistreerd++;
            if (item.termijn) metTermijn.push({ itemId, datum: item.datum > bericht.datum ? item.datum : bericht.datum });
            if (item.nummer && result.nummer === item.nummer) opNummer.set(`${item.soort}:${item.nummer}`, { itemId, bericht: bericht.titel });
            // The letter moved the termijn it quotes: the register keeps both, the change with the letter as reason.
            if (item.termijn?.wordt) await this.wijzigTermijn(itemId, item.termijn.wordt, bericht, `Nieuwe verwachting in ${bericht.titel}, regel ${item.termijn.wordt.regel}`);
          }
          if (bericht.titel === BERICHT_003.titel) opgenomenIn003.push({ itemId, item });
          else await this.status(itemId, item, bericht);
        } catch (error) {
          meldingen.push(`${bron} ${item.nummer ?? item.titel.slice(0, 50)}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }

    const bericht = await this.halfjaarbericht(opgenomenIn003, meldingen);
    const toegewezen = await this.behandelaars(metTermijn, meldingen);

    await this.runner.catchUp();
    process.stdout.write(`${geregistreerd} moties en toezeggingen geregistreerd; leesmodel op positie ${this.runner.position()}.\n`);
    process.stdout.write(`${toegewezen} items hebben een (fictieve) behandelaar, bijvoorbeeld ${DEMO_BEHANDELAARS[0].email}: voeg een gebruiker met dat e-mailadres toe om "Mijn items" te zien.\n`);
    process.stdout.write(`Halfjaarbericht "${BERICHT_003.titel}" verzonden (${bericht}); bijlage: npm run cli -- bijlage ${bericht} --formaat docx --uit bijlage.docx\n`);
    if (meldingen.length > 0) process.stdout.write(`Niet (helemaal) overgenomen, zoals het register een griffier zou weigeren:\n- ${meldingen.join('\n- ')}\n`);
  }

  /**
   * The items of the first halfjaarbericht of 2025 (seed 003) go into a real report, which is sent:
   * the report itself then afdoet the items it declares afgedaan, as it would for a clerk.
   */
  private async halfjaarbericht(items: { itemId: string; item: DemoItem }[], meldingen: string[]): Promise<string> {
    const berichtId = randomUUID();
    const meta = this.meta();
    const secties = [...SECTIES_003];
    await this.commands.execute(new WijzigHalfjaarberichtCommand(berichtId, { type: 'MaakAan', berichtId, jaar: 2025, helft: 1, titel: BERICHT_003.titel, peildatum: '2025-06-01', secties }, meta));
    const gezien = new Set<string>();
    for (const { itemId, item } of items) {
      if (gezien.has(itemId) || item.status === 'genoemd') continue;
      gezien.add(itemId);
      try {
        await this.commands.execute(
          new WijzigHalfjaarberichtCommand(berichtId, { type: 'NeemItemOp', item: { itemId, sectie: sectie003(item.bron.regel), tekst: item.tekst, status: item.status === 'afgedaan' ? 'afgedaan' : 'in-behandeling', deel: null } }, this.meta()),
        );
      } catch (error) {
        meldingen.push(`${item.bron.document}:${item.bron.regel} niet in het bericht: ${(error as Error).message}`);
      }
    }
    await this.commands.execute(
      new WijzigHalfjaarberichtCommand(berichtId, { type: 'NeemZaakOp', zaak: { zaakId: randomUUID(), sectie: secties[0], titel: 'WODC-onderzoek naar handelingsperspectieven bij demonstraties', tekst: 'Het rapport van het lopende WODC-onderzoek wordt eind van de zomer verwacht.' } }, this.meta()),
    );
    await this.commands.execute(new WijzigHalfjaarberichtCommand(berichtId, { type: 'Verzend', datum: BERICHT_003.datum, kenmerk: 'demo-2025-1' }, this.meta()));
    return berichtId;
  }

  /**
   * Each item with a termijn gets a behandelaar in turn, through the clerk's own command; the first
   * then moves to a colleague, so its history shows a change with the one before.
   */
  private async behandelaars(items: { itemId: string; datum: string }[], meldingen: string[]): Promise<number> {
    let aantal = 0;
    for (const [i, { itemId, datum }] of items.entries()) {
      try {
        await this.commands.execute(
          new WijzigItemCommand(itemId, { type: 'WijsBehandelaarToe', datum, behandelaar: DEMO_BEHANDELAARS[i % DEMO_BEHANDELAARS.length], reden: 'Verdeeld over de directies (demo)' }, this.meta()),
        );
        aantal++;
      } catch (error) {
        meldingen.push(`behandelaar voor ${itemId}: ${(error as Error).message}`);
      }
    }
    if (items.length > 0) {
      await this.commands.execute(
        new WijzigItemCommand(items[0].itemId, { type: 'WijsBehandelaarToe', datum: items[0].datum, behandelaar: DEMO_BEHANDELAARS[1], reden: 'Fenna Fictief met verlof; Bram Bedacht neemt het over (demo)' }, this.meta()),
      );
    }
    return aantal;
  }

  private async registreer(item: DemoItem, berichtNummers: Set<string>, meldingen: string[], bron: string, briefdatum: string): Promise<CommandResult | undefined> {
    const termijn = item.termijn ? { omschrijving: item.termijn.omschrijving, datum: termijnDatum(item.termijn.omschrijving, item.termijn.gezegdOp ?? briefdatum) } : null;
    const gemeenschappelijk = { titel: item.titel, tekst: item.tekst, datum: item.datum, debat: item.debat, thema: 'Politie', ...BEWINDSPERSOON, termijn };
    const leden = metFractie(item.leden);
    if (item.soort === 'motie') {
      if (!item.nummer) {
        meldingen.push(`${bron} motie "${item.titel.slice(0, 60)}": geen Kamerstuknummer in de bron; een motie wordt op haar nummer geregistreerd.`);
        return undefined;
      }
      berichtNummers.add(item.nummer);
      const motie = { type: 'RegistreerMotie', itemId: randomUUID(), ...gemeenschappelijk, nummer: item.nummer, vergaderjaar: item.vergaderjaar, indieners: leden } as const;
      return this.commands.execute(new RegistreerItemCommand(motie, this.meta()));
    }
    const toezegging = (nummer: string | null) => ({ type: 'RegistreerToezegging', itemId: randomUUID(), ...gemeenschappelijk, nummer, vergaderjaar: item.vergaderjaar, leden }) as const;
    if (item.nummer) {
      try {
        return await this.commands.execute(new RegistreerItemCommand(toezegging(item.nummer), this.meta()));
      } catch (error) {
        if (!(error instanceof NummerInGebruikError)) throw error;
        meldingen.push(`${bron} ${error.message} Deze toezegging is zonder Kamernummer geregistreerd.`);
      }
    }
    return this.commands.execute(new RegistreerItemCommand(toezegging(null), this.meta()));
  }

  private async wijzigTermijn(itemId: string, termijn: { omschrijving: string }, bericht: { titel: string; datum: string }, reden: string): Promise<void> {
    const nieuw = { omschrijving: termijn.omschrijving, datum: termijnDatum(termijn.omschrijving, bericht.datum) };
    await this.commands.execute(new WijzigItemCommand(itemId, { type: 'WijzigTermijn', datum: bericht.datum, termijn: nieuw, reden }, this.meta()));
  }

  private async status(itemId: string, item: DemoItem, bericht: { titel: string; datum: string }): Promise<void> {
    if (item.status === 'afgedaan') {
      await this.commands.execute(new WijzigItemCommand(itemId, { type: 'DoeAf', datum: bericht.datum, wijze: { soort: 'halfjaarbericht', referentie: bericht.titel }, toelichting: item.tekst }, this.meta()));
    } else if (item.status === 'in behandeling' && item.tekst !== item.titel) {
      await this.commands.execute(new WijzigItemCommand(itemId, { type: 'RapporteerVoortgang', datum: bericht.datum, tekst: item.tekst }, this.meta()));
    }
  }
}
