import { BulkOpdracht } from '@register/domain';
import { DatumVeld, ObjectVeld, TekstVeld } from '../../../http/dto/fields';
import { TermijnDto } from '../../../http/dto/shared.request.dto';
import { LIMIET } from '../../../http/dto/validators';
import { termijn } from '../../../items/commands/request-mapping';
import { ItemSelectieVeld } from '../../bulkwijziging.request.dto';

/** One new termijn for a selection of open items. */
export class WijzigTermijnenRequestDto {
  @ItemSelectieVeld(true, { description: 'De items, elk open (in behandeling of deels afgedaan)' })
  itemIds!: string[];

  @ObjectVeld(TermijnDto)
  termijn!: TermijnDto;

  @DatumVeld({ example: '2025-06-20', description: 'Wanneer de termijn werd gewijzigd (zakelijke datum), niet wanneer het wordt vastgelegd' })
  datum!: string;

  @TekstVeld(LIMIET.kort, { example: 'Het onderzoek van het WODC loopt uit tot na de zomer' })
  reden!: string;

  toOpdracht(): BulkOpdracht {
    return { soort: 'termijnwijziging', termijn: termijn(this.termijn)!, datum: this.datum, reden: this.reden, itemIds: this.itemIds };
  }
}
