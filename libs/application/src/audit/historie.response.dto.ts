import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HistorieRegel } from './historie';

class VeldWijzigingResponseDto {
  @ApiProperty({ example: 'titel' }) veld!: string;
  @ApiProperty({ description: 'De oude waarde als tekst; (leeg) of (geen) als er geen was' }) oud!: string;
  @ApiProperty({ description: 'De nieuwe waarde als tekst' }) nieuw!: string;
}

class HistorieRegelResponseDto implements HistorieRegel {
  @ApiProperty({ description: 'Revisie van het item na dit event' }) revisie!: number;
  @ApiProperty({ example: '42', description: 'Globale positie van het event' }) positie!: string;
  @ApiProperty({ example: 'MotieAfgedaan' }) event!: string;
  @ApiProperty({ type: String, nullable: true, example: '2025-06-20', description: 'Zakelijke datum van het feit; een correctie heeft er geen' }) datum!: string | null;
  @ApiProperty({ format: 'date-time', description: 'Moment van vastleggen' }) vastgelegdOp!: string;
  @ApiProperty({ description: 'Wie het vastlegde' }) door!: string;
  @ApiProperty() commandId!: string;
  @ApiProperty() correlationId!: string;
  @ApiPropertyOptional({ description: 'Waar de wijziging vandaan kwam als die niet met de hand is ingevoerd (een import: welk document, welk voorstel)' }) bron?: string;
  @ApiProperty({ example: 'Afgedaan (kamerstuk: Kamerstukken II 2024/25, 29628, nr. 1260): Afgedaan.' }) samenvatting!: string;
  @ApiPropertyOptional({ type: [VeldWijzigingResponseDto], description: 'Per veld wat het was en wat het werd, bij een correctie, een nieuwe termijn of een overdracht' }) wijzigingen?: readonly VeldWijzigingResponseDto[];
}

export class HistorieResponseDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ enum: ['motie', 'toezegging'] }) soort!: string;
  @ApiProperty({ type: [HistorieRegelResponseDto], description: 'Elk event van het item, oudste eerst' }) events!: HistorieRegelResponseDto[];
}
