import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsBusinessDate, LIMIET, Tekst } from './validators';

export class LidDto {
  @ApiProperty({ example: 'Michon-Derkzen', maxLength: LIMIET.naam })
  @Tekst(LIMIET.naam)
  naam!: string;

  @ApiPropertyOptional({ example: 'VVD', nullable: true, maxLength: 100 })
  @IsOptional()
  @IsString({ message: 'moet tekst zijn' })
  @MaxLength(100, { message: 'mag hoogstens 100 tekens lang zijn' })
  fractie?: string | null;
}

export class TermijnDto {
  @ApiProperty({ example: 'voor de zomer', description: 'De termijn zoals toegezegd' })
  @Tekst(LIMIET.kort)
  omschrijving!: string;

  @ApiPropertyOptional({ example: '2025-07-04', nullable: true, description: 'De datum waarop de termijn verloopt, als die te geven is' })
  @IsOptional()
  @IsBusinessDate()
  datum?: string | null;
}

export const AFDOENING_SOORTEN = ['kamerstuk', 'halfjaarbericht', 'brief-ander-ministerie'] as const;

export class AfdoeningWijzeDto {
  @ApiProperty({ enum: AFDOENING_SOORTEN, example: 'kamerstuk' })
  @IsIn(AFDOENING_SOORTEN, { message: `moet een van ${AFDOENING_SOORTEN.join(', ')} zijn` })
  soort!: (typeof AFDOENING_SOORTEN)[number];

  @ApiProperty({ example: 'Kamerstukken II 2024/25, 29628, nr. 1260' })
  @Tekst(LIMIET.kort)
  referentie!: string;

  @ApiPropertyOptional({ example: 'VWS', description: 'Verplicht bij een brief van een ander ministerie' })
  @ValidateIf((o: AfdoeningWijzeDto) => o.soort === 'brief-ander-ministerie' || o.ministerie !== undefined)
  @Tekst(LIMIET.naam)
  ministerie?: string;
}

export class BewindspersoonDto {
  @ApiProperty({ example: 'staatssecretaris van Justitie en Veiligheid' })
  @Tekst(LIMIET.naam)
  bewindspersoon!: string;

  @ApiProperty({ example: 'JenV' })
  @Tekst(LIMIET.naam)
  ministerie!: string;
}

/** Every change names its business date and may say which revision the clerk was looking at. */
export class WijzigingRequestDto {
  @ApiProperty({ example: '2025-06-20', description: 'Wanneer het gebeurde (zakelijke datum), niet wanneer het wordt vastgelegd' })
  @IsBusinessDate()
  datum!: string;

  @ApiPropertyOptional({ example: 3, description: 'De revisie die de griffier voor zich had; bij een andere revisie volgt 409' })
  @IsOptional()
  @IsInt({ message: 'moet een geheel getal zijn' })
  @Min(0, { message: 'mag niet negatief zijn' })
  verwachteRevisie?: number;
}

