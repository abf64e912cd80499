import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LEZERS, Rollen } from '@register/access';
import { RegisterQuery, openPerMaand, vorigeMaand } from '@register/read-models';
import { Clock } from '@register/platform';
import { DataSource } from 'typeorm';
import { OverzichtRequestDto } from './overzicht.request.dto';
import { OverzichtResponseDto } from './overzicht.response.dto';

@ApiTags('register')
@Rollen(...LEZERS)
@Controller('api/overzicht')
export class OverzichtHttpController {
  constructor(
    private readonly query: RegisterQuery,
    private readonly dataSource: DataSource,
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
    return { peildatum, ...(await this.query.telling(peildatum)), verloop: await openPerMaand(this.dataSource.manager, vanaf, tot) };
  }
}
