import { ApiProperty } from '@nestjs/swagger';
import { KAMERSTUK_NUMMER, RegistreerMotie } from '@register/domain';
import { Matches } from 'class-validator';
import { LijstVeld, OptioneelObjectVeld } from '../../../http/dto/fields';
import { RegistratieRequestDto } from '../../../http/dto/registratie.request.dto';
import { LidDto } from '../../../http/dto/shared.request.dto';
import { IsVergaderjaar, LIMIET } from '../../../http/dto/validators';
import { BehandelaarDto, behandelaar } from '../behandelaar.request.dto';
import { leden } from '../request-mapping';

export class RegistreerMotieRequestDto extends RegistratieRequestDto {
  @ApiProperty({ example: '29628-1230', description: 'Kamerstuknummer: dossier[-achtervoegsel]-ondernummer, bijvoorbeeld 29628-1230 of 35925-VI-96' })
  @Matches(KAMERSTUK_NUMMER, { message: 'moet een Kamerstuknummer zijn zoals 29628-1230 of 35925-VI-96' })
  nummer!: string;

  @ApiProperty({ example: '2024/25' })
  @IsVergaderjaar()
  vergaderjaar!: string;

  @LijstVeld(LidDto, { max: LIMIET.leden, wat: 'indieners', minstensEen: 'indiener' }, { description: 'De indieners; de eerste is de eerste indiener' })
  indieners!: LidDto[];

  @OptioneelObjectVeld(BehandelaarDto, { description: 'De eigenaar binnen het ministerie, als die al bekend is; later toe te wijzen met POST /api/items/{id}/behandelaar' })
  behandelaar?: BehandelaarDto;

  toCommand(itemId: string): RegistreerMotie {
    return { type: 'RegistreerMotie', itemId, ...this.registratie(), nummer: this.nummer, vergaderjaar: this.vergaderjaar, indieners: leden(this.indieners), behandelaar: this.behandelaar ? behandelaar(this.behandelaar) : null };
  }
}
