import { ApiProperty } from '@nestjs/swagger';
import { WijzigingRequestDto } from '../../http/dto/shared.request.dto';
import { LIMIET, Tekst } from '../../http/dto/validators';

export class LaatVervallenRequestDto extends WijzigingRequestDto {
  @ApiProperty({ example: 'De motie is ingetrokken.' })
  @Tekst(LIMIET.kort)
  reden!: string;
}
