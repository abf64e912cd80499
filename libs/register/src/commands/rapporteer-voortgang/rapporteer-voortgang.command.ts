import { ItemWijzigingCommand } from '../../items/item-wijziging.command';
import { RapporteerVoortgangRequestDto } from './rapporteer-voortgang.request.dto';

export class RapporteerVoortgangCommand extends ItemWijzigingCommand<RapporteerVoortgangRequestDto> {}
