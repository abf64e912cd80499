import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { LEZERS, Rollen } from '@register/access';
import { OpenPerMaand, RegisterQuery, RegisterTelling, openPerMaand, vorigeMaand } from '@register/read-models';
import { Clock } from '@register/platform';
import { DataSource } from 'typeorm';
import { OverzichtRequestDto } from './overzicht.request.dto';

export interface OverzichtResponse extends RegisterTelling {
  readonly peildatum: string;
  /** Open items at the end of each month, by business date, up to the peildatum's month. */
  readonly verloop: OpenPerMaand[];
}

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
  @ApiOperation({ summary: 'Open en achterstallige items per bewindspersoon, thema, fractie en lid, en het aantal open items aan het eind van elke maand' })
  async overzicht(@Query() q: OverzichtRequestDto): Promise<OverzichtResponse> {
    const peildatum = q.peildatum ?? this.clock.today();
    const tot = peildatum.slice(0, 7);
    let vanaf = tot;
    for (let i = 1; i < q.maanden; i++) vanaf = vorigeMaand(vanaf);
    return { peildatum, ...(await this.query.telling(peildatum)), verloop: await openPerMaand(this.dataSource.manager, vanaf, tot) };
  }
}
