import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLLEN, Rol } from './rollen';

export class IkResponseDto {
  @ApiProperty({ example: 'griffier.jansen' }) naam!: string;
  @ApiProperty({ enum: ROLLEN, isArray: true, description: 'De rollen van het token; de web-app toont alleen wat zij toestaan' }) rollen!: Rol[];
  @ApiPropertyOptional({ example: 'j.devries@example.org', description: 'Het e-mailadres, als het bekend is (van de gebruiker, of de claim email van het OIDC-token): "Mijn items" zoekt de items waarvan dit de behandelaar is' })
  email?: string;
}
