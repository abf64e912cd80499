import { ApiProperty } from '@nestjs/swagger';
import { Gebruiker, ROLLEN, Rol } from '@register/access';

export class GebruikerResponseDto implements Gebruiker {
  @ApiProperty({ example: 'griffier.jansen' }) naam!: string;
  @ApiProperty({ enum: ROLLEN }) rol!: Rol;
  @ApiProperty({ type: String, format: 'email', nullable: true, description: 'Het e-mailadres, of null als er geen is gegeven' }) email!: string | null;
  @ApiProperty({ format: 'date-time' }) aangemaaktOp!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Wanneer de gebruiker en zijn tokens zijn ingetrokken; null zolang hij actief is' }) ingetrokkenOp!: string | null;
}

/** A new user with its token: the only answer that ever shows the token. */
export class NieuweGebruikerResponseDto {
  @ApiProperty({ example: 'griffier.jansen' }) naam!: string;
  @ApiProperty({ enum: ROLLEN }) rol!: Rol;
  @ApiProperty({ type: String, format: 'email', nullable: true }) email!: string | null;
  @ApiProperty({ example: 'mtr_…', description: 'Het token; het is daarna niet meer op te vragen' }) token!: string;
}
