import { WijzigTermijn } from '@register/domain';
import { ObjectVeld, TekstVeld } from '../../../http/dto/fields';
import { TermijnDto, WijzigingRequestDto } from '../../../http/dto/shared.request.dto';
import { LIMIET } from '../../../http/dto/validators';
import { termijn } from '../request-mapping';

export class WijzigTermijnRequestDto extends WijzigingRequestDto {
  @ObjectVeld(TermijnDto)
  termijn!: TermijnDto;

  @TekstVeld(LIMIET.kort, { example: 'Het onderzoek van het WODC loopt uit tot na de zomer' })
  reden!: string;

  toCommand(): WijzigTermijn {
    return { type: 'WijzigTermijn', datum: this.datum, termijn: termijn(this.termijn)!, reden: this.reden };
  }
}
