import { BulkOpdracht } from '@register/domain';
import { DatumVeld, ObjectVeld, TekstVeld } from '../../../http/dto/fields';
import { BewindspersoonDto } from '../../../http/dto/shared.request.dto';
import { LIMIET } from '../../../http/dto/validators';
import { ItemSelectieVeld } from '../../bulkwijziging.request.dto';

/** Every open item of a departing bewindspersoon (or a selection of them) to the successor. */
export class DraagItemsOverRequestDto {
  @TekstVeld(LIMIET.naam, { example: 'minister van Justitie en Veiligheid', description: 'De vertrekkende bewindspersoon, zoals het register die noemt (hoofdletters tellen niet mee)' })
  van!: string;

  @ObjectVeld(BewindspersoonDto, { description: 'De opvolger: bewindspersoon en ministerie' })
  naar!: BewindspersoonDto;

  @DatumVeld({ example: '2025-07-01', description: 'Wanneer de overdracht ingaat (zakelijke datum), niet wanneer ze wordt vastgelegd' })
  datum!: string;

  @TekstVeld(LIMIET.kort, { example: 'Kabinetswisseling: nieuwe portefeuilleverdeling' })
  reden!: string;

  @ItemSelectieVeld(false, { description: 'Alleen deze items (elk open en van de vertrekkende bewindspersoon); zonder dit veld alle open items' })
  itemIds?: string[];

  toOpdracht(): BulkOpdracht {
    return {
      soort: 'overdracht',
      van: this.van,
      naar: { bewindspersoon: this.naar.bewindspersoon, ministerie: this.naar.ministerie },
      datum: this.datum,
      reden: this.reden,
      itemIds: this.itemIds ?? null,
    };
  }
}
