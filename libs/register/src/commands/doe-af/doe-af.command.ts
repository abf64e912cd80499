import { ItemWijzigingCommand } from '../../items/item-wijziging.command';
import { DoeAfRequestDto } from './doe-af.request.dto';

export class DoeAfCommand extends ItemWijzigingCommand<DoeAfRequestDto> {}
