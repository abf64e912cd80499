import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LEZERS, Rollen } from '@register/access';
import { vorigeMaand } from '@register/read-models';
import { Clock } from '@register/platform';
import { OverzichtRequestDto } from './overzicht.request.dto';
import { OverzichtResponseDto } from './overzicht.response.dto';
import { OverzichtService } from './overzicht.service';

@ApiTags('register')
@Rollen(...LEZERS)
@Controller('api/overzicht')
export class OverzichtHttpController {
  constructor(
    private readonly overzichten: OverzichtService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Open en achterstallige items per bewindspersoon, thema, fractie en lid, open, achterstallige en binnenkort verlopende items per directie en behandelaar, en het aantal open items aan het eind van elke maand',
  })
  @ApiOkResponse({ type: OverzichtResponseDto })
  async overzicht(@Query() q: OverzichtRequestDto): Promise<OverzichtResponseDto> {
    const peildatum = q.peildatum ?? this.clock.today();
    const tot = peildatum.slice(0, 7);
    let vanaf = tot;
    for (let i = 1; i < q.maanden; i++) vanaf = vorigeMaand(vanaf);
    const { telling, verloop } = await this.overzichten.overzicht(peildatum, vanaf, tot);
    return { peildatum, ...telling, verloop };
  }
}
