import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TOEZEGGING_NUMMER } from '@register/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';
import { RegistratieRequestDto } from '../../../http/dto/registratie.request.dto';
import { LidDto } from '../../../http/dto/shared.request.dto';
import { IsVergaderjaar, LIMIET } from '../../../http/dto/validators';
import { RegistreerToezegging } from '@register/domain';
import { leden } from '../request-mapping';

export class RegistreerToezeggingRequestDto extends RegistratieRequestDto {
  @ApiPropertyOptional({ example: 'TZ202412-156', description: 'Het nummer uit het toezeggingenregister van de Kamer; zonder nummer geeft het register er zelf een (INT-...)' })
  @IsOptional()
  @Matches(TOEZEGGING_NUMMER, { message: 'moet een toezeggingnummer zijn zoals TZ202412-156 of TZ127734' })
  nummer?: string;

  @ApiPropertyOptional({ example: '2024/25' })
  @IsOptional()
  @IsVergaderjaar()
  vergaderjaar?: string;

  @ApiProperty({ type: [LidDto], description: 'De Kamerleden aan wie de toezegging is gedaan (mag leeg zijn)' })
  @IsArray({ message: 'moet een lijst zijn' })
  @ArrayMaxSize(LIMIET.leden, { message: `mag hoogstens ${LIMIET.leden} leden bevatten` })
  @ValidateNested({ each: true })
  @Type(() => LidDto)
  leden!: LidDto[];

  toCommand(itemId: string): RegistreerToezegging {
    return { type: 'RegistreerToezegging', itemId, ...this.registratie(), nummer: this.nummer ?? null, vergaderjaar: this.vergaderjaar ?? null, leden: leden(this.leden) };
  }
}
