import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BerichtItemResponseDto, BerichtZaakResponseDto } from '../halfjaarberichten/halfjaarbericht.response.dto';
import { ItemPageResponseDto, ItemResponseDto } from '../items/queries/item.response.dto';

class PeilmomentDto {
  @ApiProperty({ enum: ['vastgelegd', 'zakelijk'] }) as!: 'vastgelegd' | 'zakelijk';
  @ApiPropertyOptional({ format: 'date-time' }) moment?: string;
  @ApiPropertyOptional({ example: '2025-07-01' }) datum?: string;
}

export class TijdreisPageResponseDto extends ItemPageResponseDto {
  @ApiProperty({ type: PeilmomentDto }) peilmoment!: PeilmomentDto;
  @ApiProperty({ enum: ['leesmodel', 'log'], description: 'Waarmee het vouwen begon: het register zoals het nu is (leesmodel), of het log alleen (log)' }) bron!: 'leesmodel' | 'log';
}

/** A halfjaarbericht as its events made it up to the peilmoment. */
class TijdreisBerichtDto {
  @ApiProperty() titel!: string;
  @ApiProperty({ enum: ['Concept', 'Verzonden'] }) status!: 'Concept' | 'Verzonden';
  @ApiProperty({ example: '2025-06-01' }) peildatum!: string;
  @ApiProperty({ type: String, nullable: true, example: '2025-06-20' }) verzondenOp!: string | null;
  @ApiProperty({ type: String, nullable: true }) kamerstuk!: string | null;
  @ApiProperty({ type: [BerichtItemResponseDto] }) items!: BerichtItemResponseDto[];
  @ApiProperty({ type: [BerichtZaakResponseDto] }) zaken!: BerichtZaakResponseDto[];
}

export class TijdreisBerichtResponseDto {
  @ApiProperty({ type: PeilmomentDto }) peilmoment!: PeilmomentDto;
  @ApiProperty({ description: 'Was het bericht op dat moment al aangemaakt?' }) bestond!: boolean;
  @ApiProperty({ type: TijdreisBerichtDto, nullable: true, description: 'null als het bericht toen nog niet bestond' }) bericht!: TijdreisBerichtDto | null;
}

export class TijdreisItemResponseDto {
  @ApiProperty({ type: PeilmomentDto }) peilmoment!: PeilmomentDto;
  @ApiProperty({ type: ItemResponseDto, nullable: true, description: 'null als het item toen nog niet bestond' }) item!: ItemResponseDto | null;
  @ApiProperty({ description: 'Was het item op dat moment al geregistreerd?' }) bestond!: boolean;
  @ApiProperty({ format: 'date-time', description: 'Het moment van dit antwoord, om het peilmoment mee te vergelijken' }) nu!: string;
}
