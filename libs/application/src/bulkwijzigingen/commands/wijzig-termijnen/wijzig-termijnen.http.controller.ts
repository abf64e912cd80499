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
import { WijzigTermijnenRequestDto } from './wijzig-termijnen.request.dto';

/** One new termijn for a selection of items, as one WijzigTermijn item command per item. */
@ApiTags('bulkwijzigingen')
@Rollen('griffier')
@Controller('api/termijnwijzigingen')
export class WijzigTermijnenHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly bulk: BulkwijzigingService,
  ) {}

  @Post()
  @HttpCode(200)
  @IdempotentDoorInhoud()
  @ApiOperation({ summary: 'Geef een selectie van open items in één keer een nieuwe termijn (met reden)' })
  @ApiOkResponse({ type: BulkwijzigingResponseDto, description: 'Per item: gewijzigd (uitgevoerd), al gedaan of geweigerd met reden. Hetzelfde verzoek met dezelfde Idempotency-Key opnieuw geeft hetzelfde antwoord (en maakt een onderbroken wijziging af), met Idempotent-Replayed: true zodra die al was afgerond' })
  @ApiBulkFouten('termijnwijziging', 'uitvoeren')
  async wijzig(@Body() body: WijzigTermijnenRequestDto, @Meta() meta: CommandMetadata, @Headers('idempotency-key') sleutel: string | undefined, @Res({ passthrough: true }) res: Response): Promise<BulkwijzigingResponseDto> {
    const opdracht = body.toOpdracht();
    const { resultaat, herhaald } = await this.commands.execute(new VoerBulkwijzigingUitCommand(opdracht, bulkHerkomst(opdracht, meta.actor, sleutel), meta));
    if (herhaald) res.setHeader('Idempotent-Replayed', 'true');
    return resultaat as BulkwijzigingResponseDto;
  }

  @Post('voorbeeld')
  @HttpCode(200)
  @IdempotentDoorInhoud()
  @ApiOperation({ summary: 'Wat de termijnwijziging zou doen: de items die een nieuwe termijn krijgen en die blijven, met reden. Legt niets vast' })
  @ApiOkResponse({ type: BulkVoorbeeldResponseDto })
  @ApiBulkFouten('termijnwijziging', 'voorbeeld')
  voorbeeld(@Body() body: WijzigTermijnenRequestDto, @Meta() meta: CommandMetadata, @Headers('idempotency-key') sleutel: string | undefined): Promise<BulkVoorbeeldResponseDto> {
    const opdracht = body.toOpdracht();
    return this.bulk.voorbeeld(opdracht, voorbeeldHerkomst(opdracht, meta.actor, sleutel)) as Promise<BulkVoorbeeldResponseDto>;
  }

  @Get(':id')
  // Auditors read everything; only carrying out is the griffier's.
  @Rollen('griffier', 'auditor')
  @ApiOperation({ summary: 'Eén termijnwijziging: het besluit en per item wat ermee gebeurde' })
  @ApiOkResponse({ type: BulkwijzigingResponseDto })
  @ApiNotFoundResponse({ description: 'Onbekende termijnwijziging' })
  @ApiBadRequestResponse({ description: 'Geen geldige id (UUID)' })
  een(@Param('id', BulkwijzigingIdPipe) id: string): Promise<BulkwijzigingResponseDto> {
    return this.bulk.resultaat(id, 'termijnwijziging') as Promise<BulkwijzigingResponseDto>;
  }
}
