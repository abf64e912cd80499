import { ZOEKVELDEN, Zoekveld } from '@register/read-models';
import { KeuzeVeld, QueryGetalVeld, TekstVeld } from '../../../http/dto/fields';

export class SuggestiesRequestDto {
  @KeuzeVeld(ZOEKVELDEN, { description: 'Welk veld: lid (Kamerlid), fractie, bewindspersoon of thema', example: 'lid' }, `moet een van ${ZOEKVELDEN.join(', ')} zijn`)
  veld!: Zoekveld;

  @TekstVeld(200, { description: 'Wat er tot nu toe is getypt; vergeleken zonder hoofdletters en accenten', example: 'nisp' })
  q!: string;

  @QueryGetalVeld({ min: 1, max: 50, teGroot: 'mag hoogstens 50 zijn' }, { default: 10, minimum: 1, maximum: 50 })
  max = 10;
}
