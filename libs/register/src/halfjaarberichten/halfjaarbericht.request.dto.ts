import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VERKLAARDE_STATUSSEN, VerklaardeStatus } from '@register/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsBusinessDate, LIMIET, Tekst } from '../http/dto/validators';
import { FORMATEN, Formaat, INDELINGEN, Indeling } from './bijlage/bijlage.renderers';

export class MaakHalfjaarberichtAanRequestDto {
  @ApiProperty({ example: 2025 })
  @IsInt({ message: 'moet een jaartal zijn' })
  @Min(1990, { message: 'moet na 1990 liggen' })
  @Max(2100, { message: 'moet voor 2100 liggen' })
  jaar!: number;

  @ApiProperty({ enum: [1, 2], description: '1: eerste halfjaarbericht, 2: tweede' })
  @IsIn([1, 2], { message: 'moet 1 of 2 zijn' })
  helft!: 1 | 2;

  @ApiProperty({ example: 'Eerste halfjaarbericht politie 2025' })
  @Tekst(LIMIET.kort)
  titel!: string;

  @ApiProperty({ example: '2025-06-01', description: '"stand per": de datum waarvoor het bericht spreekt' })
  @IsBusinessDate()
  peildatum!: string;

  @ApiProperty({ example: ['Demonstraties', 'Politiepersoneel en middelen', 'Online criminaliteit'] })
  @IsArray({ message: 'moet een lijst zijn' })
  @ArrayMinSize(1, { message: 'moet ten minste één sectie bevatten' })
  @ArrayMaxSize(100, { message: 'mag hoogstens 100 secties bevatten' })
  @IsString({ each: true, message: 'moet tekst zijn' })
  @MaxLength(LIMIET.naam, { each: true, message: `mag hoogstens ${LIMIET.naam} tekens lang zijn` })
  secties!: string[];
}

export class NeemItemOpRequestDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'moet de identiteit (UUID) van een motie of toezegging zijn' })
  itemId!: string;

  @ApiProperty({ example: 'Demonstraties' })
  @Tekst(LIMIET.naam)
  sectie!: string;

  @ApiProperty({ example: 'Naar aanleiding van de motie heb ik overleg gevoerd met de driehoek Den Haag ...' })
  @Tekst(LIMIET.tekst)
  tekst!: string;

  @ApiProperty({ enum: VERKLAARDE_STATUSSEN })
  @IsIn(VERKLAARDE_STATUSSEN, { message: `moet een van ${VERKLAARDE_STATUSSEN.join(', ')} zijn` })
  status!: VerklaardeStatus;

  @ApiPropertyOptional({ example: 'de extra financiering voor herinneringscentra', description: 'Verplicht bij deels-afgedaan' })
  @ValidateIf((o: NeemItemOpRequestDto) => o.status === 'deels-afgedaan' || o.deel !== undefined)
  @Tekst(LIMIET.kort)
  deel?: string;
}

export class NeemZaakOpRequestDto {
  @ApiProperty({ example: 'Demonstraties' })
  @Tekst(LIMIET.naam)
  sectie!: string;

  @ApiProperty({ example: 'Stand van zaken WODC-onderzoek handelingsperspectieven bij demonstraties' })
  @Tekst(LIMIET.kort)
  titel!: string;

  @ApiProperty()
  @Tekst(LIMIET.tekst)
  tekst!: string;
}

export class VerzendRequestDto {
  @ApiProperty({ example: '2025-06-20' })
  @IsBusinessDate()
  datum!: string;

  @ApiProperty({ example: '6418520' })
  @Tekst(100)
  kenmerk!: string;

  @ApiPropertyOptional({ example: 5 })
  @IsOptional()
  @IsInt({ message: 'moet een geheel getal zijn' })
  @Min(0, { message: 'mag niet negatief zijn' })
  verwachteRevisie?: number;
}

export class KamerstukRequestDto {
  @ApiProperty({ example: 'Kamerstukken II 2024/25, 29628, nr. 1262' })
  @Tekst(100)
  kamerstuk!: string;
}

export class BijlageRequestDto {
  @ApiPropertyOptional({ enum: FORMATEN, default: 'html' })
  @IsOptional()
  @IsIn(FORMATEN, { message: `moet een van ${FORMATEN.join(', ')} zijn` })
  formaat: Formaat = 'html';

  @ApiPropertyOptional({ enum: INDELINGEN, default: 'verhalend', description: 'verhalend: zoals de bijlage van het halfjaarbericht; tabel: Omschrijving | Vindplaats | Stand van zaken' })
  @IsOptional()
  @IsIn(INDELINGEN, { message: `moet een van ${INDELINGEN.join(', ')} zijn` })
  indeling: Indeling = 'verhalend';
}
