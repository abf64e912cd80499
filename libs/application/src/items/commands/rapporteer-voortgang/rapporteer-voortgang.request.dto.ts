import { RapporteerVoortgang } from '@register/domain';
import { TekstVeld } from '../../../http/dto/fields';
import { WijzigingRequestDto } from '../../../http/dto/shared.request.dto';
import { LIMIET } from '../../../http/dto/validators';

export class RapporteerVoortgangRequestDto extends WijzigingRequestDto {
  @TekstVeld(LIMIET.tekst, { example: 'Het rapport van het WODC wordt eind van de zomer verwacht.' })
  tekst!: string;

  toCommand(): RapporteerVoortgang {
    return { type: 'RapporteerVoortgang', datum: this.datum, tekst: this.tekst };
  }
}
