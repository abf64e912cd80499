import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KAMERSTUK_NUMMER } from '@register/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';
import { LidDto, TermijnDto } from '../../http/dto/shared.request.dto';
import { IsBusinessDate, IsVergaderjaar, LIMIET, Tekst } from '../../http/dto/validators';

export class RegistreerMotieRequestDto {
  @ApiProperty({ example: '29628-1230', description: 'Kamerstuknummer: dossier[-achtervoegsel]-ondernummer, bijvoorbeeld 29628-1230 of 35925-VI-96' })
  @Matches(KAMERSTUK_NUMMER, { message: 'moet een Kamerstuknummer zijn zoals 29628-1230 of 35925-VI-96' })
  nummer!: string;

  @ApiProperty({ example: '2024/25' })
  @IsVergaderjaar()
  vergaderjaar!: string;

  @ApiProperty({ example: 'Motie van het lid Boswijk over het verhalen van schade door vernielingen op relschoppers' })
  @Tekst(LIMIET.kort)
  titel!: string;

  @ApiProperty({ example: 'verzoekt de regering praktische en juridische belemmeringen voor schadeverhaal weg te nemen', description: 'Het dictum' })
  @Tekst(LIMIET.tekst)
  tekst!: string;

  @ApiProperty({ type: [LidDto], description: 'De indieners; de eerste is de eerste indiener' })
  @IsArray({ message: 'moet een lijst zijn' })
  @ArrayMinSize(1, { message: 'moet ten minste één indiener bevatten' })
  @ArrayMaxSize(LIMIET.leden, { message: `mag hoogstens ${LIMIET.leden} indieners bevatten` })
  @ValidateNested({ each: true })
  @Type(() => LidDto)
  indieners!: LidDto[];

  @ApiProperty({ example: '2025-05-28', description: 'Datum van indiening of aanneming' })
  @IsBusinessDate()
  datum!: string;

  @ApiProperty({ example: 'tweeminutendebat Politie 28 mei 2025' })
  @Tekst(LIMIET.kort)
  debat!: string;

  @ApiProperty({ example: 'minister van Justitie en Veiligheid' })
  @Tekst(LIMIET.naam)
  bewindspersoon!: string;

  @ApiProperty({ example: 'JenV' })
  @Tekst(LIMIET.naam)
  ministerie!: string;

  @ApiProperty({ example: 'Demonstraties' })
  @Tekst(LIMIET.naam)
  thema!: string;

  @ApiPropertyOptional({ type: TermijnDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TermijnDto)
  termijn?: TermijnDto;
}
