import { ApiProperty } from '@nestjs/swagger';
import { ROLLEN, Rol } from './rollen';

export class IkResponseDto {
  @ApiProperty({ example: 'griffier.jansen' }) naam!: string;
  @ApiProperty({ enum: ROLLEN, isArray: true, description: 'De rollen van het token; de web-app toont alleen wat zij toestaan' }) rollen!: Rol[];
}
