import { Rollen } from '@register/access';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { nieuwItemId } from '../../nieuw-item-id';
import { Meta } from '../../../http/command-meta.decorator';
import { CommandResultDto } from '../../../http/command-result.dto';
import { ApiFouten } from '../../../http/problem.responses';
import { CommandMetadata } from '../../../command-metadata';
import { RegistreerItemCommand } from '../../item.commands';
import { RegistreerToezeggingRequestDto } from './registreer-toezegging.request.dto';

@ApiTags('toezeggingen')
@Rollen('griffier')
@Controller('api/toezeggingen')
export class RegistreerToezeggingHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Registreer een toezegging van een bewindspersoon' })
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiConflictResponse({ description: 'Het toezeggingnummer is al in gebruik door een ander item' })
  @ApiFouten()
  registreer(@Body() body: RegistreerToezeggingRequestDto, @Meta() meta: CommandMetadata): Promise<CommandResultDto> {
    return this.commands.execute(new RegistreerItemCommand(body.toCommand(nieuwItemId(meta)), meta));
  }
}
