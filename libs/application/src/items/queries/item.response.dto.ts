import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { RegisterItem } from '@register/read-models';

export class LidResponseDto {
  @ApiProperty() naam!: string;
  @ApiProperty({ nullable: true, type: String }) fractie!: string | null;
}

class TermijnResponseDto {
  @ApiProperty() omschrijving!: string;
  @ApiProperty({ nullable: true, type: String }) datum!: string | null;
}

class VoortgangResponseDto {
  @ApiProperty() datum!: string;
  @ApiProperty() tekst!: string;
}

class WijzeResponseDto {
  @ApiProperty({ enum: ['kamerstuk', 'halfjaarbericht', 'brief-ander-ministerie'] }) soort!: string;
  @ApiProperty() referentie!: string;
  @ApiPropertyOptional() ministerie?: string;
}

class AfdoeningResponseDto {
  @ApiProperty() datum!: string;
  @ApiProperty({ type: WijzeResponseDto }) wijze!: WijzeResponseDto;
  @ApiProperty() toelichting!: string;
}

class DeelAfdoeningResponseDto {
  @ApiProperty() datum!: string;
  @ApiProperty() deel!: string;
  @ApiProperty({ type: WijzeResponseDto }) bewijs!: WijzeResponseDto;
}

class KoppelingResponseDto {
  @ApiProperty({ enum: ['meegenomen-in', 'herhaling-van', 'samen-behandeld-met'] }) relatie!: string;
  @ApiProperty({ format: 'uuid' }) doelItemId!: string;
  @ApiProperty({ description: 'Het huidige nummer van het andere item' }) doelNummer!: string;
}

export class BehandelaarResponseDto {
  @ApiProperty({ example: 'J. de Vries' }) naam!: string;
  @ApiProperty({ example: 'j.devries@example.org' }) email!: string;
  @ApiProperty({ example: 'Directie Politie' }) directie!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Afdeling Politiebestel' }) afdeling!: string | null;
}

class LaatsteWijzigingResponseDto {
  @ApiProperty({ description: 'Moment van vastleggen (ISO-8601, UTC)' }) op!: string;
  @ApiProperty({ example: 'MotieAfgedaan' }) event!: string;
  @ApiProperty() door!: string;
}

/** An item as a list shows it: what the register table and the liaison's page need, no long texts. */
export class ItemKortResponseDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ enum: ['motie', 'toezegging'] }) soort!: string;
  @ApiProperty({ example: '29628-1230' }) nummer!: string;
  @ApiProperty({ enum: ['kamer', 'intern'], description: 'intern: het register gaf het nummer, de Kamer had er geen' }) nummerBron!: string;
  @ApiProperty({ nullable: true, type: String, example: '2024/25' }) vergaderjaar!: string | null;
  @ApiProperty() titel!: string;
  @ApiProperty({ description: 'Zakelijke datum van de motie of toezegging' }) datum!: string;
  @ApiProperty({ type: [LidResponseDto], description: 'Motie: indieners (eerste eerst). Toezegging: de leden aan wie zij is gedaan' }) leden!: LidResponseDto[];
  @ApiProperty() bewindspersoon!: string;
  @ApiProperty() ministerie!: string;
  @ApiProperty() thema!: string;
  @ApiProperty({ type: BehandelaarResponseDto, nullable: true, description: 'De eigenaar binnen het ministerie; null zolang er geen is toegewezen' }) behandelaar!: BehandelaarResponseDto | null;
  @ApiProperty({ enum: ['InBehandeling', 'DeelsAfgedaan', 'Afgedaan', 'Vervallen'] }) status!: string;
  @ApiProperty({ type: TermijnResponseDto, nullable: true }) termijn!: TermijnResponseDto | null;
  @ApiProperty({ description: 'Open en de termijndatum ligt vóór de peildatum (vandaag, of achterstalligOp)' }) achterstallig!: boolean;
  @ApiProperty({ description: 'Revisie van het item; geef die mee als verwachteRevisie' }) revisie!: number;
  @ApiProperty({ type: LaatsteWijzigingResponseDto }) laatsteWijziging!: LaatsteWijzigingResponseDto;

  static kort(row: RegisterItem, peildatum: string): ItemKortResponseDto {
    const open = row.status === 'InBehandeling' || row.status === 'DeelsAfgedaan';
    return {
      itemId: row.itemId,
      soort: row.soort,
      nummer: row.nummer,
      nummerBron: row.nummerBron,
      vergaderjaar: row.vergaderjaar,
      titel: row.titel,
      datum: row.datum,
      leden: row.leden,
      bewindspersoon: row.bewindspersoon,
      ministerie: row.ministerie,
      thema: row.thema,
      behandelaar:
        row.behandelaarEmail === null
          ? null
          : { naam: row.behandelaarNaam ?? '', email: row.behandelaarEmail, directie: row.behandelaarDirectie ?? '', afdeling: row.behandelaarAfdeling },
      status: row.status,
      termijn: row.termijnOmschrijving === null ? null : { omschrijving: row.termijnOmschrijving, datum: row.termijnDatum },
      achterstallig: open && row.termijnDatum !== null && row.termijnDatum < peildatum,
      revisie: row.revisie,
      laatsteWijziging: { op: row.laatsteWijzigingOp, event: row.laatsteWijziging, door: row.laatsteWijzigingDoor },
    };
  }
}

/** An item with everything the register knows of it. */
export class ItemResponseDto extends ItemKortResponseDto {
  @ApiProperty() tekst!: string;
  @ApiProperty() debat!: string;
  @ApiProperty({ type: [VoortgangResponseDto] }) voortgang!: VoortgangResponseDto[];
  @ApiProperty({ type: AfdoeningResponseDto, nullable: true }) afdoening!: AfdoeningResponseDto | null;
  @ApiProperty({ type: [DeelAfdoeningResponseDto] }) deelAfdoeningen!: DeelAfdoeningResponseDto[];
  @ApiProperty({ nullable: true, type: String }) heropendOp!: string | null;
  @ApiProperty({ nullable: true, type: String }) vervallenReden!: string | null;
  @ApiProperty({ type: [KoppelingResponseDto] }) koppelingen!: KoppelingResponseDto[];
  @ApiProperty() geregistreerdOp!: string;

  static from(row: RegisterItem, peildatum: string, nummers: Map<string, string>): ItemResponseDto {
    return {
      ...ItemKortResponseDto.kort(row, peildatum),
      tekst: row.tekst,
      debat: row.debat,
      voortgang: row.voortgang,
      afdoening: row.afdoening,
      deelAfdoeningen: row.deelAfdoeningen,
      heropendOp: row.heropendOp,
      vervallenReden: row.vervallenReden,
      koppelingen: row.koppelingen.map((k) => ({ ...k, doelNummer: nummers.get(k.doelItemId) ?? k.doelNummer })),
      geregistreerdOp: row.geregistreerdOp,
    };
  }
}

export class ItemPageResponseDto {
  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(ItemResponseDto) }, { $ref: getSchemaPath(ItemKortResponseDto) }] },
    description: 'Volledige items, of met weergave=kort alleen de velden van ItemKortResponseDto',
  })
  items!: (ItemResponseDto | ItemKortResponseDto)[];
  @ApiProperty({ description: 'Aantal items dat aan het filter voldoet' }) totaal!: number;
  @ApiProperty() pagina!: number;
  @ApiProperty() perPagina!: number;
  @ApiProperty({ description: 'Peildatum voor "achterstallig"' }) peildatum!: string;
  @ApiProperty({ description: 'Globale positie die het leesmodel heeft verwerkt' }) positie!: string;
}
