import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Publiek } from '@register/access';
import { AgendaService } from './agenda.service';

/** The feed itself: the secret in the address is the only credential a calendar program has. */
@ApiTags('agenda')
@Publiek()
@Controller('agenda')
export class AgendaFeedHttpController {
  constructor(private readonly agenda: AgendaService) {}

  @Get(':bestand')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-cache')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiOperation({ summary: 'De agenda van een abonnement (iCalendar); het adres komt uit POST /api/agenda-abonnementen' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar (RFC 5545): een hele-dagafspraak per open item met een termijndatum; met ETag, zodat een ongewijzigde agenda 304 geeft', content: { 'text/calendar': { schema: { type: 'string', format: 'binary' } } } })
  @ApiNotFoundResponse({ description: 'Geen abonnement met dit adres, of het is ingetrokken' })
  async feed(@Param('bestand') bestand: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const feed = await this.agenda.feed(bestand);
    if (feed === null) throw new NotFoundException({ code: 'agenda-niet-gevonden', message: 'Deze agenda bestaat niet (meer): vraag een nieuw adres aan in het register.' });
    // Express answers 304 itself when If-None-Match has this ETag.
    res.setHeader('ETag', feed.etag);
    return feed.ics;
  }
}
