import { ApiProperty } from '@nestjs/swagger';
import { BINNENKORT_DAGEN, BehandelaarTelling, OpenPerMaand, RegisterTelling, Telling, TellingMetBinnenkort } from '@register/read-models';

class TellingResponseDto implements Telling {
  @ApiProperty({ example: 'minister van Justitie en Veiligheid', description: 'De bewindspersoon, het thema, de fractie of het lid' }) waarde!: string;
  @ApiProperty() open!: number;
  @ApiProperty({ description: 'Open en de termijndatum ligt vóór de peildatum' }) achterstallig!: number;
}

const BINNENKORT = `Open en de termijndatum ligt op de peildatum of ten hoogste ${BINNENKORT_DAGEN} dagen erna`;

class DirectieTellingResponseDto implements TellingMetBinnenkort {
  @ApiProperty({ example: 'Directie Politie', description: 'De directie van de behandelaar (zonder hoofdletters gegroepeerd)' }) waarde!: string;
  @ApiProperty() open!: number;
  @ApiProperty({ description: 'Open en de termijndatum ligt vóór de peildatum' }) achterstallig!: number;
  @ApiProperty({ description: BINNENKORT }) binnenkort!: number;
}

class BehandelaarTellingResponseDto extends DirectieTellingResponseDto implements BehandelaarTelling {
  @ApiProperty({ example: 'j.devries@example.org', description: 'Het e-mailadres van de behandelaar, in kleine letters' }) declare waarde: string;
  @ApiProperty({ example: 'J. de Vries' }) naam!: string;
  @ApiProperty({ example: 'Directie Politie' }) directie!: string;
}

class OpenPerMaandResponseDto implements OpenPerMaand {
  @ApiProperty({ example: '2025-06', description: 'JJJJ-MM' }) maand!: string;
  @ApiProperty({ description: 'Open aan het eind van die maand (op zakelijke datum)' }) open!: number;
}

/** The register's counts on the peildatum, and how many items were open month by month. */
export class OverzichtResponseDto implements RegisterTelling {
  @ApiProperty({ example: '2025-07-01' }) peildatum!: string;
  @ApiProperty() open!: number;
  @ApiProperty() achterstallig!: number;
  @ApiProperty({ description: BINNENKORT }) binnenkort!: number;
  @ApiProperty({ description: 'Open items zonder behandelaar' }) zonderBehandelaar!: number;
  @ApiProperty({ type: [TellingResponseDto] }) perBewindspersoon!: TellingResponseDto[];
  @ApiProperty({ type: [TellingResponseDto] }) perThema!: TellingResponseDto[];
  @ApiProperty({ type: [TellingResponseDto], description: 'Per fractie van de indieners of de leden' }) perFractie!: TellingResponseDto[];
  @ApiProperty({ type: [TellingResponseDto], description: 'De leden met de meeste open items' }) perLid!: TellingResponseDto[];
  @ApiProperty({ type: [DirectieTellingResponseDto], description: 'Per directie van de behandelaar; items zonder behandelaar tellen hier niet mee' }) perDirectie!: DirectieTellingResponseDto[];
  @ApiProperty({ type: [BehandelaarTellingResponseDto], description: 'Per behandelaar (op e-mailadres), de meeste open items eerst' }) perBehandelaar!: BehandelaarTellingResponseDto[];
  @ApiProperty({ type: [OpenPerMaandResponseDto], description: 'Open items aan het eind van elke maand, tot en met de maand van de peildatum' }) verloop!: OpenPerMaandResponseDto[];
}
