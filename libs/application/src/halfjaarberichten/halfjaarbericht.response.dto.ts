import { ApiProperty } from '@nestjs/swagger';
import { AanvullendeZaak, BerichtItem, VERKLAARDE_STATUSSEN, VerklaardeStatus } from '@register/domain';
import { HalfjaarberichtRow, OPEN_STATUSSEN } from '@register/read-models';
import { LidResponseDto } from '../items/queries/item.response.dto';
import { BijlageItem, BijlageZaak } from './bijlage/bijlage.model';
import { BerichtResultaat } from './halfjaarbericht.service';

const BERICHT_STATUSSEN = ['Concept', 'Verzonden'];

/** What every change to a halfjaarbericht answers. */
export class BerichtResultaatDto implements BerichtResultaat {
  @ApiProperty({ format: 'uuid' }) berichtId!: string;
  @ApiProperty({ example: 3, description: 'De revisie van het bericht na deze wijziging; geef die mee als verwachteRevisie bij de verzending' }) revisie!: number;
  @ApiProperty({ example: '42', description: 'Globale positie van het event; geef die mee als minimalePositie om op de leesmodellen te wachten' }) positie!: string;
}

export class ZaakResultaatDto extends BerichtResultaatDto {
  @ApiProperty({ format: 'uuid', description: 'De identiteit van de nieuwe aanvullende zaak' }) zaakId!: string;
}

/** A report in the list: everything but its entries. */
export class HalfjaarberichtSamenvattingDto implements Omit<HalfjaarberichtRow, 'document'> {
  @ApiProperty({ format: 'uuid' }) berichtId!: string;
  @ApiProperty({ example: 2025 }) jaar!: number;
  @ApiProperty({ enum: [1, 2] }) helft!: number;
  @ApiProperty({ example: 'Eerste halfjaarbericht politie 2025' }) titel!: string;
  @ApiProperty({ example: '2025-06-01' }) peildatum!: string;
  @ApiProperty({ enum: BERICHT_STATUSSEN }) status!: 'Concept' | 'Verzonden';
  @ApiProperty({ type: String, nullable: true, example: '2025-06-20' }) verzondenOp!: string | null;
  @ApiProperty({ type: String, nullable: true }) kenmerk!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Kamerstukken II 2024/25, 29628, nr. 1270' }) kamerstuk!: string | null;
  @ApiProperty() revisie!: number;
}

/** An item as the annex shows it. */
export class BijlageItemResponseDto implements BijlageItem {
  @ApiProperty({ description: 'Volgnummer binnen de lijst (toezeggingen of moties)' }) volgnummer!: number;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ enum: ['motie', 'toezegging'] }) soort!: 'motie' | 'toezegging';
  @ApiProperty({ example: '29628-1230' }) nummer!: string;
  @ApiProperty() titel!: string;
  @ApiProperty({ example: 'De motie van het lid Boswijk c.s. over …' }) omschrijving!: string;
  @ApiProperty({ type: [LidResponseDto] }) leden!: readonly LidResponseDto[];
  @ApiProperty({ example: 'Kamerstukken II 2024/25, 29628, nr. 1230', description: 'Waar de motie is ingediend of de toezegging gedaan' }) vindplaats!: string;
  @ApiProperty() sectie!: string;
  @ApiProperty({ description: 'Wat het ministerie deed: de tekst van dit bericht' }) tekst!: string;
  @ApiProperty({ enum: VERKLAARDE_STATUSSEN }) status!: VerklaardeStatus;
  @ApiProperty() statuszin!: string;
  @ApiProperty({ description: 'De kolom "Stand van zaken" van de tabel' }) standVanZaken!: string;
}

export class BijlageZaakResponseDto implements BijlageZaak {
  @ApiProperty() volgnummer!: number;
  @ApiProperty({ format: 'uuid' }) zaakId!: string;
  @ApiProperty() sectie!: string;
  @ApiProperty() titel!: string;
  @ApiProperty() tekst!: string;
}

class BijlageTellingResponseDto {
  @ApiProperty() afgedaan!: number;
  @ApiProperty() deelsAfgedaan!: number;
  @ApiProperty() inBehandeling!: number;
}

class NietGedektItemResponseDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ enum: ['motie', 'toezegging'] }) soort!: 'motie' | 'toezegging';
  @ApiProperty({ example: '29628-1230' }) nummer!: string;
  @ApiProperty() titel!: string;
  @ApiProperty({ enum: OPEN_STATUSSEN }) status!: string;
  @ApiProperty({ type: String, nullable: true, example: '2025-07-01' }) termijnDatum!: string | null;
  @ApiProperty() bewindspersoon!: string;
}

class NietGedektResponseDto {
  @ApiProperty({ description: 'Hoeveel open items het bericht niet noemt' }) totaal!: number;
  @ApiProperty({ type: [NietGedektItemResponseDto], description: 'De eerste 500, vroegste termijn eerst' }) items!: NietGedektItemResponseDto[];
}

class VorigBerichtResponseDto {
  @ApiProperty({ format: 'uuid' }) berichtId!: string;
  @ApiProperty() titel!: string;
}

class BerichtVergelijkingResponseDto {
  @ApiProperty({ type: VorigBerichtResponseDto }) vorigBericht!: VorigBerichtResponseDto;
  @ApiProperty({ type: [String], description: 'Items (itemId) die dit bericht afgedaan verklaart en het vorige niet' }) nieuwAfgedaan!: string[];
  @ApiProperty({ type: [String], description: 'Items (itemId) die het vorige bericht niet noemde' }) nieuw!: string[];
  @ApiProperty({ type: [String], description: 'Items (itemId) die ook het vorige noemde en nog niet afgedaan zijn' }) nogOpen!: string[];
  @ApiProperty({ type: [String], description: 'Items (itemId) van het vorige bericht die dit niet meer noemt' }) nietMeerGenoemd!: string[];
}

/** One report as the clerk and the liaison read it. */
export class HalfjaarberichtOverzichtDto extends HalfjaarberichtSamenvattingDto {
  @ApiProperty({ type: [String] }) secties!: readonly string[];
  @ApiProperty({ type: [BijlageItemResponseDto] }) toezeggingen!: readonly BijlageItemResponseDto[];
  @ApiProperty({ type: [BijlageItemResponseDto] }) moties!: readonly BijlageItemResponseDto[];
  @ApiProperty({ type: [BijlageZaakResponseDto] }) aanvullendeZaken!: readonly BijlageZaakResponseDto[];
  @ApiProperty({ type: BijlageTellingResponseDto }) telling!: BijlageTellingResponseDto;
  @ApiProperty({ type: NietGedektResponseDto, description: 'Open items geregistreerd tot de peildatum die het bericht niet noemt: waar de Kamer naar zal vragen' }) nietGedekt!: NietGedektResponseDto;
  @ApiProperty({ type: BerichtVergelijkingResponseDto, nullable: true, description: 'Wat veranderde sinds het vorige bericht; null als er geen vorig is' }) vergelijking!: BerichtVergelijkingResponseDto | null;
}

/** An entry of a report as it stood: which item, in which section, with what text and status. */
export class BerichtItemResponseDto implements BerichtItem {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ enum: ['motie', 'toezegging'] }) soort!: 'motie' | 'toezegging';
  @ApiProperty() sectie!: string;
  @ApiProperty() tekst!: string;
  @ApiProperty({ enum: VERKLAARDE_STATUSSEN }) status!: VerklaardeStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Bij deels-afgedaan: welk deel' }) deel!: string | null;
}

export class BerichtZaakResponseDto implements AanvullendeZaak {
  @ApiProperty({ format: 'uuid' }) zaakId!: string;
  @ApiProperty() sectie!: string;
  @ApiProperty() titel!: string;
  @ApiProperty() tekst!: string;
}
