import { Rollen } from '@register/access';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Meta } from '../../../http/command-meta.decorator';
import { CommandResultDto } from '../../../http/command-result.dto';
import { ItemIdPipe } from '../../../http/item-id.pipe';
import { ApiFouten } from '../../../http/problem.responses';
import { CommandMetadata } from '../../../command-metadata';
import { KoppelItemCommand } from '../../item.commands';
import { KoppelRequestDto } from './koppel.request.dto';

@ApiTags('items')
@Rollen('griffier')
@Controller('api/items')
export class KoppelHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/koppelingen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Koppel een item aan een ander: meegenomen in, herhaling van, samen behandeld met' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiConflictResponse({ description: 'Het item is intussen gewijzigd (verwachteRevisie klopt niet)' })
  @ApiFouten()
  handle(@Param('id', ItemIdPipe) id: string, @Body() body: KoppelRequestDto, @Meta() meta: CommandMetadata): Promise<CommandResultDto> {
    return this.commands.execute(new KoppelItemCommand(id, body.toKoppeling(), meta, body.verwachteRevisie));
  }
}
