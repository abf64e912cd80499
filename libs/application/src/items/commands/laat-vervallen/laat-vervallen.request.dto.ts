import { LaatVervallen } from '@register/domain';
import { TekstVeld } from '../../../http/dto/fields';
import { WijzigingRequestDto } from '../../../http/dto/shared.request.dto';
import { LIMIET } from '../../../http/dto/validators';

export class LaatVervallenRequestDto extends WijzigingRequestDto {
  @TekstVeld(LIMIET.kort, { example: 'De motie is ingetrokken.' })
  reden!: string;

  toCommand(): LaatVervallen {
    return { type: 'LaatVervallen', datum: this.datum, reden: this.reden };
  }
}
