import { Controller, Get, Header, HttpStatus, NotFoundException, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { Publiek } from '@register/access';
import { AppConfig } from '@register/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Response } from 'express';
import { veldFouten } from '../http/validation';
import { CacheAntwoord, OpenbaarCache } from './openbaar-cache';
import { OpenbaarAanGuard } from './openbaar.guard';
import { OpenbaarThrottlerGuard, OpenbarePaginas } from './openbare-bestanden';
import { PaginaKader, berichtPagina, berichtenPagina, foutPagina, itemPagina, registerPagina, wijzigingenPagina } from './openbaar.paginas';
import { openDataPagina } from './open-data.pagina';
import { OpenbaarFilterRequestDto } from './openbaar.request.dto';
import { OpenbaarService } from './openbaar.service';
import { Stijlblad, stijlblad } from './openbaar.stijl';

const HTML = 'text/html; charset=utf-8';
/** Browsers and proxies may keep a page a minute; the server builds it at most every few seconds. */
export const OPENBAAR_CACHE_CONTROL = 'public, max-age=60';

/** The addresses a page's query may carry; anything else (utm_source, a typo) is ignored, not refused. */
const FILTERVELDEN = ['zoek', 'soort', 'status', 'bewindspersoon', 'thema', 'lid', 'fractie', 'sorteer', 'pagina', 'perPagina'];

/**
 * The public site: server-rendered HTML that needs no JavaScript and no sign-in. Each answer is
 * cached for a few seconds by address (OpenbaarCache) and carries an ETag (Express answers 304 to
 * a matching If-None-Match).
 */
@ApiExcludeController()
@Publiek()
@OpenbarePaginas()
@UseGuards(OpenbaarAanGuard, OpenbaarThrottlerGuard)
@Controller('openbaar')
export class OpenbaarPaginasHttpController {
  private readonly stijl: Stijlblad = stijlblad();
  private readonly afzender: string;

  constructor(
    private readonly openbaar: OpenbaarService,
    private readonly cache: OpenbaarCache,
    config: ConfigService<AppConfig, true>,
  ) {
    const ministerie = config.get('TK_MINISTERIE', { infer: true });
    this.afzender = ministerie ? `Ministerie van ${ministerie}` : 'Rijksoverheid';
  }

  private kader(canoniek?: string): PaginaKader {
    return { afzender: this.afzender, stijl: `/openbaar/stijl-${this.stijl.versie}.css`, ...(canoniek ? { canoniek } : {}) };
  }

  private stuur(res: Response, antwoord: CacheAntwoord): string {
    res.status(antwoord.status);
    for (const [naam, waarde] of Object.entries(antwoord.headers)) res.setHeader(naam, waarde);
    return antwoord.inhoud;
  }

  private niet(titel: string, uitleg: string, status = HttpStatus.NOT_FOUND): CacheAntwoord {
    return { status, inhoud: foutPagina(this.kader(), titel, uitleg), headers: { 'Content-Type': HTML, 'Cache-Control': 'public, max-age=10' } };
  }

  @Get()
  async register(@Query() ruw: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<string> {
    // The form sends every field, the empty ones too: an empty field is no filter.
    const keuzes = Object.fromEntries(FILTERVELDEN.filter((k) => typeof ruw[k] === 'string' && ruw[k] !== '').map((k) => [k, ruw[k] as string]));
    const q = plainToInstance(OpenbaarFilterRequestDto, keuzes);
    const fouten = veldFouten(validateSync(q, { whitelist: true, forbidUnknownValues: true, stopAtFirstError: true }));
    if (fouten.length) {
      return this.stuur(res, this.niet('Deze zoekopdracht klopt niet', fouten.map((f) => `${f.veld} ${f.melding}.`).join(' '), HttpStatus.BAD_REQUEST));
    }
    const zoekdeel = q.zoekdeel();
    const antwoord = await this.cache.haal(`pagina:register?${zoekdeel}&pagina=${q.pagina}`, async () => {
      const uitkomst = await this.openbaar.lijst(q.filter());
      const canoniek = `${this.openbaar.adressen.basis}/${zoekdeel || q.pagina > 1 ? `?${[zoekdeel, q.pagina > 1 ? `pagina=${q.pagina}` : ''].filter(Boolean).join('&')}` : ''}`;
      return { status: 200, inhoud: registerPagina(this.kader(canoniek), q, uitkomst, zoekdeel), headers: { 'Content-Type': HTML, 'Cache-Control': OPENBAAR_CACHE_CONTROL } };
    });
    return this.stuur(res, antwoord);
  }

  @Get('items/:sleutel')
  async item(@Param('sleutel') sleutel: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const antwoord = await this.cache.haal(`pagina:item:${sleutel}`, async () => {
      const row = await this.openbaar.zoekItem(sleutel);
      if (!row) return this.niet('Dit item bestaat niet', `Er is geen motie of toezegging met het nummer of de sleutel "${sleutel.slice(0, 60)}". Zoek het in het register.`);
      const pad = this.openbaar.adressen.itemPad(row);
      // One page per item: an item with a Kamer number is found by its id too, and sent on to its number.
      if (decodeURIComponent(pad.slice('/openbaar/items/'.length)) !== sleutel) return { status: 301, inhoud: '', headers: { Location: pad, 'Cache-Control': OPENBAAR_CACHE_CONTROL } };
      const item = await this.openbaar.item(row);
      return {
        status: 200,
        inhoud: itemPagina(this.kader(item.url), item),
        // An ETag and no Last-Modified: the page changes with corrections, progress, the day its termijn
        // passes and its reports, and no single moment the public may know covers all of them.
        headers: { 'Content-Type': HTML, 'Cache-Control': OPENBAAR_CACHE_CONTROL },
      };
    });
    return this.stuur(res, antwoord);
  }

  @Get('halfjaarberichten')
  async berichten(@Res({ passthrough: true }) res: Response): Promise<string> {
    const antwoord = await this.cache.haal('pagina:berichten', async () => ({
      status: 200,
      inhoud: berichtenPagina(this.kader(`${this.openbaar.adressen.basis}/halfjaarberichten`), await this.openbaar.berichten()),
      headers: { 'Content-Type': HTML, 'Cache-Control': OPENBAAR_CACHE_CONTROL },
    }));
    return this.stuur(res, antwoord);
  }

  @Get('halfjaarberichten/:id')
  async bericht(@Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const antwoord = await this.cache.haal(`pagina:bericht:${id}`, async () => {
      const bericht = await this.openbaar.bericht(id).catch((e: unknown) => {
        if (e instanceof NotFoundException) return null;
        throw e;
      });
      if (!bericht) return this.niet('Dit halfjaarbericht bestaat niet', 'Er is geen verzonden halfjaarbericht op dit adres. Bekijk de lijst van verzonden halfjaarberichten.');
      return { status: 200, inhoud: berichtPagina(this.kader(bericht.url), bericht), headers: { 'Content-Type': HTML, 'Cache-Control': OPENBAAR_CACHE_CONTROL } };
    });
    return this.stuur(res, antwoord);
  }

  @Get('wijzigingen')
  async wijzigingen(@Res({ passthrough: true }) res: Response): Promise<string> {
    const antwoord = await this.cache.haal('pagina:wijzigingen', async () => ({
      status: 200,
      inhoud: wijzigingenPagina(this.kader(`${this.openbaar.adressen.basis}/wijzigingen`), await this.openbaar.wijzigingen(100)),
      headers: { 'Content-Type': HTML, 'Cache-Control': OPENBAAR_CACHE_CONTROL },
    }));
    return this.stuur(res, antwoord);
  }

  @Get('open-data')
  @Header('Content-Type', HTML)
  @Header('Cache-Control', OPENBAAR_CACHE_CONTROL)
  openData(): string {
    return openDataPagina(this.kader(`${this.openbaar.adressen.basis}/open-data`), this.openbaar.adressen.basis);
  }

  @Get('stijl-:versie.css')
  stijlblad(@Param('versie') versie: string, @Res({ passthrough: true }) res: Response): string {
    if (versie !== this.stijl.versie) {
      res.status(HttpStatus.MOVED_PERMANENTLY).setHeader('Location', `/openbaar/stijl-${this.stijl.versie}.css`);
      return '';
    }
    res.setHeader('Content-Type', 'text/css; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    return this.stijl.css;
  }
}

