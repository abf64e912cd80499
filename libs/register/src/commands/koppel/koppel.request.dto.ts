import { ApiProperty } from '@nestjs/swagger';
import { RELATIES, Relatie } from '@register/domain';
import { IsIn, IsUUID } from 'class-validator';
import { WijzigingRequestDto } from '../../http/dto/shared.request.dto';

export class KoppelRequestDto extends WijzigingRequestDto {
  @ApiProperty({ enum: RELATIES, example: 'meegenomen-in', description: 'Hoe dit item zich verhoudt tot het andere' })
  @IsIn(RELATIES, { message: `moet een van ${RELATIES.join(', ')} zijn` })
  relatie!: Relatie;

  @ApiProperty({ format: 'uuid', description: 'De identiteit van het andere item' })
  @IsUUID('all', { message: 'moet de identiteit (UUID) van een motie of toezegging zijn' })
  doelItemId!: string;
}
