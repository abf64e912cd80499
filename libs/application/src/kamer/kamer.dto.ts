import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OptioneleKeuzeVeld, QueryGetalVeld } from '../http/dto/fields';
import { MinimalePositieDto } from '../items/queries/haal-item/minimale-positie.request.dto';
import { VERSCHIL_SOORTEN, VerschilSoort } from './kamer-verschillen.service';

export class KamerVerschillenRequestDto extends MinimalePositieDto {
  @OptioneleKeuzeVeld(VERSCHIL_SOORTEN, { description: 'Alleen verschillen van deze soort' })
  soort?: VerschilSoort;

  @QueryGetalVeld({ min: 1, max: 100_000, teGroot: 'is te groot' }, { default: 1, minimum: 1 })
  pagina = 1;

  @QueryGetalVeld({ min: 1, max: 500, teGroot: 'mag hoogstens 500 zijn' }, { default: 100, minimum: 1, maximum: 500 })
  perPagina = 100;
}

class VerschilItemDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ example: 'TZ202504-57' }) nummer!: string;
  @ApiProperty() titel!: string;
  @ApiProperty({ enum: ['InBehandeling', 'DeelsAfgedaan', 'Afgedaan', 'Vervallen'] }) status!: string;
}

class VerschilKamerDto {
  @ApiProperty({ description: 'Het Id van het record in het Gegevensmagazijn' }) kamerId!: string;
  @ApiProperty({ example: 'Toezegging' }) entiteit!: string;
  @ApiProperty({ type: String, nullable: true, example: 'TZ202504-057', description: 'Het nummer zoals de Kamer het schrijft' }) nummer!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Openstaand', description: 'De status zoals de Kamer hem noemt' }) status!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) datumNakoming!: string | null;
  @ApiProperty({ description: 'Het record in de open data van de Kamer' }) url!: string;
}

class VerschilVoorstelDto {
  @ApiProperty({ example: '3f1c…-…​.12', description: 'Het open voorstel in de inbox (POST /api/voorstellen/{id}/aanvaarding)' }) id!: string;
  @ApiProperty({ format: 'uuid' }) batchId!: string;
}

export class KamerVerschilDto {
  @ApiProperty({
    enum: VERSCHIL_SOORTEN,
    description:
      'afgedaan-hier-open-daar: afgedaan in het register, bij de Kamer nog openstaand; open-hier-afgedaan-daar: de Kamer noemt hem afgedaan of voldaan; vervallen-daar-open-hier; niet-aangenomen-bij-kamer: een motie in het register waarvan de Kamer de stemming nu niet als aangenomen vastlegt; onbekend-bij-kamer: een toezegging in het register met een TZ-nummer dat de Kamer, gevraagd, niet kent; verwijderd-bij-kamer: de Kamer verwijderde het record; niet-beoordeeld: een toezegging van de Kamer waarover niemand binnen TK_BEOORDEELTERMIJN dagen besliste',
  })
  soort!: VerschilSoort;
  @ApiProperty({ format: 'date', description: 'Sinds wanneer: de afdoening in het register, de nakoming bij de Kamer, of wanneer het register het las' }) sinds!: string;
  @ApiProperty({ description: 'Dagen sinds `sinds`, geteld tot vandaag' }) dagen!: number;
  @ApiProperty({ type: VerschilItemDto, nullable: true }) item!: VerschilItemDto | null;
  @ApiProperty({ type: VerschilKamerDto, nullable: true, description: 'Null bij een nummer dat de Kamer niet kent' }) kamer!: VerschilKamerDto | null;
  @ApiProperty({ type: VerschilVoorstelDto, nullable: true }) voorstel!: VerschilVoorstelDto | null;
}

export class KamerVerschillenResponseDto {
  @ApiProperty({ type: [KamerVerschilDto] }) verschillen!: KamerVerschilDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { 'afgedaan-hier-open-daar': 2, 'niet-beoordeeld': 1 }, description: 'Aantal per soort (alle soorten, ook die niet gefilterd zijn)' })
  telling!: Record<VerschilSoort, number>;
  @ApiProperty({ description: 'Aantal verschillen met dit filter' }) totaal!: number;
  @ApiProperty() pagina!: number;
  @ApiProperty() perPagina!: number;
  @ApiProperty({ example: '1234', description: 'De logpositie die het antwoord weergeeft' }) positie!: string;
  @ApiPropertyOptional({ description: 'False: de koppeling met de Kamer staat uit (er zijn dan alleen verschillen uit eerdere runs)' }) koppelingAan!: boolean;
}
