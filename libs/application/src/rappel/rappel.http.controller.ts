import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { LEZERS, Rollen } from '@register/access';
import type { Response } from 'express';
import { RegisterReadService } from '../items/queries/register-read.service';
import { RAPPEL_CONTENT_TYPES, bestandsnaam, render } from './rappel.renderers';
import { RappelRequestDto } from './rappel.request.dto';
import { RappelResponseDto } from './rappel.response.dto';
import { RappelService } from './rappel.service';

@ApiTags('rappel')
@ApiExtraModels(RappelResponseDto)
@Controller('api/rappel')
export class RappelHttpController {
  constructor(
    private readonly rappels: RappelService,
    private readonly register: RegisterReadService,
  ) {}

  @Get()
  @Rollen(...LEZERS)
  @ApiOperation({
    summary:
      'De rappel van de Eerste Kamer: per bewindspersoon de open items waarvan de termijn vóór de peildatum verstreek en die waarvan hij vóór de volgende peildatum verstrijkt, met hoe vaak en wanneer de termijn eerder verschoof',
  })
  @ApiProduces('application/json', ...Object.values(RAPPEL_CONTENT_TYPES))
  @ApiOkResponse({
    description: 'De rappel; met formaat=html een pagina om te tonen, met docx of csv een download met een lege kolom "Nieuwe prognose"',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(RappelResponseDto) } },
      [RAPPEL_CONTENT_TYPES.html]: { schema: { type: 'string' } },
      [RAPPEL_CONTENT_TYPES.docx]: { schema: { type: 'string', format: 'binary' } },
      [RAPPEL_CONTENT_TYPES.csv]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiBadRequestResponse({ description: 'Ongeldige peildatum, bewindspersoon of formaat; `fouten` noemt per veld wat er mis is (application/problem+json)' })
  async rappel(@Query() q: RappelRequestDto, @Res({ passthrough: true }) res: Response): Promise<RappelResponseDto | StreamableFile> {
    await this.register.wachtOp(q.minimalePositie);
    const model = await this.rappels.rappel({ peildatum: q.peildatum, bewindspersoon: q.bewindspersoon });
    if (q.formaat === 'json') return model as RappelResponseDto;
    res.setHeader('Content-Type', RAPPEL_CONTENT_TYPES[q.formaat]);
    res.setHeader('Content-Disposition', `${q.formaat === 'html' ? 'inline' : 'attachment'}; filename="${bestandsnaam(model, q.formaat)}"`);
    return new StreamableFile(await render(model, q.formaat));
  }
}
