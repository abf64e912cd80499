import { ApiProperty } from '@nestjs/swagger';

export class AgendaFilterResponseDto {
  @ApiProperty({ required: false, enum: [true] })
  mijn?: boolean;

  @ApiProperty({ required: false })
  directie?: string;

  @ApiProperty({ required: false })
  bewindspersoon?: string;
}

export class AgendaAbonnementResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'De gebruiker van wie het abonnement is' })
  eigenaar!: string;

  @ApiProperty({ type: AgendaFilterResponseDto })
  filter!: AgendaFilterResponseDto;

  @ApiProperty({ example: 'mijn items', description: 'Het filter in woorden, zoals de agenda heet' })
  omschrijving!: string;

  @ApiProperty({ format: 'date-time' })
  aangemaaktOp!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  ingetrokkenOp!: string | null;
}

export class NieuwAgendaAbonnementResponseDto extends AgendaAbonnementResponseDto {
  @ApiProperty({ example: '/agenda/3q2-7wEjY8f0cQ0xk6mJq0N1nH5r2bq5m6y3m9n0y4U.ics', description: 'Het adres van de agenda op deze server; het geheim erin wordt alleen nu getoond' })
  url!: string;

  @ApiProperty({ example: 'https://register.minjenv.nl/agenda/3q2-….ics', description: 'Hetzelfde adres op het adres van de web-app (WEB_URL): om in Outlook toe te voegen als agenda van internet' })
  volledigeUrl!: string;

  @ApiProperty({ example: 'webcal://register.minjenv.nl/agenda/3q2-….ics', description: 'Hetzelfde als webcal://, dat het agendaprogramma meteen opent' })
  webcalUrl!: string;
}
