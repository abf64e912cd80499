import { ApiPropertyOptional } from '@nestjs/swagger';
import { RegisterFilter, SORTEERVELDEN, Sorteerveld } from '@register/read-models';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsBusinessDate } from '../../../http/dto/validators';

const STATUSSEN = ['open', 'InBehandeling', 'DeelsAfgedaan', 'Afgedaan', 'Vervallen'] as const;
const SORTERING = Object.keys(SORTEERVELDEN).flatMap((k) => [k, `-${k}`]);

export class LijstItemsRequestDto {
  @ApiPropertyOptional({ enum: ['motie', 'toezegging'] })
  @IsOptional()
  @IsIn(['motie', 'toezegging'], { message: 'moet motie of toezegging zijn' })
  soort?: 'motie' | 'toezegging';

  @ApiPropertyOptional({ description: `Een of meer statussen, kommagescheiden: ${STATUSSEN.join(', ')} (open = in behandeling of deels afgedaan)`, example: 'open' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value))
  @IsArray({ message: 'moet een of meer statussen zijn' })
  @IsIn(STATUSSEN, { each: true, message: `moet bestaan uit ${STATUSSEN.join(', ')}` })
  status?: string[];

  @ApiPropertyOptional({ description: 'Naam van een Kamerlid (indiener, of aan wie de toezegging is gedaan)', example: 'Michon-Derkzen' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'mag hoogstens 200 tekens lang zijn' })
  lid?: string;

  @ApiPropertyOptional({ example: 'VVD' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'mag hoogstens 100 tekens lang zijn' })
  fractie?: string;

  @ApiPropertyOptional({ example: 'minister van Justitie en Veiligheid' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'mag hoogstens 200 tekens lang zijn' })
  bewindspersoon?: string;

  @ApiPropertyOptional({ example: 'JenV' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'mag hoogstens 200 tekens lang zijn' })
  ministerie?: string;

  @ApiPropertyOptional({ example: 'Politiepersoneel en middelen' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'mag hoogstens 200 tekens lang zijn' })
  thema?: string;

  @ApiPropertyOptional({ description: 'Alleen open items waarvan de termijn vóór deze datum verliep', example: '2025-07-01' })
  @IsOptional()
  @IsBusinessDate()
  achterstalligOp?: string;

  @ApiPropertyOptional({ description: 'Zoek in nummer, titel, tekst en alle voortgang', example: 'gezichtsherkenning' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'mag hoogstens 200 tekens lang zijn' })
  zoek?: string;

  @ApiPropertyOptional({ enum: SORTERING, description: 'Sorteerveld; met - ervoor aflopend', example: '-termijn' })
  @IsOptional()
  @IsIn(SORTERING, { message: `moet een van ${SORTERING.join(', ')} zijn` })
  sorteer?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'moet een geheel getal zijn' })
  @Min(1, { message: 'moet ten minste 1 zijn' })
  @Max(100_000, { message: 'is te groot' })
  pagina = 1;

  @ApiPropertyOptional({ default: 25, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'moet een geheel getal zijn' })
  @Min(1, { message: 'moet ten minste 1 zijn' })
  @Max(200, { message: 'mag hoogstens 200 zijn' })
  perPagina = 25;

  @ApiPropertyOptional({
    enum: ['volledig', 'kort'],
    default: 'volledig',
    description: 'kort: alleen wat een lijst toont (nummer, titel, leden, bewindspersoon, thema, status, termijn, …), zonder teksten, voortgang, afdoening en koppelingen',
  })
  @IsOptional()
  @IsIn(['volledig', 'kort'], { message: 'moet volledig of kort zijn' })
  weergave: 'volledig' | 'kort' = 'volledig';

  @ApiPropertyOptional({ description: 'Wacht (hoogstens 5 s) tot het leesmodel deze positie heeft verwerkt: de positie uit het antwoord op een opdracht', example: '42' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'moet een positie zijn (een geheel getal)' })
  minimalePositie?: string;

  /** The filter as the register's query takes it. */
  registerFilter(): RegisterFilter {
    const { soort, status, lid, fractie, bewindspersoon, ministerie, thema, achterstalligOp, zoek, pagina, perPagina } = this;
    return { soort, status, lid, fractie, bewindspersoon, ministerie, thema, achterstalligOp, zoek, ...this.sorteerveld(), pagina, perPagina };
  }

  sorteerveld(): { sorteer?: Sorteerveld; aflopend: boolean } {
    if (!this.sorteer) return { aflopend: false };
    const aflopend = this.sorteer.startsWith('-');
    return { sorteer: (aflopend ? this.sorteer.slice(1) : this.sorteer) as Sorteerveld, aflopend };
  }
}
