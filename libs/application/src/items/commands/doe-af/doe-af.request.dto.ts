import { DoeAf } from '@register/domain';
import { ObjectVeld, TekstVeld } from '../../../http/dto/fields';
import { AfdoeningWijzeDto, WijzigingRequestDto } from '../../../http/dto/shared.request.dto';
import { LIMIET } from '../../../http/dto/validators';
import { wijze } from '../request-mapping';

export class DoeAfRequestDto extends WijzigingRequestDto {
  @ObjectVeld(AfdoeningWijzeDto, { description: 'Waar de afdoening staat: een Kamerstuk, een halfjaarbericht of een brief van een ander ministerie' })
  wijze!: AfdoeningWijzeDto;

  @TekstVeld(LIMIET.tekst, { example: 'Ik beschouw de motie hiermee als afgedaan.' })
  toelichting!: string;

  toCommand(): DoeAf {
    return { type: 'DoeAf', datum: this.datum, wijze: wijze(this.wijze), toelichting: this.toelichting };
  }
}
