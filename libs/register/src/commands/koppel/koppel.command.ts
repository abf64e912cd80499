import { ItemWijzigingCommand } from '../../items/item-wijziging.command';
import { KoppelRequestDto } from './koppel.request.dto';

export class KoppelCommand extends ItemWijzigingCommand<KoppelRequestDto> {}
