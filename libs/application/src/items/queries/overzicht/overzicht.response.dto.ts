import { ApiProperty } from '@nestjs/swagger';
import { OpenPerMaand, RegisterTelling, Telling } from '@register/read-models';

class TellingResponseDto implements Telling {
  @ApiProperty({ example: 'minister van Justitie en Veiligheid', description: 'De bewindspersoon, het thema, de fractie of het lid' }) waarde!: string;
  @ApiProperty() open!: number;
  @ApiProperty({ description: 'Open en de termijndatum ligt vóór de peildatum' }) achterstallig!: number;
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
  @ApiProperty({ type: [TellingResponseDto] }) perBewindspersoon!: TellingResponseDto[];
  @ApiProperty({ type: [TellingResponseDto] }) perThema!: TellingResponseDto[];
  @ApiProperty({ type: [TellingResponseDto], description: 'Per fractie van de indieners of de leden' }) perFractie!: TellingResponseDto[];
  @ApiProperty({ type: [TellingResponseDto], description: 'De leden met de meeste open items' }) perLid!: TellingResponseDto[];
  @ApiProperty({ type: [OpenPerMaandResponseDto], description: 'Open items aan het eind van elke maand, tot en met de maand van de peildatum' }) verloop!: OpenPerMaandResponseDto[];
}
