import { WijsBehandelaarToe } from '@register/domain';
import { ObjectVeld, TekstVeld } from '../../../http/dto/fields';
import { WijzigingRequestDto } from '../../../http/dto/shared.request.dto';
import { LIMIET } from '../../../http/dto/validators';
import { BehandelaarDto, behandelaar } from '../behandelaar.request.dto';

export class WijsBehandelaarToeRequestDto extends WijzigingRequestDto {
  @ObjectVeld(BehandelaarDto, { description: 'De nieuwe behandelaar' })
  behandelaar!: BehandelaarDto;

  @TekstVeld(LIMIET.kort, { example: 'Nieuwe portefeuilleverdeling binnen de directie' })
  reden!: string;

  toCommand(): WijsBehandelaarToe {
    return { type: 'WijsBehandelaarToe', datum: this.datum, behandelaar: behandelaar(this.behandelaar), reden: this.reden };
  }
}
