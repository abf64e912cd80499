import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile, BadRequestException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { LEZERS, Rollen } from '@register/access';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Meta } from '../http/command-meta.decorator';
import { ApiFouten } from '../http/problem.responses';
import { CommandMetadata } from '../command-metadata';
import { deterministicId } from '../items/item-event-store';
import { CONTENT_TYPES, Formaat, render } from './bijlage/bijlage.renderers';
import { BijlageService } from './bijlage/bijlage.service';
import { WijzigHalfjaarberichtCommand } from './halfjaarbericht.command';
import { HalfjaarberichtOverzichtService } from './halfjaarbericht-overzicht.service';
import { BerichtResultaatDto, HalfjaarberichtOverzichtDto, HalfjaarberichtSamenvattingDto, ZaakResultaatDto } from './halfjaarbericht.response.dto';
import { BijlageRequestDto, KamerstukRequestDto, MaakHalfjaarberichtAanRequestDto, NeemItemOpRequestDto, NeemZaakOpRequestDto, VerzendRequestDto } from './halfjaarbericht.request.dto';

/** Markdown and HTML are text; DOCX and CSV are downloads, described as bytes. */
const BIJLAGE_SCHEMA: Record<Formaat, { type: 'string'; format?: 'binary' }> = { md: { type: 'string' }, html: { type: 'string' }, docx: { type: 'string', format: 'binary' }, csv: { type: 'string', format: 'binary' } };
const BIJLAGE_CONTENT = Object.fromEntries((Object.keys(CONTENT_TYPES) as Formaat[]).map((f) => [CONTENT_TYPES[f], { schema: BIJLAGE_SCHEMA[f] }]));

const Id = (naam: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException({ fouten: [{ veld: naam, melding: 'moet een identiteit (UUID) zijn' }] }) });

@ApiTags('halfjaarberichten')
@Controller('api/halfjaarberichten')
export class HalfjaarberichtenHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly overzichten: HalfjaarberichtOverzichtService,
    private readonly bijlagen: BijlageService,
  ) {}

  @Post()
  @Rollen('griffier')
  @HttpCode(201)
  @ApiOperation({ summary: 'Maak een concept-halfjaarbericht aan' })
  @ApiCreatedResponse({ type: BerichtResultaatDto })
  @ApiFouten()
  maakAan(@Body() b: MaakHalfjaarberichtAanRequestDto, @Meta() meta: CommandMetadata): Promise<BerichtResultaatDto> {
    const berichtId = meta.idempotencyKeyId ? deterministicId(meta.idempotencyKeyId, 'bericht') : randomUUID();
    return this.commands.execute(new WijzigHalfjaarberichtCommand(berichtId, { type: 'MaakAan', berichtId, jaar: b.jaar, helft: b.helft, titel: b.titel, peildatum: b.peildatum, secties: b.secties }, meta));
  }

  @Post(':id/items')
  @Rollen('griffier')
  @HttpCode(200)
  @ApiOperation({ summary: 'Neem een motie of toezegging op (of werk haar tekst, sectie en status bij) zolang het bericht een concept is' })
  @ApiOkResponse({ type: BerichtResultaatDto })
  @ApiFouten()
  neemItemOp(@Param('id', Id('id')) id: string, @Body() b: NeemItemOpRequestDto, @Meta() meta: CommandMetadata): Promise<BerichtResultaatDto> {
    return this.commands.execute(new WijzigHalfjaarberichtCommand(id, { type: 'NeemItemOp', item: { itemId: b.itemId, sectie: b.sectie, tekst: b.tekst, status: b.status, deel: b.deel ?? null } }, meta));
  }

  @Delete(':id/items/:itemId')
  @Rollen('griffier')
  @HttpCode(200)
  @ApiOperation({ summary: 'Haal een item weer uit een concept-bericht' })
  @ApiOkResponse({ type: BerichtResultaatDto })
  @ApiFouten()
  verwijderItem(@Param('id', Id('id')) id: string, @Param('itemId', Id('itemId')) itemId: string, @Meta() meta: CommandMetadata): Promise<BerichtResultaatDto> {
    return this.commands.execute(new WijzigHalfjaarberichtCommand(id, { type: 'VerwijderItem', itemId }, meta));
  }

  @Post(':id/zaken')
  @Rollen('griffier')
  @HttpCode(200)
  @ApiOperation({ summary: 'Neem een aanvullende zaak op (geen motie of toezegging)' })
  @ApiOkResponse({ type: ZaakResultaatDto })
  @ApiFouten()
  async neemZaakOp(@Param('id', Id('id')) id: string, @Body() b: NeemZaakOpRequestDto, @Meta() meta: CommandMetadata): Promise<ZaakResultaatDto> {
    const zaakId = meta.idempotencyKeyId ? deterministicId(meta.idempotencyKeyId, 'zaak') : randomUUID();
    const result = await this.commands.execute(new WijzigHalfjaarberichtCommand(id, { type: 'NeemZaakOp', zaak: { zaakId, sectie: b.sectie, titel: b.titel, tekst: b.tekst } }, meta));
    return { ...result, zaakId };
  }

  @Delete(':id/zaken/:zaakId')
  @Rollen('griffier')
  @HttpCode(200)
  @ApiOperation({ summary: 'Haal een aanvullende zaak weer uit een concept-bericht' })
  @ApiOkResponse({ type: BerichtResultaatDto })
  @ApiFouten()
  verwijderZaak(@Param('id', Id('id')) id: string, @Param('zaakId', Id('zaakId')) zaakId: string, @Meta() meta: CommandMetadata): Promise<BerichtResultaatDto> {
    return this.commands.execute(new WijzigHalfjaarberichtCommand(id, { type: 'VerwijderZaak', zaakId }, meta));
  }

  @Post(':id/verzending')
  @Rollen('griffier')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stel het bericht vast en verzend het: daarna verandert het niet meer, en de items die het afgedaan verklaart worden afgedaan' })
  @ApiOkResponse({ type: BerichtResultaatDto })
  @ApiFouten()
  verzend(@Param('id', Id('id')) id: string, @Body() b: VerzendRequestDto, @Meta() meta: CommandMetadata): Promise<BerichtResultaatDto> {
    return this.commands.execute(new WijzigHalfjaarberichtCommand(id, { type: 'Verzend', datum: b.datum, kenmerk: b.kenmerk }, meta, b.verwachteRevisie));
  }

  @Post(':id/kamerstuk')
  @Rollen('griffier')
  @HttpCode(200)
  @ApiOperation({ summary: 'Leg het Kamerstuknummer vast dat het verzonden bericht kreeg' })
  @ApiOkResponse({ type: BerichtResultaatDto })
  @ApiFouten()
  kamerstuk(@Param('id', Id('id')) id: string, @Body() b: KamerstukRequestDto, @Meta() meta: CommandMetadata): Promise<BerichtResultaatDto> {
    return this.commands.execute(new WijzigHalfjaarberichtCommand(id, { type: 'KenKamerstukToe', kamerstuk: b.kamerstuk }, meta));
  }

  @Get()
  @Rollen(...LEZERS)
  @ApiOperation({ summary: 'Alle halfjaarberichten, nieuwste eerst' })
  @ApiOkResponse({ type: [HalfjaarberichtSamenvattingDto] })
  lijst(): Promise<HalfjaarberichtSamenvattingDto[]> {
    return this.overzichten.lijst();
  }

  @Get(':id')
  @Rollen(...LEZERS)
  @ApiOperation({ summary: 'Eén bericht: toezeggingen, moties en aanvullende zaken met hun status, de open items die het niet noemt, en wat veranderde sinds het vorige' })
  @ApiOkResponse({ type: HalfjaarberichtOverzichtDto })
  @ApiNotFoundResponse({ description: 'Onbekend halfjaarbericht' })
  overzicht(@Param('id', Id('id')) id: string): Promise<HalfjaarberichtOverzichtDto> {
    return this.overzichten.overzicht(id);
  }

  @Get(':id/bijlage')
  @Rollen(...LEZERS)
  @ApiOperation({ summary: 'De bijlage "Moties, toezeggingen en aanvullende zaken" als Markdown, HTML, DOCX of CSV' })
  @ApiProduces(...Object.values(CONTENT_TYPES))
  @ApiOkResponse({ description: 'De bijlage in het gevraagde formaat; DOCX en CSV als download, HTML om te tonen', content: BIJLAGE_CONTENT })
  @ApiNotFoundResponse({ description: 'Onbekend halfjaarbericht' })
  async bijlage(@Param('id', Id('id')) id: string, @Query() q: BijlageRequestDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const model = await this.bijlagen.model(id);
    const inhoud = await render(model, q.formaat, q.indeling);
    const naam = `bijlage-${model.titel.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${q.indeling}.${q.formaat}`;
    res.setHeader('Content-Type', CONTENT_TYPES[q.formaat]);
    res.setHeader('Content-Disposition', `${q.formaat === 'html' ? 'inline' : 'attachment'}; filename="${naam}"`);
    return new StreamableFile(inhoud);
  }
}
