import { ItemWijzigingCommand } from '../../items/item-wijziging.command';
import { WijzigTermijnRequestDto } from './wijzig-termijn.request.dto';

export class WijzigTermijnCommand extends ItemWijzigingCommand<WijzigTermijnRequestDto> {}
