import { ApiProperty } from '@nestjs/swagger';

export class HerinneringOntvangerDto {
  @ApiProperty()
  email!: string;

  @ApiProperty()
  naam!: string;
}

export class HerinneringItemVermeldingDto {
  @ApiProperty({ description: 'Op de lijst "over de termijn" (anders: binnenkort)' })
  achterstallig!: boolean;

  @ApiProperty({ format: 'date' })
  termijnDatum!: string;
}

export class HerinneringResponseDto {
  @ApiProperty({ format: 'uuid' })
  herinneringId!: string;

  @ApiProperty({ enum: ['behandelaar', 'bewindspersoon'], description: 'Het dagelijkse overzicht van een behandelaar of het weekoverzicht van een bewindspersoon' })
  soort!: string;

  @ApiProperty({ example: '2026-12-03', description: 'De dag, of de ISO-week (2026-W49) van een weekoverzicht' })
  periode!: string;

  @ApiProperty({ format: 'date', description: 'De dag waarvoor de lijsten zijn opgesteld' })
  datum!: string;

  @ApiProperty({ type: HerinneringOntvangerDto })
  ontvanger!: HerinneringOntvangerDto;

  @ApiProperty({ type: String, nullable: true })
  bewindspersoon!: string | null;

  @ApiProperty()
  onderwerp!: string;

  @ApiProperty({ example: '<herinnering-…@minjenv.nl>' })
  messageId!: string;

  @ApiProperty({ enum: ['Voorbereid', 'Verstuurd', 'Mislukt'], description: 'Voorbereid: vastgelegd, nog geen antwoord van de mailserver' })
  status!: string;

  @ApiProperty({ description: 'Verzendpogingen met een uitkomst' })
  pogingen!: number;

  @ApiProperty({ description: 'Mislukt en niet opnieuw te proberen (de mailserver weigerde)' })
  blijvend!: boolean;

  @ApiProperty({ type: String, nullable: true })
  reden!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Het antwoord van de mailserver bij aanname (250 …)' })
  smtpAntwoord!: string | null;

  @ApiProperty({ description: 'Verstuurd door een run na een onderbroken verzending (een tweede kopie met dezelfde Message-ID is dan mogelijk)' })
  hervat!: boolean;

  @ApiProperty({ format: 'date-time' })
  voorbereidOp!: string;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  verstuurdOp!: string | null;

  @ApiProperty()
  aantalAchterstallig!: number;

  @ApiProperty()
  aantalBinnenkort!: number;

  @ApiProperty({ type: HerinneringItemVermeldingDto, required: false, description: 'Met itemId: hoe dit item erin stond' })
  item?: HerinneringItemVermeldingDto;
}

export class HerinneringenPaginaResponseDto {
  @ApiProperty()
  totaal!: number;

  @ApiProperty()
  pagina!: number;

  @ApiProperty()
  perPagina!: number;

  @ApiProperty({ type: [HerinneringResponseDto], description: 'Nieuwste eerst' })
  herinneringen!: HerinneringResponseDto[];
}
