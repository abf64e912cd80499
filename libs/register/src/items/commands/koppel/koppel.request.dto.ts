import { ApiProperty } from '@nestjs/swagger';
import { RELATIES, Relatie } from '@register/domain';
import { IsIn, IsUUID } from 'class-validator';
import { WijzigingRequestDto } from '../../../http/dto/shared.request.dto';
import { Koppel } from '@register/domain';

export class KoppelRequestDto extends WijzigingRequestDto {
  @ApiProperty({ enum: RELATIES, example: 'meegenomen-in', description: 'Hoe dit item zich verhoudt tot het andere' })
  @IsIn(RELATIES, { message: `moet een van ${RELATIES.join(', ')} zijn` })
  relatie!: Relatie;

  @ApiProperty({ format: 'uuid', description: 'De identiteit van het andere item' })
  @IsUUID('all', { message: 'moet de identiteit (UUID) van een motie of toezegging zijn' })
  doelItemId!: string;

  toKoppeling(): Pick<Koppel, 'datum' | 'relatie' | 'doelItemId'> {
    return { datum: this.datum, relatie: this.relatie, doelItemId: this.doelItemId };
  }
}
