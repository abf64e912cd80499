import { Controller, Get, Param, Query, Res, applyDecorators } from '@nestjs/common';
import type { Response } from 'express';
import { ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Rollen } from '@register/access';
import { Clock } from '@register/platform';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsBusinessDate } from '../http/dto/validators';
import { ItemIdPipe } from '../http/item-id.pipe';
import { ItemKortResponseDto, ItemResponseDto } from '../items/queries/item.response.dto';
import { LijstItemsRequestDto } from '../items/queries/lijst-items/lijst-items.request.dto';
import { TijdreisBerichtResponseDto, TijdreisItemResponseDto, TijdreisPageResponseDto } from './tijdreis.response.dto';
import { TijdreisBron, TijdreisDrukError, TijdreisService, peilmoment } from './tijdreis.service';

const OpMoment = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'Vastgelegd: wat het register zei op dit moment (ISO-8601 met tijdzone)', example: '2025-07-01T07:00:00Z' }),
    IsOptional(),
    Matches(/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/, { message: 'moet een tijdstip zijn zoals 2025-07-01T09:00:00+02:00' }),
  );
const OpDatum = () => applyDecorators(ApiPropertyOptional({ description: 'Zakelijk: de stand op deze datum, met wat we nu weten', example: '2025-07-01' }), IsOptional(), IsBusinessDate() as PropertyDecorator);

export class PeilmomentRequestDto {
  @OpMoment()
  opMoment?: string;

  @OpDatum()
  opDatum?: string;
}

/** The register's own filters, sorting and paging, on a peilmoment. */
export class TijdreisRegisterRequestDto extends LijstItemsRequestDto {
  @OpMoment()
  opMoment?: string;

  @OpDatum()
  opDatum?: string;

  @ApiPropertyOptional({
    enum: ['leesmodel', 'log'],
    default: 'leesmodel',
    description: 'leesmodel: begin bij het register zoals het nu is en vouw alleen de items die na het peilmoment veranderden opnieuw uit het log (snel). log: vouw alles uit het log alleen, los van de leesmodellen (bij een miljoen events enkele seconden).',
  })
  @IsOptional()
  @IsIn(['leesmodel', 'log'], { message: 'moet leesmodel of log zijn' })
  bron?: TijdreisBron;
}

@ApiTags('audit')
@ApiExtraModels(ItemResponseDto, ItemKortResponseDto)
@Rollen('auditor')
@Controller('api/audit')
export class TijdreisHttpController {
  constructor(
    private readonly tijdreis: TijdreisService,
    private readonly clock: Clock,
  ) {}

  @Get('register')
  @ApiOperation({
    // The id clients were generated with, kept now that the method has a name of its own.
    operationId: 'TijdreisHttpController_register',
    summary: 'Het register zoals het was: vastgelegd op een moment (opMoment) of zakelijk op een datum (opDatum), met de filters, sortering en pagina\'s van het register',
    description:
      'Op een aparte thread: vanaf het register zoals het nu is, met alleen de items die na het peilmoment veranderden opnieuw gevouwen uit het log (`bron=log`: alles uit het log). Een volgende pagina van hetzelfde peilmoment is snel. `positie`: het log is tot en met deze positie verwerkt; `bron`: waarmee het vouwen begon. Zoeken: elk woord als begin van een woord, zoals het register op SQLite.',
  })
  @ApiOkResponse({ type: TijdreisPageResponseDto })
  @ApiServiceUnavailableResponse({ description: 'Er worden al enkele andere peilmomenten opgebouwd; probeer het na Retry-After opnieuw' })
  async registerOp(@Query() q: TijdreisRegisterRequestDto, @Res({ passthrough: true }) res: Response): Promise<TijdreisPageResponseDto> {
    const p = peilmoment(q.opMoment, q.opDatum);
    const peildatum = q.achterstalligOp ?? (p.as === 'zakelijk' ? p.datum : p.moment.slice(0, 10));
    const { pagina, positie, bron } = await this.tijdreis.registerOp(p, q.registerFilter(), q.bron).catch((error: unknown) => {
      if (error instanceof TijdreisDrukError) res.setHeader('Retry-After', '30');
      throw error;
    });
    const items = q.weergave === 'kort' ? pagina.items.map((r) => ItemKortResponseDto.kort(r, peildatum)) : pagina.items.map((r) => ItemResponseDto.from(r, peildatum, new Map()));
    return { peilmoment: p, bron, totaal: pagina.totaal, pagina: q.pagina, perPagina: q.perPagina, peildatum, positie, items };
  }

  @Get('halfjaarberichten/:id')
  @ApiOperation({ summary: 'Een halfjaarbericht zoals het was, op een van beide assen' })
  @ApiOkResponse({ type: TijdreisBerichtResponseDto })
  @ApiNotFoundResponse({ description: 'Onbekend halfjaarbericht' })
  async bericht(@Param('id', ItemIdPipe) id: string, @Query() q: PeilmomentRequestDto): Promise<TijdreisBerichtResponseDto> {
    const p = peilmoment(q.opMoment, q.opDatum);
    const bericht = await this.tijdreis.bericht(id, p);
    return { peilmoment: p, bestond: bericht !== null, bericht };
  }

  @Get('items/:id')
  @ApiOperation({ summary: 'Eén item zoals het was, op een van beide assen' })
  @ApiOkResponse({ type: TijdreisItemResponseDto })
  @ApiNotFoundResponse({ description: 'Onbekend item' })
  async item(@Param('id', ItemIdPipe) id: string, @Query() q: PeilmomentRequestDto): Promise<TijdreisItemResponseDto> {
    const p = peilmoment(q.opMoment, q.opDatum);
    const row = await this.tijdreis.item(id, p);
    return { peilmoment: p, item: row ? ItemResponseDto.from(row, p.as === 'zakelijk' ? p.datum : p.moment.slice(0, 10), new Map()) : null, bestond: row !== null, nu: this.clock.now().toISOString() };
  }
}
