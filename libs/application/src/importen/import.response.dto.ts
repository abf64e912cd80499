import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class IngelezenResponseDto {
  @ApiProperty({ format: 'uuid', description: 'De import; afgeleid van de inhoud, dus hetzelfde document geeft dezelfde import' })
  batchId!: string;

  @ApiProperty({ description: 'Onwaar als precies dit document al eerder is ingelezen: er komt niets nieuws bij' })
  nieuw!: boolean;

  @ApiProperty({ example: 41 })
  voorstellen!: number;

  @ApiProperty({ example: 3, description: 'Items die het register al heeft zoals dit document ze noemt' })
  alBekend!: number;

  @ApiProperty({ example: '1234' })
  positie!: string;
}

export class LidResponseDto {
  @ApiProperty() naam!: string;
  @ApiProperty({ type: String, nullable: true }) fractie!: string | null;
}

export class VoorstelGegevensDto {
  @ApiProperty({ enum: ['motie', 'toezegging'] }) soort!: 'motie' | 'toezegging';
  @ApiProperty({ type: String, nullable: true, example: '35925-VI-96' }) nummer!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Het nummer zoals het document het schrijft' }) nummerInBron!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2021/22' }) vergaderjaar!: string | null;
  @ApiProperty() titel!: string;
  @ApiProperty({ type: [LidResponseDto] }) leden!: LidResponseDto[];
  @ApiProperty({ enum: ['afgedaan', 'deels-afgedaan', 'in-behandeling'], nullable: true }) status!: string | null;
  @ApiProperty({ enum: ['behandeld', 'genoemd'] }) rol!: 'behandeld' | 'genoemd';
  @ApiProperty({ description: 'Regel in de tekst van het document waar het item begint' }) regel!: number;
  @ApiProperty({ description: 'De zin die de status laat zien' }) bewijs!: string;
  @ApiProperty() bewijsRegel!: number;
  @ApiProperty({ type: String, nullable: true }) thema!: string | null;
  @ApiProperty({ type: String, nullable: true }) debat!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) datum!: string | null;
  @ApiProperty() tekst!: string;
  @ApiProperty({ type: String, nullable: true }) afgedaanIn!: string | null;
  @ApiProperty({ minimum: 0, maximum: 1 }) zekerheid!: number;
}

export class VoorstelMatchDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() nummer!: string;
  @ApiProperty() titel!: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) score!: number;
  @ApiProperty({ enum: ['nummer', 'titel-en-leden', 'kamer'], description: 'kamer: het item waarin een eerder voorstel over hetzelfde Kamer-record aanvaard of samengevoegd is' }) op!: 'nummer' | 'titel-en-leden' | 'kamer';
}

export class VoorstelKamerDto {
  @ApiProperty({ example: 'Toezegging' }) entiteit!: string;
  @ApiProperty({ description: 'Het Id van het record in het Gegevensmagazijn' }) id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Openstaand', description: 'De status zoals de Kamer hem noemt' }) status!: string | null;
  @ApiProperty({ description: 'Het record in de open data van de Kamer' }) url!: string;
}

export class VoorstelCorrectiesDto {
  @ApiPropertyOptional({ description: 'De nieuwe tekst van het item' }) tekst?: string;
}

export class VoorstelResponseDto {
  @ApiProperty({ example: '7d0c…-uuid.12', description: 'Import-id en volgnummer: het adres van het voorstel' }) id!: string;
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({ example: '12' }) voorstelId!: string;
  @ApiProperty({ enum: ['registratie', 'statuswijziging'], description: 'Een nieuw item, of een statuswijziging van een item dat het register al heeft' }) soortVoorstel!: 'registratie' | 'statuswijziging';
  @ApiProperty({ type: VoorstelGegevensDto }) gegevens!: VoorstelGegevensDto;
  @ApiProperty({ type: VoorstelMatchDto, nullable: true }) match!: VoorstelMatchDto | null;
  @ApiProperty({ type: [String] }) waarschuwingen!: string[];
  @ApiProperty({ type: VoorstelCorrectiesDto, nullable: true, description: 'Een correctie van de registratie die de bron vraagt (de Kamer wijzigde de tekst); aanvaarden voert haar uit' }) correcties!: VoorstelCorrectiesDto | null;
  @ApiProperty({ type: VoorstelKamerDto, nullable: true, description: 'Alleen bij een voorstel uit de open data van de Tweede Kamer: het record waar het uit komt' }) kamer!: VoorstelKamerDto | null;
  @ApiProperty({ enum: ['open', 'besloten', 'aanvaard', 'samengevoegd', 'afgewezen', 'vervangen', 'ingetrokken'], description: 'besloten: een griffier besloot, de registerstappen lopen nog; vervangen: een nieuwere versie uit de open data van de Kamer kwam ervoor in de plaats; ingetrokken: de Kamer verwijderde het record, of het hoort niet meer bij dit ministerie' }) afhandeling!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) itemId!: string | null;
  @ApiProperty({ type: String, nullable: true }) reden!: string | null;
  @ApiProperty({ type: [String], description: 'Wat het aanvaarden deed: registratie, afdoening, deelafdoening, voortgang' }) stappen!: string[];
  @ApiProperty({ type: [String] }) gewijzigdeVelden!: string[];
  @ApiProperty({ type: String, nullable: true }) afgehandeldDoor!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) afgehandeldOp!: string | null;
}

export class ImportSamenvattingDto {
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty() bestandsnaam!: string;
  @ApiProperty({ enum: ['txt', 'docx', 'pdf', 'xlsx', 'csv', 'odata'], description: 'odata: de voorstellen uit de open data van de Tweede Kamer' }) formaat!: string;
  @ApiProperty({ description: 'SHA-256 van het document' }) sha256!: string;
  @ApiProperty() bytes!: number;
  @ApiProperty() ingelezenDoor!: string;
  @ApiProperty({ format: 'date-time' }) ingelezenOp!: string;
  @ApiProperty({ format: 'date', description: 'De datum van het bericht: de zakelijke datum van wat het voorstelt' }) datum!: string;
  @ApiProperty() referentie!: string;
  @ApiProperty() aantal!: number;
  @ApiProperty() open!: number;
}

export class ImportLijstDto {
  @ApiProperty({ type: [ImportSamenvattingDto] }) importen!: ImportSamenvattingDto[];
  @ApiProperty() positie!: string;
}

export class BriefDto {
  @ApiProperty({ type: String, nullable: true, format: 'date' }) datum!: string | null;
  @ApiProperty({ type: String, nullable: true }) kenmerk!: string | null;
  @ApiProperty({ type: String, nullable: true }) onderwerp!: string | null;
}

export class AanvullendeZaakDto {
  @ApiProperty() titel!: string;
  @ApiProperty() regel!: number;
}

export class ImportDetailDto extends ImportSamenvattingDto {
  @ApiProperty({ type: BriefDto }) brief!: BriefDto;
  @ApiProperty({ type: [String] }) waarschuwingen!: string[];
  @ApiProperty({ type: [AanvullendeZaakDto] }) aanvullendeZaken!: AanvullendeZaakDto[];
  @ApiProperty() alBekend!: number;
  @ApiProperty({ type: [VoorstelResponseDto] }) voorstellen!: VoorstelResponseDto[];
  @ApiProperty({ type: [String], description: 'De tekst die de lezer van het document maakte, per regel (regel 1 is het eerste element)' }) regels!: string[];
  @ApiProperty() positie!: string;
}

export class VoorstelLijstDto {
  @ApiProperty({ type: [VoorstelResponseDto] }) voorstellen!: VoorstelResponseDto[];
  @ApiProperty({ description: 'Voorstellen die aan het filter voldoen, over alle pagina’s' }) totaal!: number;
  @ApiProperty() pagina!: number;
  @ApiProperty() perPagina!: number;
  @ApiProperty() positie!: string;
}

export class AfhandelingResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['aanvaard', 'samengevoegd', 'afgewezen'] }) afhandeling!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) itemId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'INT-1A2B3C4D5E6F', description: 'Het nummer van het item (een toezegging zonder Kamernummer kreeg er een van het register)' }) nummer!: string | null;
  @ApiProperty({ type: [String] }) stappen!: string[];
  @ApiProperty({ description: 'Wacht met minimalePositie hierop om het resultaat in register en inbox te zien' }) positie!: string;
}

export class MisluktDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() melding!: string;
}

export class BulkAanvaardingResponseDto {
  @ApiProperty({ type: [AfhandelingResponseDto] }) aanvaard!: AfhandelingResponseDto[];
  @ApiProperty({ type: [MisluktDto], description: 'Voorstellen die niet konden worden aanvaard, met de reden; pas ze aan en aanvaard ze los' }) mislukt!: MisluktDto[];
  @ApiProperty() positie!: string;
}
