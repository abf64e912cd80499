import { DraagOver } from '@register/domain';
import { ObjectVeld, TekstVeld } from '../../../http/dto/fields';
import { BewindspersoonDto, WijzigingRequestDto } from '../../../http/dto/shared.request.dto';
import { LIMIET } from '../../../http/dto/validators';

export class DraagOverRequestDto extends WijzigingRequestDto {
  @ObjectVeld(BewindspersoonDto)
  naar!: BewindspersoonDto;

  @TekstVeld(LIMIET.kort, { example: 'Nieuwe portefeuilleverdeling' })
  reden!: string;

  toCommand(): DraagOver {
    return { type: 'DraagOver', datum: this.datum, naar: { bewindspersoon: this.naar.bewindspersoon, ministerie: this.naar.ministerie }, reden: this.reden };
  }
}
