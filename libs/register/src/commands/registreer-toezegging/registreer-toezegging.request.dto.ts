import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TOEZEGGING_NUMMER } from '@register/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';
import { LidDto, TermijnDto } from '../../http/dto/shared.request.dto';
import { IsBusinessDate, IsVergaderjaar, LIMIET, Tekst } from '../../http/dto/validators';

export class RegistreerToezeggingRequestDto {
  @ApiPropertyOptional({ example: 'TZ202412-156', description: 'Het nummer uit het toezeggingenregister van de Kamer; zonder nummer geeft het register er zelf een (INT-...)' })
  @IsOptional()
  @Matches(TOEZEGGING_NUMMER, { message: 'moet een toezeggingnummer zijn zoals TZ202412-156 of TZ127734' })
  nummer?: string;

  @ApiPropertyOptional({ example: '2024/25' })
  @IsOptional()
  @IsVergaderjaar()
  vergaderjaar?: string;

  @ApiProperty({ example: 'Informeren over het aantal agenten met taakaccent ME' })
  @Tekst(LIMIET.kort)
  titel!: string;

  @ApiProperty({ example: 'De minister zegt toe de Kamer te informeren over het aantal agenten met het taakaccent ME.' })
  @Tekst(LIMIET.tekst)
  tekst!: string;

  @ApiProperty({ type: [LidDto], description: 'De Kamerleden aan wie de toezegging is gedaan (mag leeg zijn)' })
  @IsArray({ message: 'moet een lijst zijn' })
  @ArrayMaxSize(LIMIET.leden, { message: `mag hoogstens ${LIMIET.leden} leden bevatten` })
  @ValidateNested({ each: true })
  @Type(() => LidDto)
  leden!: LidDto[];

  @ApiProperty({ example: '2024-12-19', description: 'Datum waarop de toezegging is gedaan' })
  @IsBusinessDate()
  datum!: string;

  @ApiProperty({ example: 'commissiedebat politie 19 december 2024' })
  @Tekst(LIMIET.kort)
  debat!: string;

  @ApiProperty({ example: 'minister van Justitie en Veiligheid' })
  @Tekst(LIMIET.naam)
  bewindspersoon!: string;

  @ApiProperty({ example: 'JenV' })
  @Tekst(LIMIET.naam)
  ministerie!: string;

  @ApiProperty({ example: 'Politiepersoneel en middelen' })
  @Tekst(LIMIET.naam)
  thema!: string;

  @ApiPropertyOptional({ type: TermijnDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TermijnDto)
  termijn?: TermijnDto;
}
