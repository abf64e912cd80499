import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { TermijnDto, WijzigingRequestDto } from '../../../http/dto/shared.request.dto';
import { LIMIET, Tekst } from '../../../http/dto/validators';
import { WijzigTermijn } from '@register/domain';
import { termijn } from '../request-mapping';

export class WijzigTermijnRequestDto extends WijzigingRequestDto {
  @ApiProperty({ type: TermijnDto })
  @IsObject({ message: 'is verplicht en moet een object zijn' })
  @ValidateNested()
  @Type(() => TermijnDto)
  termijn!: TermijnDto;

  @ApiProperty({ example: 'Het onderzoek van het WODC loopt uit tot na de zomer' })
  @Tekst(LIMIET.kort)
  reden!: string;

  toCommand(): WijzigTermijn {
    return { type: 'WijzigTermijn', datum: this.datum, termijn: termijn(this.termijn)!, reden: this.reden };
  }
}
