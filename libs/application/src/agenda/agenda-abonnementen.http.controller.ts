import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, BadRequestException, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { LEZERS, Rollen } from '@register/access';
import type { AuthenticatedRequest } from '@register/access';
import { AntwoordBevatGeheim } from '../idempotency/antwoord-bevat-geheim.decorator';
import { AgendaAbonnementRequestDto } from './agenda.request.dto';
import { AgendaAbonnementResponseDto, NieuwAgendaAbonnementResponseDto } from './agenda.response.dto';
import { AgendaService } from './agenda.service';

const AbonnementIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException({ fouten: [{ veld: 'id', melding: 'moet de identiteit (UUID) van een agenda-abonnement zijn' }] }) });

@ApiTags('agenda')
@Controller('api/agenda-abonnementen')
export class AgendaAbonnementenHttpController {
  constructor(private readonly agenda: AgendaService) {}

  @Post()
  @HttpCode(201)
  @Rollen(...LEZERS)
  @AntwoordBevatGeheim()
  @ApiOperation({
    summary:
      'Maak een agenda-abonnement: een geheim adres dat Outlook en andere agendaprogramma’s ophalen, met per open item een hele-dagafspraak op de termijndatum. Het adres wordt alleen in dit antwoord getoond.',
  })
  @ApiCreatedResponse({ type: NieuwAgendaAbonnementResponseDto })
  @ApiUnprocessableEntityResponse({ description: '"mijn" zonder e-mailadres bij de gebruiker (geen-email), of meer dan 5.000 termijnen (agenda-te-groot)' })
  maak(@Req() request: AuthenticatedRequest, @Body() body: AgendaAbonnementRequestDto): Promise<NieuwAgendaAbonnementResponseDto> {
    return this.agenda.maak(request.identiteit!, body.filter);
  }

  @Get()
  @Rollen(...LEZERS, 'beheerder')
  @ApiOperation({ summary: 'Uw agenda-abonnementen (een beheerder: die van iedereen), zonder hun geheime adres' })
  @ApiOkResponse({ type: [AgendaAbonnementResponseDto] })
  lijst(@Req() request: AuthenticatedRequest): Promise<AgendaAbonnementResponseDto[]> {
    return this.agenda.lijst(request.identiteit!);
  }

  @Delete(':id')
  @Rollen(...LEZERS, 'beheerder')
  @ApiOperation({ summary: 'Trek een agenda-abonnement in: het adres geeft daarna 404' })
  @ApiOkResponse({ type: AgendaAbonnementResponseDto })
  @ApiNotFoundResponse({ description: 'Geen abonnement met dit id van u' })
  trekIn(@Req() request: AuthenticatedRequest, @Param('id', AbonnementIdPipe) id: string): Promise<AgendaAbonnementResponseDto> {
    return this.agenda.trekIn(request.identiteit!, id);
  }
}
