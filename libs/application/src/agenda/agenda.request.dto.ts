import { ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsOptional } from 'class-validator';
import { ObjectVeld, OptioneleTekstVeld } from '../http/dto/fields';
import { LIMIET } from '../http/dto/validators';

export class AgendaFilterDto {
  @ApiPropertyOptional({ enum: [true], description: 'Alleen de items waarvan u (uw e-mailadres) de behandelaar bent' })
  @IsOptional()
  @Equals(true, { message: 'moet true zijn, of weggelaten' })
  mijn?: true;

  @OptioneleTekstVeld(LIMIET.naam, { example: 'Directie Politie', description: 'Alleen de items van deze directie (zonder hoofdletters vergeleken)' })
  directie?: string;

  @OptioneleTekstVeld(LIMIET.naam, { example: 'minister van Justitie en Veiligheid', description: 'Alleen de items van deze bewindspersoon (zoals het registerfilter: een deel van de naam kiest elke die het bevat)' })
  bewindspersoon?: string;
}

export class AgendaAbonnementRequestDto {
  @ObjectVeld(AgendaFilterDto, { description: 'Welke termijnen de agenda toont; {} voor alle open items (tot 5.000)' })
  filter!: AgendaFilterDto;
}
