import { ApiProperty } from '@nestjs/swagger';
import { WijzigingRequestDto } from '../../../http/dto/shared.request.dto';
import { LIMIET, Tekst } from '../../../http/dto/validators';
import { LaatVervallen } from '@register/domain';

export class LaatVervallenRequestDto extends WijzigingRequestDto {
  @ApiProperty({ example: 'De motie is ingetrokken.' })
  @Tekst(LIMIET.kort)
  reden!: string;

  toCommand(): LaatVervallen {
    return { type: 'LaatVervallen', datum: this.datum, reden: this.reden };
  }
}
