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
import { DraagOverRequestDto } from './draag-over.request.dto';

@ApiTags('items')
@Rollen('griffier')
@Controller('api/items')
export class DraagOverHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/overdracht')
  @HttpCode(200)
  @ApiOperation({ summary: 'Draag een item over aan een andere bewindspersoon of ander ministerie' })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiConflictResponse({ description: 'Het item is intussen gewijzigd (verwachteRevisie klopt niet)' })
  @ApiFouten()
  handle(@Param('id', ItemIdPipe) id: string, @Body() body: DraagOverRequestDto, @Meta() meta: CommandMetadata): Promise<CommandResultDto> {
    return this.commands.execute(new WijzigItemCommand(id, body.toCommand(), meta, body.verwachteRevisie));
  }
}
