import { ItemWijzigingCommand } from '../../items/item-wijziging.command';
import { LaatVervallenRequestDto } from './laat-vervallen.request.dto';

export class LaatVervallenCommand extends ItemWijzigingCommand<LaatVervallenRequestDto> {}
