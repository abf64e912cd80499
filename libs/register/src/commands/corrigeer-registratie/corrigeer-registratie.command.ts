import { ItemWijzigingCommand } from '../../items/item-wijziging.command';
import { CorrigeerRegistratieRequestDto } from './corrigeer-registratie.request.dto';

export class CorrigeerRegistratieCommand extends ItemWijzigingCommand<CorrigeerRegistratieRequestDto> {}
