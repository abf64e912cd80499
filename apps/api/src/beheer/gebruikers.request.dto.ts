import { ApiProperty } from '@nestjs/swagger';
import { ROLLEN, Rol } from '@register/access';
import { IsIn, Matches } from 'class-validator';

export class GebruikerToevoegenRequestDto {
  @ApiProperty({ example: 'griffier.jansen', description: '2–100 letters, cijfers, . _ @ -' })
  @Matches(/^[\p{L}\p{N}._@-]{2,100}$/u, { message: 'moet 2–100 letters, cijfers of . _ @ - zijn' })
  naam!: string;

  @ApiProperty({ enum: ROLLEN })
  @IsIn(ROLLEN, { message: `moet een van ${ROLLEN.join(', ')} zijn` })
  rol!: Rol;
}
