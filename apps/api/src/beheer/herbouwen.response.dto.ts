import { ApiProperty } from '@nestjs/swagger';

export class HerbouwResponseDto {
  @ApiProperty({ example: '987678', description: 'Globale positie tot waar de leesmodellen opnieuw zijn opgebouwd' }) positie!: string;
  @ApiProperty({ example: 5400, description: 'Hoe lang het herbouwen duurde, in milliseconden' }) duurMs!: number;
}
