import { Body, Controller, Get, HttpCode, NotFoundException, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedRequest, Rollen } from '@register/access';
import { ankerTekst, leesAnker } from '@register/event-store';
import { VerificatieJob, VerificatieStand } from './verificatie.job';
import { VerificatieStandDto, VerificatieStartRequestDto } from './verificatie.response.dto';

@ApiTags('audit')
@Rollen('auditor')
@Controller('api/audit/verificatie')
export class VerificatieHttpController {
  constructor(private readonly job: VerificatieJob) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Start de controle van elke hashketen en de logketen (op de achtergrond); met `tegen` ook of het log een bewaard anker voortzet',
    description: 'Loopt er al een, dan komt die terug. Volg de voortgang en de uitkomst met GET.',
  })
  @ApiAcceptedResponse({ type: VerificatieStandDto })
  @ApiConflictResponse({ description: 'Er loopt al een controle met een ander anker' })
  start(@Body() body: VerificatieStartRequestDto, @Req() request: AuthenticatedRequest): VerificatieStandDto {
    return metAnkerTekst(this.job.start(request.identiteit!.naam, body.tegen ? leesAnker(body.tegen) : undefined));
  }

  @Get()
  @ApiOperation({ summary: 'De lopende of laatste controle: voortgang, en als ze klaar is het rapport met de kop van de logketen als anker' })
  @ApiOkResponse({ type: VerificatieStandDto })
  @ApiNotFoundResponse({ description: 'Sinds de start van de server is er nog geen controle gedaan' })
  stand(): VerificatieStandDto {
    const stand = this.job.huidige();
    if (!stand) throw new NotFoundException('Er is sinds de start van de server nog geen controle gedaan. Start er een met POST.');
    return metAnkerTekst(stand);
  }
}

function metAnkerTekst(stand: VerificatieStand): VerificatieStandDto {
  const tegen = stand.tegen ? { ...stand.tegen, tekst: ankerTekst(stand.tegen) } : undefined;
  if (!stand.rapport) return { ...stand, tegen } as VerificatieStandDto;
  const { kop, anker } = stand.rapport;
  return {
    ...stand,
    tegen,
    rapport: {
      ...stand.rapport,
      kop: kop ? { ...kop, tekst: ankerTekst(kop) } : undefined,
      anker: anker ? { ...anker, anker: { ...anker.anker, tekst: ankerTekst(anker.anker) } } : undefined,
    },
  } as VerificatieStandDto;
}
