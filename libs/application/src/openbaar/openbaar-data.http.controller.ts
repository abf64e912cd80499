import { Controller, Get, Header, NotFoundException, Param, Query, Req, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBadRequestResponse, ApiExtraModels, ApiServiceUnavailableResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Publiek } from '@register/access';
import { AppConfig } from '@register/platform';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { createReadStream } from 'node:fs';
import { atomFeed } from './openbaar.atom';
import { CacheAntwoord, OpenbaarCache, registerHeel } from './openbaar-cache';
import { OpenbaarBestand, OpenbaarThrottlerGuard, OpenbareBestanden, OpenbarePaginas } from './openbare-bestanden';
import { ProjectionRunner } from '@register/read-models';
import { openbaarCsv } from './openbaar.csv';
import { OpenbaarDumpService } from './openbaar-dump.service';
import { OPENBAAR_SCHEMA_VERSIE, OpenbaarBerichtDto, OpenbaarItemDto, OpenbareBerichtenDto, OpenbareDumpsDto, OpenbareItemPaginaDto, OpenbareWijzigingenDto } from './openbaar.dto';
import { OpenbaarAanGuard } from './openbaar.guard';
import { OPENBAAR_CACHE_CONTROL } from './openbaar-paginas.http.controller';
import { OpenbaarFilterRequestDto, OpenbareWijzigingenRequestDto } from './openbaar.request.dto';
import { OpenbaarService } from './openbaar.service';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The open data: JSON (schema v1), CSV, the Atom feed of changes and the daily dumps. No sign-in;
 * only with OPENBAAR=aan; rate-limited per client address.
 */
@ApiTags('openbaar')
@ApiExtraModels(OpenbaarItemDto, OpenbaarBerichtDto)
@ApiTooManyRequestsResponse({ description: 'Te veel verzoeken vanaf dit adres; Retry-After zegt over hoeveel seconden het weer kan' })
@ApiServiceUnavailableResponse({ description: 'Het register wordt opnieuw opgebouwd, of er worden te veel bestanden tegelijk gemaakt' })
@ApiNotFoundResponse({ description: 'Onbekend, of het openbare register staat op deze server uit' })
@Publiek()
@OpenbarePaginas()
@UseGuards(OpenbaarAanGuard, OpenbaarThrottlerGuard)
@Controller('openbaar')
export class OpenbaarDataHttpController {
  private readonly afzender: string;

  constructor(
    private readonly openbaar: OpenbaarService,
    private readonly dumps: OpenbaarDumpService,
    private readonly cache: OpenbaarCache,
    private readonly bestanden: OpenbareBestanden,
    private readonly runner: ProjectionRunner,
    config: ConfigService<AppConfig, true>,
  ) {
    const ministerie = config.get('TK_MINISTERIE', { infer: true });
    this.afzender = ministerie ? `Ministerie van ${ministerie}` : 'Rijksoverheid';
  }

  private async json<T>(res: Response, sleutel: string, maak: () => Promise<T>, extra: Record<string, string> = {}): Promise<string> {
    const antwoord: CacheAntwoord = await this.cache.haal(`json:${sleutel}`, async () => ({ status: 200, inhoud: JSON.stringify(await maak()), headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': OPENBAAR_CACHE_CONTROL, ...extra } }));
    for (const [naam, waarde] of Object.entries(antwoord.headers)) res.setHeader(naam, waarde);
    return antwoord.inhoud;
  }

  @Get('api/v1/items')
  @ApiOperation({ summary: 'Het openbare register (schema v1): moties en toezeggingen, gefilterd en per pagina' })
  @ApiOkResponse({ type: OpenbareItemPaginaDto })
  @ApiBadRequestResponse({ description: 'Ongeldige filterwaarde; `fouten` noemt per veld wat er mis is (application/problem+json)' })
  async items(@Query() q: OpenbaarFilterRequestDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    return this.json(res, `items?${q.zoekdeel()}&pagina=${q.pagina}`, () => this.openbaar.lijst(q.filter()));
  }

  @Get('api/v1/items/:sleutel')
  @ApiOperation({ summary: 'Eén item (schema v1) op zijn Kamernummer of zijn sleutel, met voortgang, afdoening, historie en wat de halfjaarberichten meldden' })
  @ApiOkResponse({ type: OpenbaarItemDto })
  async item(@Param('sleutel') sleutel: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    // Looked up inside the cached build, so that a rebuild answers 503 here too rather than "not found".
    return this.json(res, `item:${sleutel}`, async () => {
      const row = await this.openbaar.zoekItem(sleutel);
      if (!row) throw new NotFoundException({ code: 'item-niet-gevonden', message: `Er is geen motie of toezegging met nummer of sleutel "${sleutel.slice(0, 60)}".` });
      return this.openbaar.item(row);
    });
  }

  @Get('api/v1/halfjaarberichten')
  @ApiOperation({ summary: 'De verzonden halfjaarberichten (schema v1), nieuwste eerst' })
  @ApiOkResponse({ type: OpenbareBerichtenDto })
  async berichten(@Res({ passthrough: true }) res: Response): Promise<string> {
    return this.json(res, 'berichten', async () => ({ schemaVersie: OPENBAAR_SCHEMA_VERSIE, berichten: await this.openbaar.berichten() }));
  }

  @Get('api/v1/halfjaarberichten/:id')
  @ApiOperation({ summary: 'Een verzonden halfjaarbericht met zijn bijlage, zoals het is verzonden (schema v1)' })
  @ApiOkResponse({ type: OpenbaarBerichtDto })
  async bericht(@Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    // The cache first: building the annex is the expensive part. A refusal (404) is not kept.
    return this.json(res, `bericht:${id.toLowerCase()}`, () => this.openbaar.bericht(id));
  }

  @Get('api/v1/wijzigingen')
  @ApiOperation({ summary: 'De nieuwste openbare wijzigingen (schema v1): nieuwe items, statuswijzigingen, termijnen, overdrachten, verzonden halfjaarberichten' })
  @ApiOkResponse({ type: OpenbareWijzigingenDto })
  @ApiBadRequestResponse({ description: 'Ongeldige filterwaarde; `fouten` noemt per veld wat er mis is (application/problem+json)' })
  async wijzigingen(@Query() q: OpenbareWijzigingenRequestDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    return this.json(res, `wijzigingen:${q.aantal}`, async () => ({ schemaVersie: OPENBAAR_SCHEMA_VERSIE, wijzigingen: await this.openbaar.wijzigingen(q.aantal) }));
  }

  @Get('feed.atom')
  @ApiOperation({ summary: 'De wijzigingen als Atom-feed (RFC 4287): de nieuwste 100' })
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ description: 'Atom 1.0', content: { 'application/atom+xml': { schema: { type: 'string' } } } })
  async feed(@Res({ passthrough: true }) res: Response): Promise<string> {
    const antwoord = await this.cache.haal('feed', async () => {
      const wijzigingen = await this.openbaar.wijzigingen(100);
      // ETag only: an entry shows the item's current number and title, which a correction changes later.
      const headers: Record<string, string> = { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': OPENBAAR_CACHE_CONTROL };
      return { status: 200, inhoud: atomFeed(this.openbaar.adressen.basis, this.afzender, wijzigingen, new Date().toISOString()), headers };
    });
    for (const [naam, waarde] of Object.entries(antwoord.headers)) res.setHeader(naam, waarde);
    return antwoord.inhoud;
  }

  @Get('register.csv')
  @ApiOperation({ summary: 'Alle items die aan de filters voldoen als CSV (UTF-8 met BOM), nieuwste eerst' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV', content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } } })
  @ApiBadRequestResponse({ description: 'Ongeldige filterwaarde; `fouten` noemt per veld wat er mis is (application/problem+json)' })
  @OpenbaarBestand()
  async csv(@Query() q: OpenbaarFilterRequestDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    await registerHeel(this.runner);
    const klaar = this.bestanden.neem();
    const { pagina: _p, perPagina: _pp, ...filter } = q.filter();
    // Given back when the answer is done or the client left, whichever comes first.
    res.once('close', klaar);
    const inhoud = openbaarCsv(this.openbaar.alle(filter));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Cache-Control', OPENBAAR_CACHE_CONTROL);
    res.setHeader('Content-Disposition', `attachment; filename="moties-en-toezeggingen-${this.openbaar.vandaag()}.csv"`);
    return new StreamableFile(inhoud);
  }

  @Get('dumps')
  @ApiOperation({ summary: 'De dagelijkse dumps van het hele openbare register, nieuwste eerst' })
  @ApiOkResponse({ type: OpenbareDumpsDto })
  @Header('Cache-Control', 'public, max-age=60')
  async dumpLijst(): Promise<OpenbareDumpsDto> {
    return { schemaVersie: OPENBAAR_SCHEMA_VERSIE, dumps: await this.dumps.lijst() };
  }

  @Get('dumps/:bestand')
  @ApiOperation({ summary: 'Eén dump: register-JJJJ-MM-DD.json.gz, met schemaVersie, datum, alle items (als api/v1/items/{nummer}) en alle verzonden halfjaarberichten' })
  @ApiProduces('application/gzip')
  @ApiOkResponse({ description: 'gzip met JSON', content: { 'application/gzip': { schema: { type: 'string', format: 'binary' } } } })
  @OpenbaarBestand()
  async dump(@Param('bestand') naam: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const bestand = await this.dumps.bestand(naam);
    if (!bestand) throw new NotFoundException({ code: 'dump-niet-gevonden', message: 'Deze dump bestaat niet; de lijst staat op /openbaar/dumps.' });
    res.setHeader('Last-Modified', bestand.gemaaktOp.toUTCString());
    // A day's dump never changes once made.
    res.setHeader('Cache-Control', 'public, max-age=86400, immutable');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    const klaar = this.bestanden.neem();
    res.once('close', klaar);
    res.setHeader('Content-Type', 'application/gzip');
    res.setHeader('Content-Length', String(bestand.bytes));
    res.setHeader('Content-Disposition', `attachment; filename="${naam}"`);
    // A read that fails half-way ends the response broken, never short and looking whole.
    await pipeline(createReadStream(bestand.pad), res).catch(() => res.destroy());
  }

}
