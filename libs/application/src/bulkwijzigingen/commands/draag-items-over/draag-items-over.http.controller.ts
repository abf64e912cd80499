import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rollen } from '@register/access';
import type { Response } from 'express';
import { CommandMetadata } from '../../../command-metadata';
import { Meta } from '../../../http/command-meta.decorator';
import { IdempotentDoorInhoud } from '../../../idempotency/idempotent-door-inhoud.decorator';
import { bulkHerkomst, voorbeeldHerkomst } from '../../bulkwijziging-herkomst';
import { BulkwijzigingIdPipe } from '../../bulkwijziging-id.pipe';
import { VoerBulkwijzigingUitCommand } from '../../bulkwijziging.commands';
import { ApiBulkFouten } from '../../bulkwijziging.problem.responses';
import { BulkVoorbeeldResponseDto, BulkwijzigingResponseDto } from '../../bulkwijziging.response.dto';
import { BulkwijzigingService } from '../../bulkwijziging.service';
import { DraagItemsOverRequestDto } from './draag-items-over.request.dto';

/**
 * After a cabinet change: every open item of the departing bewindspersoon to the successor in one
 * request, as one DraagOver item command per item. The route keeps the Idempotency-Key to itself
 * (the interceptor steps aside): the bulk change is idempotent as a whole by its derived id.
 */
@ApiTags('bulkwijzigingen')
@Rollen('griffier')
@Controller('api/overdrachten')
export class DraagItemsOverHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly bulk: BulkwijzigingService,
  ) {}

  @Post()
  @HttpCode(200)
  @IdempotentDoorInhoud()
  @ApiOperation({ summary: 'Draag alle open items van een vertrekkende bewindspersoon (of een selectie daarvan) in één keer over aan de opvolger' })
  @ApiOkResponse({ type: BulkwijzigingResponseDto, description: 'Per item: overgedragen (uitgevoerd), al gedaan of geweigerd met reden. Hetzelfde verzoek met dezelfde Idempotency-Key opnieuw geeft hetzelfde antwoord (en maakt een onderbroken wijziging af), met Idempotent-Replayed: true zodra die al was afgerond' })
  @ApiBulkFouten('overdracht', 'uitvoeren')
  async draagOver(@Body() body: DraagItemsOverRequestDto, @Meta() meta: CommandMetadata, @Headers('idempotency-key') sleutel: string | undefined, @Res({ passthrough: true }) res: Response): Promise<BulkwijzigingResponseDto> {
    const opdracht = body.toOpdracht();
    const { resultaat, herhaald } = await this.commands.execute(new VoerBulkwijzigingUitCommand(opdracht, bulkHerkomst(opdracht, meta.actor, sleutel), meta));
    if (herhaald) res.setHeader('Idempotent-Replayed', 'true');
    return resultaat as BulkwijzigingResponseDto;
  }

  @Post('voorbeeld')
  @HttpCode(200)
  @IdempotentDoorInhoud()
  @ApiOperation({ summary: 'Wat de overdracht zou doen: de items die worden overgedragen en die blijven, met reden. Legt niets vast' })
  @ApiOkResponse({ type: BulkVoorbeeldResponseDto })
  @ApiBulkFouten('overdracht', 'voorbeeld')
  voorbeeld(@Body() body: DraagItemsOverRequestDto, @Meta() meta: CommandMetadata, @Headers('idempotency-key') sleutel: string | undefined): Promise<BulkVoorbeeldResponseDto> {
    const opdracht = body.toOpdracht();
    return this.bulk.voorbeeld(opdracht, voorbeeldHerkomst(opdracht, meta.actor, sleutel)) as Promise<BulkVoorbeeldResponseDto>;
  }

  @Get(':id')
  // Auditors read everything; only carrying out is the griffier's.
  @Rollen('griffier', 'auditor')
  @ApiOperation({ summary: 'Eén overdracht: het besluit en per item wat ermee gebeurde' })
  @ApiOkResponse({ type: BulkwijzigingResponseDto })
  @ApiNotFoundResponse({ description: 'Onbekende overdracht' })
  @ApiBadRequestResponse({ description: 'Geen geldige id (UUID)' })
  een(@Param('id', BulkwijzigingIdPipe) id: string): Promise<BulkwijzigingResponseDto> {
    return this.bulk.resultaat(id, 'overdracht') as Promise<BulkwijzigingResponseDto>;
  }
}
