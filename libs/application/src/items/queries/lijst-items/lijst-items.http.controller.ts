import { LEZERS, Rollen } from '@register/access';
import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { ItemKortResponseDto, ItemPageResponseDto, ItemResponseDto } from '../item.response.dto';
import { RegisterReadService } from '../register-read.service';
import { LijstItemsRequestDto } from './lijst-items.request.dto';
import { EXPORT_CONTENT_TYPES } from './register-export';

const BESTAND = { schema: { type: 'string', format: 'binary' } } as const;

@ApiTags('register')
@ApiExtraModels(ItemResponseDto, ItemKortResponseDto)
@Rollen(...LEZERS)
@Controller('api/items')
export class LijstItemsHttpController {
  constructor(private readonly register: RegisterReadService) {}

  @Get()
  @ApiOperation({ summary: 'Het register: moties en toezeggingen, gefilterd, gezocht, gesorteerd en per pagina' })
  @ApiProduces('application/json', EXPORT_CONTENT_TYPES.csv, EXPORT_CONTENT_TYPES.xlsx)
  @ApiOkResponse({
    description: 'Een pagina van het register; met formaat=csv of xlsx alle rijen die aan de filters voldoen, als bestand',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ItemPageResponseDto) } },
      [EXPORT_CONTENT_TYPES.csv]: BESTAND,
      [EXPORT_CONTENT_TYPES.xlsx]: BESTAND,
    },
  })
  @ApiExtraModels(ItemPageResponseDto)
  @ApiBadRequestResponse({ description: 'Ongeldige filterwaarde' })
  async lijst(@Query() q: LijstItemsRequestDto, @Res({ passthrough: true }) res: Response): Promise<ItemPageResponseDto | StreamableFile> {
    await this.register.wachtOp(q.minimalePositie);
    if (q.formaat) {
      const { inhoud, peildatum } = this.register.export(q.registerFilter(), q.formaat, q.achterstalligOp);
      res.setHeader('Content-Type', EXPORT_CONTENT_TYPES[q.formaat]);
      res.setHeader('Content-Disposition', `attachment; filename="register-${peildatum}.${q.formaat}"`);
      return new StreamableFile(inhoud);
    }
    return this.register.lijst(
      q.registerFilter(),
      q.achterstalligOp,
      q.weergave,
    );
  }
}
