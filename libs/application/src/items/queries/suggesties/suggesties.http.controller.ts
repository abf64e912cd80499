import { LEZERS, Rollen } from '@register/access';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RegisterQuery } from '@register/read-models';
import { SuggestiesRequestDto } from './suggesties.request.dto';
import { SuggestiesResponseDto } from './suggesties.response.dto';

@ApiTags('register')
@Rollen(...LEZERS)
@Controller('api/suggesties')
export class SuggestiesHttpController {
  constructor(private readonly query: RegisterQuery) {}

  @Get()
  @ApiOperation({ summary: 'Waarden uit het register die het getypte bevatten (Kamerleden, fracties, bewindspersonen, thema’s), om uit te kiezen terwijl iemand typt' })
  @ApiOkResponse({ type: SuggestiesResponseDto })
  @ApiBadRequestResponse({ description: 'Onbekend veld of lege zoekterm' })
  async suggesties(@Query() q: SuggestiesRequestDto): Promise<SuggestiesResponseDto> {
    return { veld: q.veld, q: q.q, suggesties: await this.query.suggesties(q.veld, q.q, q.max) };
  }
}
