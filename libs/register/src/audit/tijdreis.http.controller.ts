import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Rollen } from '@register/access';
import { Clock } from '@register/platform';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsBusinessDate } from '../http/dto/validators';
import { ItemIdPipe } from '../http/item-id.pipe';
import { ItemResponseDto } from '../queries/item.response.dto';
import { TijdreisService, peilmoment } from './tijdreis.service';

export class TijdreisRequestDto {
  @ApiPropertyOptional({ description: 'Vastgelegd: wat het register zei op dit moment (ISO-8601 met tijdzone)', example: '2025-07-01T07:00:00Z' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/, { message: 'moet een tijdstip zijn zoals 2025-07-01T09:00:00+02:00' })
  opMoment?: string;

  @ApiPropertyOptional({ description: 'Zakelijk: de stand op deze datum, met wat we nu weten', example: '2025-07-01' })
  @IsOptional()
  @IsBusinessDate()
  opDatum?: string;

  @ApiPropertyOptional({ enum: ['motie', 'toezegging'] })
  @IsOptional()
  @IsIn(['motie', 'toezegging'], { message: 'moet motie of toezegging zijn' })
  soort?: 'motie' | 'toezegging';

  @ApiPropertyOptional({ enum: ['open'] })
  @IsOptional()
  @IsIn(['open'], { message: 'kan alleen open zijn' })
  status?: 'open';
}

@ApiTags('audit')
@Rollen('auditor')
@Controller('api/audit')
export class TijdreisHttpController {
  constructor(
    private readonly tijdreis: TijdreisService,
    private readonly clock: Clock,
  ) {}

  @Get('register')
  @ApiOperation({ summary: 'Het register zoals het was: vastgelegd op een moment (opMoment) of zakelijk op een datum (opDatum)' })
  async register(@Query() q: TijdreisRequestDto) {
    const p = peilmoment(q.opMoment, q.opDatum);
    const peildatum = p.as === 'zakelijk' ? p.datum : p.moment.slice(0, 10);
    const rows = await this.tijdreis.register(p, { soort: q.soort, open: q.status === 'open' });
    return { peilmoment: p, totaal: rows.length, items: rows.map((r) => ItemResponseDto.from(r, peildatum, new Map())) };
  }

  @Get('halfjaarberichten/:id')
  @ApiOperation({ summary: 'Een halfjaarbericht zoals het was, op een van beide assen' })
  async bericht(@Param('id', ItemIdPipe) id: string, @Query() q: TijdreisRequestDto) {
    const p = peilmoment(q.opMoment, q.opDatum);
    const bericht = await this.tijdreis.bericht(id, p);
    return { peilmoment: p, bestond: bericht !== null, bericht };
  }

  @Get('items/:id')
  @ApiOperation({ summary: 'Eén item zoals het was, op een van beide assen' })
  async item(@Param('id', ItemIdPipe) id: string, @Query() q: TijdreisRequestDto) {
    const p = peilmoment(q.opMoment, q.opDatum);
    const row = await this.tijdreis.item(id, p);
    return { peilmoment: p, item: row ? ItemResponseDto.from(row, p.as === 'zakelijk' ? p.datum : p.moment.slice(0, 10), new Map()) : null, bestond: row !== null, nu: this.clock.now().toISOString() };
  }
}
