import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { OptioneleDatumVeld, QueryGetalVeld, VrijeTekstVeld } from '../http/dto/fields';
import { MinimalePositieDto } from '../items/queries/haal-item/minimale-positie.request.dto';

/** minimalePositie: the run's positie, to see what it just recorded. */
export class HerinneringenRequestDto extends MinimalePositieDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Alleen de herinneringen die dit item noemden (met hoe: over de termijn of binnenkort)' })
  @IsOptional()
  @IsUUID('all', { message: 'moet de identiteit (UUID) van een motie of toezegging zijn' })
  itemId?: string;

  @VrijeTekstVeld(254, { description: 'Alleen die aan dit e-mailadres (zonder hoofdletters vergeleken)', example: 'j.devries@example.org' })
  ontvanger?: string;

  @OptioneleDatumVeld({ description: 'Opgesteld voor deze dag of later', example: '2026-12-01' })
  vanaf?: string;

  @OptioneleDatumVeld({ description: 'Opgesteld voor deze dag of eerder', example: '2026-12-31' })
  tot?: string;

  @QueryGetalVeld({ min: 1, max: 100_000, teGroot: 'is te groot' }, { default: 1, minimum: 1 })
  pagina = 1;

  @QueryGetalVeld({ min: 1, max: 200, teGroot: 'mag hoogstens 200 zijn' }, { default: 50, minimum: 1, maximum: 200 })
  perPagina = 50;
}
