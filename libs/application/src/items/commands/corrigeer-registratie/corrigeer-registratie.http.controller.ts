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
import { CorrigeerRegistratieRequestDto } from './corrigeer-registratie.request.dto';

@ApiTags('items')
@Rollen('griffier')
@Controller('api/items')
export class CorrigeerRegistratieHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/correcties')
  @HttpCode(200)
  @ApiOperation({ summary: 'Corrigeer registratiegegevens (het origineel blijft in de historie)' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiConflictResponse({ description: 'Het item is intussen gewijzigd (verwachteRevisie klopt niet)' })
  @ApiFouten()
  handle(@Param('id', ItemIdPipe) id: string, @Body() body: CorrigeerRegistratieRequestDto, @Meta() meta: CommandMetadata): Promise<CommandResultDto> {
    return this.commands.execute(new WijzigItemCommand(id, body.toCommand(), meta, body.verwachteRevisie));
  }
}
