import { ApiProperty } from '@nestjs/swagger';
import { RappelBewindspersoon, RappelItem, RappelModel, RappelVerschuiving } from './rappel.model';

class RappelLidResponseDto {
  @ApiProperty() naam!: string;
  @ApiProperty({ nullable: true, type: String }) fractie!: string | null;
}

class RappelTermijnResponseDto {
  @ApiProperty({ example: 'voor de zomer' }) omschrijving!: string;
  @ApiProperty({ example: '2025-07-01' }) datum!: string;
}

class RappelEerdereTermijnResponseDto {
  @ApiProperty({ example: 'voor de zomer' }) omschrijving!: string;
  @ApiProperty({ nullable: true, type: String, example: '2025-07-01' }) datum!: string | null;
}

class RappelVerschuivingResponseDto implements RappelVerschuiving {
  @ApiProperty({ example: '2025-06-20', description: 'Zakelijke datum van de wijziging' }) op!: string;
  @ApiProperty({ type: RappelEerdereTermijnResponseDto, description: 'De termijn vóór de wijziging' }) van!: RappelEerdereTermijnResponseDto;
  @ApiProperty() reden!: string;
}

class RappelItemResponseDto implements RappelItem {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ enum: ['motie', 'toezegging'] }) soort!: 'motie' | 'toezegging';
  @ApiProperty({ example: 'TZ202412-156' }) nummer!: string;
  @ApiProperty() titel!: string;
  @ApiProperty({ type: [RappelLidResponseDto], description: 'Motie: indieners. Toezegging: de leden aan wie zij is gedaan' }) leden!: RappelLidResponseDto[];
  @ApiProperty({ enum: ['InBehandeling', 'DeelsAfgedaan'] }) status!: 'InBehandeling' | 'DeelsAfgedaan';
  @ApiProperty({ type: RappelTermijnResponseDto }) termijn!: RappelTermijnResponseDto;
  @ApiProperty({ description: 'Revisie van het item; geef die mee als verwachteRevisie bij POST /api/items/{id}/termijn' }) revisie!: number;
  @ApiProperty({ type: [RappelVerschuivingResponseDto], description: 'Elke eerdere termijn, oudste eerst (uit de TermijnGewijzigd-events van het item); hoe vaak: de lengte' })
  verschuivingen!: RappelVerschuivingResponseDto[];
}

class RappelBewindspersoonResponseDto implements RappelBewindspersoon {
  @ApiProperty({ example: 'minister van Justitie en Veiligheid' }) bewindspersoon!: string;
  @ApiProperty({ type: [String], example: ['JenV'] }) ministeries!: string[];
  @ApiProperty({ type: [RappelItemResponseDto], description: 'Open, en de termijndatum ligt vóór de peildatum; oudste termijn eerst' }) verstreken!: RappelItemResponseDto[];
  @ApiProperty({ type: [RappelItemResponseDto], description: 'Open, en de termijndatum ligt op of na de peildatum en vóór de volgende peildatum' }) komend!: RappelItemResponseDto[];
  @ApiProperty({ description: 'Open items van deze bewindspersoon zonder termijndatum: die staan niet op de lijsten' }) zonderTermijndatum!: number;
}

/** The rappel per bewindspersoon: what passed its termijn, and what passes it before the next peildatum. */
export class RappelResponseDto implements RappelModel {
  @ApiProperty({ example: '2026-01-01' }) peildatum!: string;
  @ApiProperty({ example: '2026-07-01', description: 'Een half jaar na de peildatum' }) volgendePeildatum!: string;
  @ApiProperty({ nullable: true, type: String, description: 'De gevraagde bewindspersoon, zoals getypt; null voor allemaal' }) bewindspersoon!: string | null;
  @ApiProperty({ example: '42', description: 'De positie in het log die het register weergaf' }) positie!: string;
  @ApiProperty({ type: [RappelBewindspersoonResponseDto], description: 'Alleen bewindspersonen met ten minste één item op een van de lijsten, op naam' }) bewindspersonen!: RappelBewindspersoonResponseDto[];
}
