import { LEZERS, Rollen } from '@register/access';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RegisterQuery } from '@register/read-models';
import type { Response } from 'express';
import { ItemIdPipe } from '../../../http/item-id.pipe';
import { ItemNietGevondenError } from '../../register.errors';
import { ItemResponseDto } from '../item.response.dto';
import { RegisterReadService } from '../register-read.service';
import { MinimalePositieDto } from './minimale-positie.request.dto';

@ApiTags('register')
@Rollen(...LEZERS)
@Controller('api/items')
export class HaalItemHttpController {
  constructor(
    private readonly register: RegisterReadService,
    private readonly query: RegisterQuery,
  ) {}

  @Get('nummer/:nummer')
  @ApiOperation({ summary: 'Eén item op zijn Kamerstuk- of toezeggingnummer' })
  @ApiOkResponse({ type: ItemResponseDto })
  @ApiNotFoundResponse({ description: 'Geen item met dit nummer' })
  @ApiQuery({ name: 'minimalePositie', required: false })
  async opNummer(@Param('nummer') nummer: string, @Query() q: MinimalePositieDto, @Res({ passthrough: true }) res: Response): Promise<ItemResponseDto> {
    await this.register.wachtOp(q.minimalePositie);
    res.setHeader('X-Leesmodel-Positie', this.register.positie());
    const item = await this.register.een(await this.query.byNummer(nummer.trim().toUpperCase()));
    if (!item) throw new ItemNietGevondenError(`met nummer ${nummer.slice(0, 60)}`);
    return item;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Eén item op zijn identiteit' })
  @ApiOkResponse({ type: ItemResponseDto })
  @ApiNotFoundResponse({ description: 'Onbekend item' })
  @ApiQuery({ name: 'minimalePositie', required: false })
  async opId(@Param('id', ItemIdPipe) id: string, @Query() q: MinimalePositieDto, @Res({ passthrough: true }) res: Response): Promise<ItemResponseDto> {
    await this.register.wachtOp(q.minimalePositie);
    res.setHeader('X-Leesmodel-Positie', this.register.positie());
    const item = await this.register.een(await this.query.byId(id));
    if (!item) throw new ItemNietGevondenError(id);
    return item;
  }
}
