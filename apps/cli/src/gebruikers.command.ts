import { GebruikerNietGevondenError, GebruikersStore, LaatsteBeheerderError, ROLLEN, Rol, isEmail } from '@register/access';
import { Command, CommandRunner, Option } from 'nest-commander';

@Command({
  name: 'gebruiker-toevoegen',
  arguments: '<naam>',
  description: `Voegt een gebruiker toe met een rol (${ROLLEN.join(', ')}) en toont diens token één keer.`,
})
export class GebruikerToevoegenCommand extends CommandRunner {
  constructor(private readonly gebruikers: GebruikersStore) {
    super();
  }

  async run([naam]: string[], opties: { rol: Rol; email?: string }): Promise<void> {
    const token = this.gebruikers.voegToe(naam, opties.rol, { email: opties.email });
    process.stdout.write(`Gebruiker ${naam} (${opties.rol}${opties.email ? `, ${opties.email}` : ''}) toegevoegd. Token (wordt niet nog eens getoond):\n${token}\n`);
  }

  @Option({ flags: '-r, --rol <rol>', description: `de rol: ${ROLLEN.join(', ')}`, required: true })
  rol(value: string): Rol {
    if (!(ROLLEN as readonly string[]).includes(value)) throw new Error(`"${value}" is geen rol; kies uit ${ROLLEN.join(', ')}.`);
    return value as Rol;
  }

  @Option({ flags: '-e, --email <adres>', description: 'het e-mailadres; "Mijn items" toont de items waarvan dit adres de behandelaar is' })
  email(value: string): string {
    if (!isEmail(value.trim())) throw new Error(`"${value}" is geen geldig e-mailadres.`);
    return value.trim();
  }
}

@Command({ name: 'gebruiker-intrekken', arguments: '<naam>', description: 'Trekt een gebruiker en al zijn tokens direct in; de laatste actieve beheerder blijft.' })
export class GebruikerIntrekkenCommand extends CommandRunner {
  constructor(private readonly gebruikers: GebruikersStore) {
    super();
  }

  async run([naam]: string[]): Promise<void> {
    try {
      this.gebruikers.trekIn(naam);
    } catch (error) {
      if (!(error instanceof LaatsteBeheerderError || error instanceof GebruikerNietGevondenError)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`Gebruiker ${naam} is ingetrokken; zijn tokens werken niet meer.\n`);
  }
}

@Command({ name: 'token-maken', arguments: '<naam>', description: 'Maakt een extra token voor een bestaande gebruiker en toont het één keer.' })
export class TokenMakenCommand extends CommandRunner {
  constructor(private readonly gebruikers: GebruikersStore) {
    super();
  }

  async run([naam]: string[]): Promise<void> {
    process.stdout.write(`${this.gebruikers.nieuwToken(naam)}\n`);
  }
}

@Command({ name: 'gebruikers', description: 'Toont alle gebruikers met hun rol en of ze zijn ingetrokken.' })
export class GebruikersCommand extends CommandRunner {
  constructor(private readonly gebruikers: GebruikersStore) {
    super();
  }

  async run(): Promise<void> {
    for (const g of this.gebruikers.lijst()) {
      process.stdout.write(`${g.naam.padEnd(30)} ${g.rol.padEnd(10)} ${(g.email ?? '').padEnd(40)} ${g.ingetrokkenOp ? `ingetrokken ${g.ingetrokkenOp}` : 'actief'}\n`);
    }
  }
}
