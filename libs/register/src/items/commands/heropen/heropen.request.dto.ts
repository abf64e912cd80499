import { ApiProperty } from '@nestjs/swagger';
import { WijzigingRequestDto } from '../../../http/dto/shared.request.dto';
import { LIMIET, Tekst } from '../../../http/dto/validators';
import { Heropen } from '@register/domain';

export class HeropenRequestDto extends WijzigingRequestDto {
  @ApiProperty({ example: 'De Kamer aanvaardt de afdoening niet (commissiedebat 10 september 2025).' })
  @Tekst(LIMIET.kort)
  reden!: string;

  toCommand(): Heropen {
    return { type: 'Heropen', datum: this.datum, reden: this.reden };
  }
}
