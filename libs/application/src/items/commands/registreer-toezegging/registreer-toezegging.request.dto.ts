import { ApiPropertyOptional } from '@nestjs/swagger';
import { RegistreerToezegging, TOEZEGGING_NUMMER } from '@register/domain';
import { IsOptional, Matches } from 'class-validator';
import { LijstVeld, OptioneelObjectVeld } from '../../../http/dto/fields';
import { RegistratieRequestDto } from '../../../http/dto/registratie.request.dto';
import { LidDto } from '../../../http/dto/shared.request.dto';
import { IsVergaderjaar, LIMIET } from '../../../http/dto/validators';
import { BehandelaarDto, behandelaar } from '../behandelaar.request.dto';
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

  @LijstVeld(LidDto, { max: LIMIET.leden, wat: 'leden' }, { description: 'De Kamerleden aan wie de toezegging is gedaan (mag leeg zijn)' })
  leden!: LidDto[];

  @OptioneelObjectVeld(BehandelaarDto, { description: 'De eigenaar binnen het ministerie, als die al bekend is; later toe te wijzen met POST /api/items/{id}/behandelaar' })
  behandelaar?: BehandelaarDto;

  toCommand(itemId: string): RegistreerToezegging {
    return { type: 'RegistreerToezegging', itemId, ...this.registratie(), nummer: this.nummer ?? null, vergaderjaar: this.vergaderjaar ?? null, leden: leden(this.leden), behandelaar: this.behandelaar ? behandelaar(this.behandelaar) : null };
  }
}
