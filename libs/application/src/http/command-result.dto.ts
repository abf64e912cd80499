import { ApiProperty } from '@nestjs/swagger';

export class CommandResultDto {
  @ApiProperty({ format: 'uuid' })
  itemId!: string;

  @ApiProperty({ enum: ['motie', 'toezegging'] })
  soort!: 'motie' | 'toezegging';

  @ApiProperty({ example: '29628-1230' })
  nummer!: string;

  @ApiProperty({ example: 0, description: 'De revisie van het item na deze wijziging; geef die mee als verwachteRevisie bij de volgende' })
  revisie!: number;

  @ApiProperty({ example: '42', description: 'Globale positie van het event; geef die mee als minimalePositie om op de leesmodellen te wachten' })
  positie!: string;
}
