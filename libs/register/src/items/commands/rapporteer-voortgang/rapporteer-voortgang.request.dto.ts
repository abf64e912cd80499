import { ApiProperty } from '@nestjs/swagger';
import { WijzigingRequestDto } from '../../../http/dto/shared.request.dto';
import { LIMIET, Tekst } from '../../../http/dto/validators';
import { RapporteerVoortgang } from '@register/domain';

export class RapporteerVoortgangRequestDto extends WijzigingRequestDto {
  @ApiProperty({ example: 'Het rapport van het WODC wordt eind van de zomer verwacht.' })
  @Tekst(LIMIET.tekst)
  tekst!: string;

  toCommand(): RapporteerVoortgang {
    return { type: 'RapporteerVoortgang', datum: this.datum, tekst: this.tekst };
  }
}
