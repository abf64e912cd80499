import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { AfdoeningWijzeDto, WijzigingRequestDto } from '../../../http/dto/shared.request.dto';
import { LIMIET, Tekst } from '../../../http/dto/validators';
import { DoeAf } from '@register/domain';
import { wijze } from '../request-mapping';

export class DoeAfRequestDto extends WijzigingRequestDto {
  @ApiProperty({ type: AfdoeningWijzeDto, description: 'Waar de afdoening staat: een Kamerstuk, een halfjaarbericht of een brief van een ander ministerie' })
  @IsObject({ message: 'is verplicht en moet een object zijn' })
  @ValidateNested()
  @Type(() => AfdoeningWijzeDto)
  wijze!: AfdoeningWijzeDto;

  @ApiProperty({ example: 'Ik beschouw de motie hiermee als afgedaan.' })
  @Tekst(LIMIET.tekst)
  toelichting!: string;

  toCommand(): DoeAf {
    return { type: 'DoeAf', datum: this.datum, wijze: wijze(this.wijze), toelichting: this.toelichting };
  }
}
