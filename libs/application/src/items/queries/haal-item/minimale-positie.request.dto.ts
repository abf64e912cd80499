import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class MinimalePositieDto {
  @ApiPropertyOptional({ description: 'Wacht (hoogstens 5 s) tot het leesmodel deze positie heeft verwerkt' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'moet een positie zijn (een geheel getal)' })
  minimalePositie?: string;
}
