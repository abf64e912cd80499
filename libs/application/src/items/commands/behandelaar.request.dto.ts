import { EMAIL_MAX } from '@register/access';
import { Behandelaar } from '@register/domain';
import { IsEmail } from 'class-validator';
import { OptioneleTekstVeld, TekstVeld } from '../../http/dto/fields';
import { LIMIET } from '../../http/dto/validators';

/** The owner of an item inside the ministry; at registration and in "Behandelaar toewijzen". */
export class BehandelaarDto {
  @TekstVeld(LIMIET.naam, { example: 'J. de Vries', maxLength: LIMIET.naam, description: 'De naam van de beleidsmedewerker' })
  naam!: string;

  // Decorators register bottom-up: the text checks run first, so a missing or over-long address gets
  // those messages (only the first failing check is reported), and IsEmail says what else is wrong.
  @IsEmail({}, { message: 'moet een geldig e-mailadres zijn, zoals j.devries@example.org' })
  @TekstVeld(EMAIL_MAX, { example: 'j.devries@example.org', format: 'email', maxLength: EMAIL_MAX, description: 'Het e-mailadres; "Mijn items" zoekt hierop (zonder hoofdletters)' })
  email!: string;

  @TekstVeld(LIMIET.naam, { example: 'Directie Politie', maxLength: LIMIET.naam })
  directie!: string;

  @OptioneleTekstVeld(LIMIET.naam, { example: 'Afdeling Politiebestel', maxLength: LIMIET.naam, nullable: true })
  afdeling?: string | null;
}

/** From the validated request to the domain's value. */
export function behandelaar(dto: BehandelaarDto): Behandelaar {
  return { naam: dto.naam, email: dto.email, directie: dto.directie, afdeling: dto.afdeling ?? null };
}
