import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The open data's schema, version 1. Within v1 fields are only ever added, never renamed, retyped
 * or removed; anything else is v2 at a new address. Every field here was chosen to be public: the
 * README lists what is published and what never is (behandelaars, the audit trail's actors, reasons
 * given for corrections, termijn changes and transfers, drafts).
 */
export const OPENBAAR_SCHEMA_VERSIE = '1';

export class OpenbaarLidDto {
  @ApiProperty({ example: 'Van Nispen' }) naam!: string;
  @ApiProperty({ nullable: true, type: String, example: 'SP' }) fractie!: string | null;
}

export class OpenbareTermijnDto {
  @ApiProperty({ example: 'voor de zomer van 2025' }) omschrijving!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) datum!: string | null;
}

export class OpenbareWijzeDto {
  @ApiProperty({ enum: ['kamerstuk', 'halfjaarbericht', 'brief-ander-ministerie'] }) soort!: string;
  @ApiProperty({ example: 'Kamerstukken II 2024/25, 29628, nr. 1250' }) referentie!: string;
  @ApiPropertyOptional({ description: 'Bij brief-ander-ministerie: welk ministerie' }) ministerie?: string;
  @ApiProperty({ nullable: true, type: String, description: 'Het Kamerstuk op officielebekendmakingen.nl, als de referentie er een noemt' }) kamerstukUrl!: string | null;
}

export class OpenbareAfdoeningDto {
  @ApiProperty({ format: 'date' }) datum!: string;
  @ApiProperty({ type: OpenbareWijzeDto }) wijze!: OpenbareWijzeDto;
  @ApiProperty() toelichting!: string;
}

export class OpenbareDeelAfdoeningDto {
  @ApiProperty({ format: 'date' }) datum!: string;
  @ApiProperty() deel!: string;
  @ApiProperty({ type: OpenbareWijzeDto }) bewijs!: OpenbareWijzeDto;
}

export class OpenbareVoortgangDto {
  @ApiProperty({ format: 'date' }) datum!: string;
  @ApiProperty() tekst!: string;
}

export class OpenbareKoppelingDto {
  @ApiProperty({ enum: ['meegenomen-in', 'herhaling-van', 'samen-behandeld-met'] }) relatie!: string;
  @ApiProperty({ example: '29628-1230' }) nummer!: string;
  @ApiProperty({ description: 'De pagina van het andere item' }) url!: string;
}

export class OpenbareHistorieDto {
  @ApiProperty({ format: 'date', description: 'Zakelijke datum van de wijziging' }) datum!: string;
  @ApiProperty({ enum: ['geregistreerd', 'termijn-gewijzigd', 'afgedaan', 'deels-afgedaan', 'heropend', 'vervallen', 'overgedragen'] }) soort!: string;
  @ApiProperty({ example: 'Afgedaan met Kamerstukken II 2024/25, 29628, nr. 1250' }) omschrijving!: string;
  @ApiProperty({ description: 'Moment van vastleggen in het register (ISO-8601, UTC)' }) vastgelegdOp!: string;
}

export class OpenbaarGerapporteerdDto {
  @ApiProperty({ format: 'uuid' }) berichtId!: string;
  @ApiProperty({ example: 'Eerste halfjaarbericht politie 2025' }) bericht!: string;
  @ApiProperty({ format: 'date' }) verzondenOp!: string;
  @ApiProperty({ example: '6301234' }) kenmerk!: string;
  @ApiProperty({ enum: ['afgedaan', 'deels-afgedaan', 'in-behandeling'] }) status!: string;
  @ApiProperty({ description: 'De tekst die het halfjaarbericht over dit item gaf' }) tekst!: string;
  @ApiProperty() url!: string;
}

/** An item as the public list shows it. */
export class OpenbaarItemKortDto {
  @ApiProperty({ format: 'uuid', description: 'Blijvende sleutel van het item' }) id!: string;
  @ApiProperty({ description: 'Vaste pagina van het item: op Kamernummer als het er een heeft, anders op id' }) url!: string;
  @ApiProperty({ enum: ['motie', 'toezegging'] }) soort!: string;
  @ApiProperty({ example: '29628-1230' }) nummer!: string;
  @ApiProperty({ enum: ['kamer', 'intern'], description: 'intern: het ministerie gaf het nummer, de Kamer had er geen' }) nummerBron!: string;
  @ApiProperty({ nullable: true, type: String, example: '2024/25' }) vergaderjaar!: string | null;
  @ApiProperty() titel!: string;
  @ApiProperty({ format: 'date', description: 'Datum van de motie of toezegging' }) datum!: string;
  @ApiProperty({ type: [OpenbaarLidDto], description: 'Motie: indieners. Toezegging: de leden aan wie zij is gedaan' }) leden!: OpenbaarLidDto[];
  @ApiProperty() bewindspersoon!: string;
  @ApiProperty() ministerie!: string;
  @ApiProperty() thema!: string;
  @ApiProperty({ enum: ['InBehandeling', 'DeelsAfgedaan', 'Afgedaan', 'Vervallen'] }) status!: string;
  @ApiProperty({ type: OpenbareTermijnDto, nullable: true }) termijn!: OpenbareTermijnDto | null;
  @ApiProperty({ description: 'Open en de termijndatum is verstreken' }) achterstallig!: boolean;
}

/** An item with everything the public may see of it. */
export class OpenbaarItemDto extends OpenbaarItemKortDto {
  @ApiProperty({ example: '1' }) schemaVersie!: string;
  @ApiProperty({ description: 'Moment van de laatste wijziging in de historie: registratie, status, termijn of overdracht (ISO-8601, UTC)' }) bijgewerktOp!: string;
  @ApiProperty() tekst!: string;
  @ApiProperty({ example: 'tweeminutendebat Politie (CD 28/5)' }) debat!: string;
  @ApiProperty({ example: 'Kamerstukken II 2024/25, 29628, nr. 1230' }) vindplaats!: string;
  @ApiProperty({ nullable: true, type: String, description: 'De motie op officielebekendmakingen.nl' }) kamerstukUrl!: string | null;
  @ApiProperty({ type: [OpenbareVoortgangDto], description: 'De voortgang zoals het ministerie die meldde' }) voortgang!: OpenbareVoortgangDto[];
  @ApiProperty({ type: OpenbareAfdoeningDto, nullable: true }) afdoening!: OpenbareAfdoeningDto | null;
  @ApiProperty({ type: [OpenbareDeelAfdoeningDto] }) deelAfdoeningen!: OpenbareDeelAfdoeningDto[];
  @ApiProperty({ nullable: true, type: String }) vervallenReden!: string | null;
  @ApiProperty({ type: [OpenbareKoppelingDto] }) koppelingen!: OpenbareKoppelingDto[];
  @ApiProperty({ type: [OpenbareHistorieDto], description: 'Registratie, statuswijzigingen, termijnen en overdrachten, oudste eerst' }) historie!: OpenbareHistorieDto[];
  @ApiProperty({ type: [OpenbaarGerapporteerdDto], description: 'Wat elk verzonden halfjaarbericht over dit item meldde' }) gerapporteerd!: OpenbaarGerapporteerdDto[];
}

export class OpenbareItemPaginaDto {
  @ApiProperty({ example: '1' }) schemaVersie!: string;
  @ApiProperty({ type: [OpenbaarItemKortDto] }) items!: OpenbaarItemKortDto[];
  @ApiProperty() totaal!: number;
  @ApiProperty() pagina!: number;
  @ApiProperty() perPagina!: number;
  @ApiProperty({ format: 'date', description: 'Peildatum voor "achterstallig"' }) peildatum!: string;
}

class OpenbareTellingDto {
  @ApiProperty() afgedaan!: number;
  @ApiProperty() deelsAfgedaan!: number;
  @ApiProperty() inBehandeling!: number;
}

export class OpenbaarBerichtKortDto {
  @ApiProperty({ format: 'uuid' }) berichtId!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ example: 'Eerste halfjaarbericht politie 2025' }) titel!: string;
  @ApiProperty() jaar!: number;
  @ApiProperty({ enum: [1, 2] }) helft!: number;
  @ApiProperty({ format: 'date' }) peildatum!: string;
  @ApiProperty({ format: 'date' }) verzondenOp!: string;
  @ApiProperty() kenmerk!: string;
  @ApiProperty({ nullable: true, type: String, example: '29628-1260' }) kamerstuk!: string | null;
  @ApiProperty({ nullable: true, type: String }) kamerstukUrl!: string | null;
}

export class OpenbaarBerichtItemDto {
  @ApiProperty() volgnummer!: number;
  @ApiProperty({ enum: ['motie', 'toezegging'] }) soort!: string;
  @ApiProperty() nummer!: string;
  @ApiProperty({ description: 'De pagina van het item' }) url!: string;
  @ApiProperty({ example: 'De motie van het lid Boswijk c.s. over …' }) omschrijving!: string;
  @ApiProperty() vindplaats!: string;
  @ApiProperty() sectie!: string;
  @ApiProperty({ enum: ['afgedaan', 'deels-afgedaan', 'in-behandeling'] }) status!: string;
  @ApiProperty() tekst!: string;
  @ApiProperty() statuszin!: string;
}

export class OpenbareZaakDto {
  @ApiProperty() volgnummer!: number;
  @ApiProperty() sectie!: string;
  @ApiProperty() titel!: string;
  @ApiProperty() tekst!: string;
}

/** A sent halfjaarbericht with its annex, as it was sent. */
export class OpenbaarBerichtDto extends OpenbaarBerichtKortDto {
  @ApiProperty({ example: '1' }) schemaVersie!: string;
  @ApiProperty({ type: OpenbareTellingDto }) telling!: OpenbareTellingDto;
  @ApiProperty({ type: [OpenbaarBerichtItemDto] }) toezeggingen!: OpenbaarBerichtItemDto[];
  @ApiProperty({ type: [OpenbaarBerichtItemDto] }) moties!: OpenbaarBerichtItemDto[];
  @ApiProperty({ type: [OpenbareZaakDto] }) aanvullendeZaken!: OpenbareZaakDto[];
}

export class OpenbareBerichtenDto {
  @ApiProperty({ example: '1' }) schemaVersie!: string;
  @ApiProperty({ type: [OpenbaarBerichtKortDto], description: 'Verzonden halfjaarberichten, nieuwste eerst' }) berichten!: OpenbaarBerichtKortDto[];
}

export class OpenbareWijzigingDto {
  @ApiProperty({ format: 'uuid', description: 'Blijvende sleutel van de wijziging (het id van het event)' }) id!: string;
  @ApiProperty({ enum: ['geregistreerd', 'termijn-gewijzigd', 'afgedaan', 'deels-afgedaan', 'heropend', 'vervallen', 'overgedragen', 'bericht-verzonden'] }) soort!: string;
  @ApiProperty({ format: 'date' }) datum!: string;
  @ApiProperty() vastgelegdOp!: string;
  @ApiProperty({ example: '29628-1230: Afgedaan' }) titel!: string;
  @ApiProperty() omschrijving!: string;
  @ApiProperty({ description: 'De pagina van het item of het halfjaarbericht' }) url!: string;
}

export class OpenbareWijzigingenDto {
  @ApiProperty({ example: '1' }) schemaVersie!: string;
  @ApiProperty({ type: [OpenbareWijzigingDto], description: 'Nieuwste eerst' }) wijzigingen!: OpenbareWijzigingDto[];
}

export class OpenbareDumpDto {
  @ApiProperty({ format: 'date' }) datum!: string;
  @ApiProperty() url!: string;
  @ApiProperty() bytes!: number;
}

export class OpenbareDumpsDto {
  @ApiProperty({ example: '1' }) schemaVersie!: string;
  @ApiProperty({ type: [OpenbareDumpDto], description: 'Nieuwste eerst; de dump van vandaag wordt bij de eerste vraag gemaakt' }) dumps!: OpenbareDumpDto[];
}
