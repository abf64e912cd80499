import { OptioneleDatumVeld, QueryGetalVeld } from '../../../http/dto/fields';

export class OverzichtRequestDto {
  @OptioneleDatumVeld({ description: 'Peildatum voor "achterstallig" en de laatste maand van het verloop; standaard vandaag', example: '2025-07-01' })
  peildatum?: string;

  @QueryGetalVeld({ min: 1, max: 240, teGroot: 'mag hoogstens 240 zijn' }, { description: 'Aantal maanden in het verloop van open items', default: 24, minimum: 1, maximum: 240 })
  maanden = 24;
}
