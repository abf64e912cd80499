import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { OptioneleDatumVeld, OptioneleKeuzeVeld, VrijeTekstVeld } from '../http/dto/fields';
import { RAPPEL_FORMATEN, RappelFormaat } from './rappel.renderers';

export class RappelRequestDto {
  @OptioneleDatumVeld({
    description: 'De peildatum van de rappel; standaard de eerstvolgende 1 januari of 1 juli (vandaag als het die dag is). De volgende peildatum ligt een half jaar later.',
    example: '2026-01-01',
  })
  peildatum?: string;

  @VrijeTekstVeld(200, {
    description: 'Alleen deze bewindspersoon; zoals in het register: een naam die het register zo kent kiest precies die, anders elke naam die het bevat (minister → elke minister)',
    example: 'minister van Justitie en Veiligheid',
  })
  bewindspersoon?: string;

  @OptioneleKeuzeVeld(RAPPEL_FORMATEN, { default: 'json', description: 'json voor de webapp; html om te tonen, docx en csv als download' }, `moet een van ${RAPPEL_FORMATEN.join(', ')} zijn`)
  formaat: RappelFormaat = 'json';

  @ApiPropertyOptional({ description: 'Wacht (hoogstens 5 s) tot het leesmodel deze positie heeft verwerkt: de positie uit het antwoord op een opdracht', example: '42' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'moet een positie zijn (een geheel getal)' })
  minimalePositie?: string;
}
