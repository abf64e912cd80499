import { ApiProperty } from '@nestjs/swagger';

export class BulkBewindspersoonDto {
  @ApiProperty({ example: 'minister van Asiel en Migratie' }) bewindspersoon!: string;
  @ApiProperty({ example: 'AenM' }) ministerie!: string;
}

export class BulkTermijnDto {
  @ApiProperty({ example: 'voor de zomer' }) omschrijving!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2025-07-01' }) datum!: string | null;
}

/** The request as it was decided. */
export class BulkOpdrachtDto {
  @ApiProperty({ enum: ['overdracht', 'termijnwijziging'] }) soort!: 'overdracht' | 'termijnwijziging';
  @ApiProperty({ required: false, description: 'Overdracht: de vertrekkende bewindspersoon' }) van?: string;
  @ApiProperty({ type: BulkBewindspersoonDto, required: false, description: 'Overdracht: de opvolger' }) naar?: BulkBewindspersoonDto;
  @ApiProperty({ type: BulkTermijnDto, required: false, description: 'Termijnwijziging: de nieuwe termijn' }) termijn?: BulkTermijnDto;
  @ApiProperty({ format: 'date' }) datum!: string;
  @ApiProperty() reden!: string;
  @ApiProperty({ type: [String], nullable: true, description: 'De gekozen items; null: alle open items van de bewindspersoon' }) itemIds!: string[] | null;
}

export class BulkItemDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ enum: ['motie', 'toezegging'] }) soort!: 'motie' | 'toezegging';
  @ApiProperty({ example: '29628-1230' }) nummer!: string;
  @ApiProperty({ description: 'De titel, ingekort tot 100 tekens (het item zelf heeft haar volledig)' }) titel!: string;
  @ApiProperty({ example: 'minister van Justitie en Veiligheid (JenV)', description: 'Wat de wijziging vervangt: de bewindspersoon (ministerie), of de termijn' }) huidig!: string;
}

export class OvergeslagenItemDto extends BulkItemDto {
  @ApiProperty({ example: 'item-al-afgedaan' }) code!: string;
  @ApiProperty({ example: 'De motie 29628-1230 is al afgedaan op 2025-06-01.' }) melding!: string;
}

export class BulkItemUitkomstDto extends BulkItemDto {
  @ApiProperty({ enum: ['uitgevoerd', 'al-gedaan', 'geweigerd'], nullable: true, description: 'uitgevoerd: staat in de historie van het item; al-gedaan: was al zo; geweigerd: de regels van het item lieten het niet toe (zie melding). Null zolang de wijziging loopt.' })
  uitkomst!: 'uitgevoerd' | 'al-gedaan' | 'geweigerd' | null;
  @ApiProperty({ type: String, nullable: true, example: 'gewijzigd-sinds-besluit', description: 'Bij al-gedaan en geweigerd: waarom (ook `gewijzigd-sinds-besluit`: wat de wijziging zou vervangen is na het besluit door iemand anders gewijzigd, en blijft zo)' })
  code!: string | null;
  @ApiProperty({ type: String, nullable: true }) melding!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'De revisie van het item na deze wijziging' }) revisie!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'De positie van het event in het log' }) positie!: string | null;
}

export class BulkTellingDto {
  @ApiProperty() uitgevoerd!: number;
  @ApiProperty() alGedaan!: number;
  @ApiProperty() geweigerd!: number;
}

export class BulkwijzigingResponseDto {
  @ApiProperty({ format: 'uuid', description: 'Afgeleid van de Idempotency-Key (per gebruiker)' }) id!: string;
  @ApiProperty({ enum: ['overdracht', 'termijnwijziging'] }) soort!: 'overdracht' | 'termijnwijziging';
  @ApiProperty({ enum: ['in-uitvoering', 'afgerond'], description: 'in-uitvoering: besloten, nog niet elk item verwerkt (stuur hetzelfde verzoek met dezelfde Idempotency-Key opnieuw om het af te maken)' }) status!: 'in-uitvoering' | 'afgerond';
  @ApiProperty({ type: BulkOpdrachtDto }) opdracht!: BulkOpdrachtDto;
  @ApiProperty() beslotenDoor!: string;
  @ApiProperty({ format: 'date-time' }) beslotenOp!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) afgerondOp!: string | null;
  @ApiProperty({ type: [BulkItemUitkomstDto], description: 'Elk item waarover werd besloten, met wat ermee gebeurde' }) items!: BulkItemUitkomstDto[];
  @ApiProperty({ type: [OvergeslagenItemDto], description: 'Items die blijven zoals ze zijn, met de reden (hoogstens 1000 genoemd)' }) overgeslagen!: OvergeslagenItemDto[];
  @ApiProperty() aantalOvergeslagen!: number;
  @ApiProperty({ type: BulkTellingDto }) telling!: BulkTellingDto;
  @ApiProperty({ example: '1234', description: 'Geef mee als minimalePositie om het register met alle wijzigingen te zien' }) positie!: string;
}

export class EerderBesluitDto {
  @ApiProperty({ enum: ['in-uitvoering', 'afgerond'] }) status!: 'in-uitvoering' | 'afgerond';
  @ApiProperty() beslotenDoor!: string;
  @ApiProperty({ format: 'date-time' }) beslotenOp!: string;
}

export class BulkVoorbeeldResponseDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'De id die het verzoek krijgt wanneer het met dezelfde Idempotency-Key wordt uitgevoerd; null zonder sleutel' })
  id!: string | null;
  @ApiProperty({ enum: ['overdracht', 'termijnwijziging'] }) soort!: 'overdracht' | 'termijnwijziging';
  @ApiProperty({ type: BulkOpdrachtDto }) opdracht!: BulkOpdrachtDto;
  @ApiProperty({ type: [BulkItemDto], description: 'De items die worden gewijzigd' }) items!: BulkItemDto[];
  @ApiProperty({ type: [OvergeslagenItemDto], description: 'Items die blijven zoals ze zijn, met de reden (hoogstens 1000 genoemd)' }) overgeslagen!: OvergeslagenItemDto[];
  @ApiProperty() aantalOvergeslagen!: number;
  @ApiProperty({ type: EerderBesluitDto, nullable: true, description: 'Dit verzoek is al eerder besloten: opnieuw sturen geeft die uitkomst (en maakt haar zo nodig af)' }) eerder!: EerderBesluitDto | null;
}

/** An item a selection names that cannot take part. */
export class WeigeringDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ type: String, nullable: true, example: '29628-1230', description: 'Null voor een onbekend item' }) nummer!: string | null;
  @ApiProperty({ example: 'item-al-afgedaan', description: 'item-niet-gevonden, andere-bewindspersoon, of de code waarmee het item zelf de wijziging weigert' }) code!: string;
  @ApiProperty({ example: 'De motie 29628-1230 is al afgedaan op 2025-06-01.' }) melding!: string;
}

/** A bulk change's problem answer (application/problem+json); `weigeringen` with `selectie-ongeldig`. */
export class BulkProbleemDto {
  @ApiProperty({ example: 'urn:register:fout:selectie-ongeldig' }) type!: string;
  @ApiProperty({ example: 'Niet toegestaan in deze status' }) title!: string;
  @ApiProperty({ example: 422 }) status!: number;
  @ApiProperty() detail!: string;
  @ApiProperty({ example: '/api/overdrachten' }) instance!: string;
  @ApiProperty({ required: false, example: 'selectie-ongeldig' }) code?: string;
  @ApiProperty({ type: [WeigeringDto], required: false, description: 'Bij selectie-ongeldig: elk gekozen item dat niet mee kan, met de reden (de melding in detail noemt er hoogstens tien)' })
  weigeringen?: WeigeringDto[];
}
