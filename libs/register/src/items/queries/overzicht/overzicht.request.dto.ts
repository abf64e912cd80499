import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsBusinessDate } from '../../../http/dto/validators';

export class OverzichtRequestDto {
  @ApiPropertyOptional({ description: 'Peildatum voor "achterstallig" en de laatste maand van het verloop; standaard vandaag', example: '2025-07-01' })
  @IsOptional()
  @IsBusinessDate()
  peildatum?: string;

  @ApiPropertyOptional({ description: 'Aantal maanden in het verloop van open items', default: 24, minimum: 1, maximum: 240 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'moet een geheel getal zijn' })
  @Min(1, { message: 'moet ten minste 1 zijn' })
  @Max(240, { message: 'mag hoogstens 240 zijn' })
  maanden = 24;
}
