import { DoeDeelsAf } from '@register/domain';
import { ObjectVeld, TekstVeld } from '../../../http/dto/fields';
import { AfdoeningWijzeDto, WijzigingRequestDto } from '../../../http/dto/shared.request.dto';
import { LIMIET } from '../../../http/dto/validators';
import { wijze } from '../request-mapping';

export class DoeDeelsAfRequestDto extends WijzigingRequestDto {
  @TekstVeld(LIMIET.kort, { example: 'Het deel van de motie dat ziet op de extra financiering voor herinneringscentra' })
  deel!: string;

  @ObjectVeld(AfdoeningWijzeDto)
  bewijs!: AfdoeningWijzeDto;

  toCommand(): DoeDeelsAf {
    return { type: 'DoeDeelsAf', datum: this.datum, deel: this.deel, bewijs: wijze(this.bewijs) };
  }
}
