import { Heropen } from '@register/domain';
import { TekstVeld } from '../../../http/dto/fields';
import { WijzigingRequestDto } from '../../../http/dto/shared.request.dto';
import { LIMIET } from '../../../http/dto/validators';

export class HeropenRequestDto extends WijzigingRequestDto {
  @TekstVeld(LIMIET.kort, { example: 'De Kamer aanvaardt de afdoening niet (commissiedebat 10 september 2025).' })
  reden!: string;

  toCommand(): Heropen {
    return { type: 'Heropen', datum: this.datum, reden: this.reden };
  }
}
