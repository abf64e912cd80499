import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { AfdoeningWijzeDto, WijzigingRequestDto } from '../../../http/dto/shared.request.dto';
import { LIMIET, Tekst } from '../../../http/dto/validators';
import { DoeDeelsAf } from '@register/domain';
import { wijze } from '../request-mapping';

export class DoeDeelsAfRequestDto extends WijzigingRequestDto {
  @ApiProperty({ example: 'Het deel van de motie dat ziet op de extra financiering voor herinneringscentra' })
  @Tekst(LIMIET.kort)
  deel!: string;

  @ApiProperty({ type: AfdoeningWijzeDto })
  @IsObject({ message: 'is verplicht en moet een object zijn' })
  @ValidateNested()
  @Type(() => AfdoeningWijzeDto)
  bewijs!: AfdoeningWijzeDto;

  toCommand(): DoeDeelsAf {
    return { type: 'DoeDeelsAf', datum: this.datum, deel: this.deel, bewijs: wijze(this.bewijs) };
  }
}
