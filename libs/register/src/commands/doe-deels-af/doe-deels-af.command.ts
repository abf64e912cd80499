import { ItemWijzigingCommand } from '../../items/item-wijziging.command';
import { DoeDeelsAfRequestDto } from './doe-deels-af.request.dto';

export class DoeDeelsAfCommand extends ItemWijzigingCommand<DoeDeelsAfRequestDto> {}
