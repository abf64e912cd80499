import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rollen } from '@register/access';
import { ItemIdPipe } from '../http/item-id.pipe';
import { ItemEventStore } from '../items/item-event-store';
import { ItemNietGevondenError } from '../items/register.errors';
import { historieRegel } from './historie';
import { HistorieResponseDto } from './historie.response.dto';

@ApiTags('audit')
@Controller('api/items')
export class HistorieHttpController {
  constructor(private readonly items: ItemEventStore) {}

  @Get(':id/historie')
  @Rollen('auditor', 'griffier')
  @ApiOperation({ summary: 'De volledige historie van een item: elk event met zakelijke datum, moment van vastleggen, wie, opdracht en wat er veranderde' })
  @ApiOkResponse({ type: HistorieResponseDto })
  @ApiNotFoundResponse({ description: 'Onbekend item' })
  async historie(@Param('id', ItemIdPipe) id: string): Promise<HistorieResponseDto> {
    const item = await this.items.load(id);
    if (!item) throw new ItemNietGevondenError(id);
    return { itemId: id, soort: item.soort, events: item.events.map(historieRegel) };
  }
}
