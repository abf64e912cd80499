import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { LEZERS, Rollen } from '@register/access';
import { RegisterReadService } from '../items/queries/register-read.service';
import { KamerSynchronisatieService } from './kamer-synchronisatie.service';
import { VERSCHIL_SOORTEN, VerschilSoort, KamerVerschillenService } from './kamer-verschillen.service';
import { KamerVerschillenRequestDto, KamerVerschillenResponseDto } from './kamer.dto';

@ApiTags('kamer')
@Controller('api/kamer')
export class KamerHttpController {
  constructor(
    private readonly verschillen: KamerVerschillenService,
    private readonly synchronisatie: KamerSynchronisatieService,
    private readonly register: RegisterReadService,
  ) {}

  @Get('verschillen')
  @Rollen(...LEZERS)
  @ApiOperation({ summary: 'Waar het register en de Tweede Kamer het oneens zijn: per toezegging wat elk zegt, sinds wanneer, met verwijzingen naar beide kanten' })
  @ApiOkResponse({ type: KamerVerschillenResponseDto })
  @ApiBadRequestResponse({ description: 'Ongeldige soort, pagina of positie; `fouten` noemt per veld wat er mis is' })
  @ApiServiceUnavailableResponse({ description: 'Het leesmodel bereikte minimalePositie niet binnen 5 seconden' })
  async lijst(@Query() q: KamerVerschillenRequestDto): Promise<KamerVerschillenResponseDto> {
    await this.register.wachtOp(q.minimalePositie);
    const positie = this.register.positie();
    const alle = await this.verschillen.verschillen();
    const telling = Object.fromEntries(VERSCHIL_SOORTEN.map((s) => [s, alle.filter((v) => v.soort === s).length])) as Record<VerschilSoort, number>;
    const gefilterd = q.soort ? alle.filter((v) => v.soort === q.soort) : alle;
    const begin = (q.pagina - 1) * q.perPagina;
    return { verschillen: gefilterd.slice(begin, begin + q.perPagina), telling, totaal: gefilterd.length, pagina: q.pagina, perPagina: q.perPagina, positie, koppelingAan: this.synchronisatie.aan() };
  }
}
