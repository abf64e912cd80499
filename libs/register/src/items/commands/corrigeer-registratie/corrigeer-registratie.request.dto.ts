import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmptyObject, IsOptional, Matches, Min, ValidateIf, ValidateNested } from 'class-validator';
import { LidDto } from '../../../http/dto/shared.request.dto';
import { IsBusinessDate, IsVergaderjaar, LIMIET, Tekst } from '../../../http/dto/validators';
import { CorrigeerRegistratie, Registratie } from '@register/domain';
import { leden } from '../request-mapping';

/** Only the fields that change; the domain records each one's old and new value. */
export class CorrectiesDto {
  @ApiPropertyOptional({ example: '34324-19', description: 'Het juiste Kamerstuk- of toezeggingnummer' })
  @IsOptional()
  @Matches(/^([1-9]\d{4}(-[A-Z0-9]{1,6})?-[1-9]\d{0,4}|TZ\d{6}-[1-9]\d{0,4}|TZ\d{4,8})$/, { message: 'moet een Kamerstuknummer (29628-1230) of toezeggingnummer (TZ202412-156) zijn' })
  nummer?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Tekst(LIMIET.kort)
  titel?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Tekst(LIMIET.tekst)
  tekst?: string;

  @ApiPropertyOptional({ example: '2024/25', nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsVergaderjaar()
  vergaderjaar?: string | null;

  @ApiPropertyOptional({ example: '2025-05-28' })
  @IsOptional()
  @IsBusinessDate()
  datum?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Tekst(LIMIET.kort)
  debat?: string;

  @ApiPropertyOptional({ type: [LidDto] })
  @IsOptional()
  @IsArray({ message: 'moet een lijst zijn' })
  @ArrayMaxSize(LIMIET.leden, { message: `mag hoogstens ${LIMIET.leden} leden bevatten` })
  @ValidateNested({ each: true })
  @Type(() => LidDto)
  leden?: LidDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @Tekst(LIMIET.naam)
  bewindspersoon?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Tekst(LIMIET.naam)
  ministerie?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Tekst(LIMIET.naam)
  thema?: string;
}

export class CorrigeerRegistratieRequestDto {
  @ApiProperty({ type: CorrectiesDto })
  @IsNotEmptyObject({ nullable: false }, { message: 'moet ten minste één veld noemen dat wordt gecorrigeerd' })
  @ValidateNested()
  @Type(() => CorrectiesDto)
  correcties!: CorrectiesDto;

  @ApiProperty({ example: 'Verkeerd Kamerstuknummer overgenomen uit de voetnoot' })
  @Tekst(LIMIET.kort)
  reden!: string;

  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @IsInt({ message: 'moet een geheel getal zijn' })
  @Min(0, { message: 'mag niet negatief zijn' })
  verwachteRevisie?: number;

  toCommand(): CorrigeerRegistratie {
    const { leden: nieuweLeden, ...rest } = this.correcties;
    const correcties: Partial<Registratie> = { ...rest, ...(nieuweLeden ? { leden: leden(nieuweLeden) } : {}) };
    return { type: 'CorrigeerRegistratie', correcties, reden: this.reden };
  }
}
