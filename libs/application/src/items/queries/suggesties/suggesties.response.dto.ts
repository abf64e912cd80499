import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ZOEKVELDEN } from '@register/read-models';

export class SuggestieResponseDto {
  @ApiProperty({ example: 'Van Nispen', description: 'De waarde zoals het register haar kent; als filter kiest zij precies deze' }) waarde!: string;
  @ApiPropertyOptional({ example: 'SP', description: 'Bij een Kamerlid: de fractie' }) toelichting?: string;
  @ApiProperty({ example: 12, description: 'Aantal items met deze waarde (open en gesloten)' }) aantal!: number;
}

export class SuggestiesResponseDto {
  @ApiProperty({ enum: ZOEKVELDEN }) veld!: string;
  @ApiProperty({ example: 'nisp' }) q!: string;
  @ApiProperty({ type: [SuggestieResponseDto], description: 'Eerst wat met het getypte begint, dan wat het vaakst voorkomt' }) suggesties!: SuggestieResponseDto[];
}
