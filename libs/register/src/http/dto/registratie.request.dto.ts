import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { termijn } from '../../items/commands/request-mapping';
import { TermijnDto } from './shared.request.dto';
import { IsBusinessDate, LIMIET, Tekst } from './validators';

/** What registering a motie and a toezegging have in common. */
export abstract class RegistratieRequestDto {
  @ApiProperty({ example: 'Motie van het lid Boswijk over het verhalen van schade door vernielingen op relschoppers' })
  @Tekst(LIMIET.kort)
  titel!: string;

  @ApiProperty({ example: 'verzoekt de regering praktische en juridische belemmeringen voor schadeverhaal weg te nemen', description: 'Het dictum van de motie, of de toezegging zoals gedaan' })
  @Tekst(LIMIET.tekst)
  tekst!: string;

  @ApiProperty({ example: '2025-05-28', description: 'Datum van indiening of aanneming (motie), of waarop de toezegging is gedaan' })
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

  /** The fields every registration command has, as the domain takes them. */
  protected registratie() {
    const { titel, tekst, datum, debat, bewindspersoon, ministerie, thema } = this;
    return { titel, tekst, datum, debat, bewindspersoon, ministerie, thema, termijn: termijn(this.termijn) };
  }
}
