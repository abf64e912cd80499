import { Rollen } from '@register/access';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Meta } from '../../../http/command-meta.decorator';
import { CommandResultDto } from '../../../http/command-result.dto';
import { ItemIdPipe } from '../../../http/item-id.pipe';
import { ApiFouten } from '../../../http/problem.responses';
import { CommandMetadata } from '../../../command-metadata';
import { WijzigItemCommand } from '../../item.commands';
import { WijsBehandelaarToeRequestDto } from './wijs-behandelaar-toe.request.dto';

@ApiTags('items')
@Rollen('griffier')
@Controller('api/items')
export class WijsBehandelaarToeHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/behandelaar')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Wijs een behandelaar toe, of een andere dan de huidige',
    description: 'Ook bij een afgedaan item (wie de brief schreef blijft het aanspreekpunt); niet bij een vervallen item. De vorige behandelaar blijft in de historie.',
  })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiConflictResponse({ description: 'Het item is intussen gewijzigd (verwachteRevisie klopt niet)' })
  @ApiFouten()
  handle(@Param('id', ItemIdPipe) id: string, @Body() body: WijsBehandelaarToeRequestDto, @Meta() meta: CommandMetadata): Promise<CommandResultDto> {
    return this.commands.execute(new WijzigItemCommand(id, body.toCommand(), meta, body.verwachteRevisie));
  }
}
