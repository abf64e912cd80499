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
      q.registerFilter(),
      q.achterstalligOp,
      q.weergave,
    );
  }
}
