import { ApiProperty } from '@nestjs/swagger';
import { KAMERSTUK_NUMMER } from '@register/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches, ValidateNested } from 'class-validator';
import { RegistratieRequestDto } from '../../../http/dto/registratie.request.dto';
import { LidDto } from '../../../http/dto/shared.request.dto';
import { IsVergaderjaar, LIMIET } from '../../../http/dto/validators';
import { RegistreerMotie } from '@register/domain';
import { leden } from '../request-mapping';

export class RegistreerMotieRequestDto extends RegistratieRequestDto {
  @ApiProperty({ example: '29628-1230', description: 'Kamerstuknummer: dossier[-achtervoegsel]-ondernummer, bijvoorbeeld 29628-1230 of 35925-VI-96' })
  @Matches(KAMERSTUK_NUMMER, { message: 'moet een Kamerstuknummer zijn zoals 29628-1230 of 35925-VI-96' })
  nummer!: string;

  @ApiProperty({ example: '2024/25' })
  @IsVergaderjaar()
  vergaderjaar!: string;

  @ApiProperty({ type: [LidDto], description: 'De indieners; de eerste is de eerste indiener' })
  @IsArray({ message: 'moet een lijst zijn' })
  @ArrayMinSize(1, { message: 'moet ten minste één indiener bevatten' })
  @ArrayMaxSize(LIMIET.leden, { message: `mag hoogstens ${LIMIET.leden} indieners bevatten` })
  @ValidateNested({ each: true })
  @Type(() => LidDto)
  indieners!: LidDto[];

  toCommand(itemId: string): RegistreerMotie {
    return { type: 'RegistreerMotie', itemId, ...this.registratie(), nummer: this.nummer, vergaderjaar: this.vergaderjaar, indieners: leden(this.indieners) };
  }
}
