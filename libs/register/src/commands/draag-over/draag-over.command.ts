import { ItemWijzigingCommand } from '../../items/item-wijziging.command';
import { DraagOverRequestDto } from './draag-over.request.dto';

export class DraagOverCommand extends ItemWijzigingCommand<DraagOverRequestDto> {}
