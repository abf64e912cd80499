import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EMAIL_MAX, ROLLEN, Rol } from '@register/access';
import { IsEmail, IsIn, IsOptional, Matches, MaxLength } from 'class-validator';

export class GebruikerToevoegenRequestDto {
  @ApiProperty({ example: 'griffier.jansen', description: '2–100 letters, cijfers, . _ @ -' })
  @Matches(/^[\p{L}\p{N}._@-]{2,100}$/u, { message: 'moet 2–100 letters, cijfers of . _ @ - zijn' })
  naam!: string;

  @ApiProperty({ enum: ROLLEN })
  @IsIn(ROLLEN, { message: `moet een van ${ROLLEN.join(', ')} zijn` })
  rol!: Rol;

  @ApiPropertyOptional({ example: 'j.devries@example.org', format: 'email', maxLength: EMAIL_MAX, description: '"Mijn items" toont de items waarvan dit adres de behandelaar is' })
  @IsOptional()
  @MaxLength(EMAIL_MAX, { message: `mag hoogstens ${EMAIL_MAX} tekens lang zijn` })
  @IsEmail({}, { message: 'moet een geldig e-mailadres zijn, zoals j.devries@example.org' })
  email?: string;
}
