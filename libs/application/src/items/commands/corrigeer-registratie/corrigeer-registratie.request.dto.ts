import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmptyObject, IsOptional, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { LijstVeld, OptioneleDatumVeld, OptioneleTekstVeld, RevisieVeld, TekstVeld } from '../../../http/dto/fields';
import { LidDto } from '../../../http/dto/shared.request.dto';
import { IsVergaderjaar, LIMIET } from '../../../http/dto/validators';
import { CorrigeerRegistratie, Registratie } from '@register/domain';
import { leden } from '../request-mapping';

/** Only the fields that change; the domain records each one's old and new value. */
export class CorrectiesDto {
  @ApiPropertyOptional({ example: '34324-19', description: 'Het juiste Kamerstuk- of toezeggingnummer' })
  @IsOptional()
  @Matches(/^([1-9]\d{4}(-[A-Z0-9]{1,6})?-[1-9]\d{0,4}|TZ\d{6}-[1-9]\d{0,4}|TZ\d{4,8})$/, { message: 'moet een Kamerstuknummer (29628-1230) of toezeggingnummer (TZ202412-156) zijn' })
  nummer?: string;

  @OptioneleTekstVeld(LIMIET.kort)
  titel?: string;

  @OptioneleTekstVeld(LIMIET.tekst)
  tekst?: string;

  @ApiPropertyOptional({ example: '2024/25', nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsVergaderjaar()
  vergaderjaar?: string | null;

  @OptioneleDatumVeld({ example: '2025-05-28' })
  datum?: string;

  @OptioneleTekstVeld(LIMIET.kort)
  debat?: string;

  @IsOptional()
  @LijstVeld(LidDto, { max: LIMIET.leden, wat: 'leden' }, { required: false })
  leden?: LidDto[];

  @OptioneleTekstVeld(LIMIET.naam)
  bewindspersoon?: string;

  @OptioneleTekstVeld(LIMIET.naam)
  ministerie?: string;

  @OptioneleTekstVeld(LIMIET.naam)
  thema?: string;
}

export class CorrigeerRegistratieRequestDto {
  @ApiProperty({ type: CorrectiesDto })
  @IsNotEmptyObject({ nullable: false }, { message: 'moet ten minste één veld noemen dat wordt gecorrigeerd' })
  @ValidateNested()
  @Type(() => CorrectiesDto)
  correcties!: CorrectiesDto;

  @TekstVeld(LIMIET.kort, { example: 'Verkeerd Kamerstuknummer overgenomen uit de voetnoot' })
  reden!: string;

  @RevisieVeld({ example: 3 })
  verwachteRevisie?: number;

  toCommand(): CorrigeerRegistratie {
    const { leden: nieuweLeden, ...rest } = this.correcties;
    const correcties: Partial<Registratie> = { ...rest, ...(nieuweLeden ? { leden: leden(nieuweLeden) } : {}) };
    return { type: 'CorrigeerRegistratie', correcties, reden: this.reden };
  }
}
