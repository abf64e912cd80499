import { LEZERS, Rollen } from '@register/access';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ItemKortResponseDto, ItemPageResponseDto, ItemResponseDto } from '../item.response.dto';
import { RegisterReadService } from '../register-read.service';
import { LijstItemsRequestDto } from './lijst-items.request.dto';

@ApiTags('register')
@ApiExtraModels(ItemResponseDto, ItemKortResponseDto)
@Rollen(...LEZERS)
@Controller('api/items')
export class LijstItemsHttpController {
  constructor(private readonly register: RegisterReadService) {}

  @Get()
  @ApiOperation({ summary: 'Het register: moties en toezeggingen, gefilterd, gezocht, gesorteerd en per pagina' })
  @ApiOkResponse({ type: ItemPageResponseDto })
  @ApiBadRequestResponse({ description: 'Ongeldige filterwaarde' })
  async lijst(@Query() q: LijstItemsRequestDto): Promise<ItemPageResponseDto> {
    await this.register.wachtOp(q.minimalePositie);
    return this.register.lijst(
      {
        soort: q.soort,
        status: q.status,
        lid: q.lid,
        fractie: q.fractie,
        bewindspersoon: q.bewindspersoon,
        ministerie: q.ministerie,
        thema: q.thema,
        achterstalligOp: q.achterstalligOp,
        zoek: q.zoek,
        ...q.sorteerveld(),
        pagina: q.pagina,
        perPagina: q.perPagina,
      },
      q.achterstalligOp,
      q.weergave,
    );
  }
}
