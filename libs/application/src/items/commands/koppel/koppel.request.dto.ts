import { Koppel, RELATIES, Relatie } from '@register/domain';
import { ItemIdVeld, KeuzeVeld } from '../../../http/dto/fields';
import { WijzigingRequestDto } from '../../../http/dto/shared.request.dto';

export class KoppelRequestDto extends WijzigingRequestDto {
  @KeuzeVeld(RELATIES, { example: 'meegenomen-in', description: 'Hoe dit item zich verhoudt tot het andere' })
  relatie!: Relatie;

  @ItemIdVeld({ description: 'De identiteit van het andere item' })
  doelItemId!: string;

  toKoppeling(): Pick<Koppel, 'datum' | 'relatie' | 'doelItemId'> {
    return { datum: this.datum, relatie: this.relatie, doelItemId: this.doelItemId };
  }
}
