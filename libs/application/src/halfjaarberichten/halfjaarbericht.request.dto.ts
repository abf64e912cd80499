import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VERKLAARDE_STATUSSEN, VerklaardeStatus } from '@register/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { DatumVeld, ItemIdVeld, KeuzeVeld, OptioneleKeuzeVeld, RevisieVeld, TekstVeld } from '../http/dto/fields';
import { LIMIET, Tekst } from '../http/dto/validators';
import { FORMATEN, Formaat, INDELINGEN, Indeling } from './bijlage/bijlage.renderers';

export class MaakHalfjaarberichtAanRequestDto {
  @ApiProperty({ example: 2025 })
  @IsInt({ message: 'moet een jaartal zijn' })
  @Min(1990, { message: 'moet na 1990 liggen' })
  @Max(2100, { message: 'moet voor 2100 liggen' })
  jaar!: number;

  @KeuzeVeld([1, 2], { description: '1: eerste halfjaarbericht, 2: tweede' }, 'moet 1 of 2 zijn')
  helft!: 1 | 2;

  @TekstVeld(LIMIET.kort, { example: 'Eerste halfjaarbericht politie 2025' })
  titel!: string;

  @DatumVeld({ example: '2025-06-01', description: '"stand per": de datum waarvoor het bericht spreekt' })
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
  @ItemIdVeld()
  itemId!: string;

  @TekstVeld(LIMIET.naam, { example: 'Demonstraties' })
  sectie!: string;

  @TekstVeld(LIMIET.tekst, { example: 'Naar aanleiding van de motie heb ik overleg gevoerd met de driehoek Den Haag ...' })
  tekst!: string;

  @KeuzeVeld(VERKLAARDE_STATUSSEN)
  status!: VerklaardeStatus;

  @ApiPropertyOptional({ example: 'de extra financiering voor herinneringscentra', description: 'Verplicht bij deels-afgedaan' })
  @ValidateIf((o: NeemItemOpRequestDto) => o.status === 'deels-afgedaan' || o.deel !== undefined)
  @Tekst(LIMIET.kort)
  deel?: string;
}

export class NeemZaakOpRequestDto {
  @TekstVeld(LIMIET.naam, { example: 'Demonstraties' })
  sectie!: string;

  @TekstVeld(LIMIET.kort, { example: 'Stand van zaken WODC-onderzoek handelingsperspectieven bij demonstraties' })
  titel!: string;

  @TekstVeld(LIMIET.tekst)
  tekst!: string;
}

export class VerzendRequestDto {
  @DatumVeld({ example: '2025-06-20' })
  datum!: string;

  @TekstVeld(100, { example: '6418520' })
  kenmerk!: string;

  @RevisieVeld({ example: 5 })
  verwachteRevisie?: number;
}

export class KamerstukRequestDto {
  @TekstVeld(100, { example: 'Kamerstukken II 2024/25, 29628, nr. 1262' })
  kamerstuk!: string;
}

export class BijlageRequestDto {
  @OptioneleKeuzeVeld(FORMATEN, { default: 'html' })
  formaat: Formaat = 'html';

  @OptioneleKeuzeVeld(INDELINGEN, { default: 'verhalend', description: 'verhalend: zoals de bijlage van het halfjaarbericht; tabel: Omschrijving | Vindplaats | Stand van zaken' })
  indeling: Indeling = 'verhalend';
}
