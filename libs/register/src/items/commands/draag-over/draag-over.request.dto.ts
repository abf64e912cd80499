import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { BewindspersoonDto, WijzigingRequestDto } from '../../../http/dto/shared.request.dto';
import { LIMIET, Tekst } from '../../../http/dto/validators';
import { DraagOver } from '@register/domain';

export class DraagOverRequestDto extends WijzigingRequestDto {
  @ApiProperty({ type: BewindspersoonDto })
  @IsObject({ message: 'is verplicht en moet een object zijn' })
  @ValidateNested()
  @Type(() => BewindspersoonDto)
  naar!: BewindspersoonDto;

  @ApiProperty({ example: 'Nieuwe portefeuilleverdeling' })
  @Tekst(LIMIET.kort)
  reden!: string;

  toCommand(): DraagOver {
    return { type: 'DraagOver', datum: this.datum, naar: { bewindspersoon: this.naar.bewindspersoon, ministerie: this.naar.ministerie }, reden: this.reden };
  }
}
