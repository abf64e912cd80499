import { ItemWijzigingCommand } from '../../items/item-wijziging.command';
import { HeropenRequestDto } from './heropen.request.dto';

export class HeropenCommand extends ItemWijzigingCommand<HeropenRequestDto> {}
