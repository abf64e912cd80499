import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from './auth.guard';
import { IkResponseDto } from './ik.response.dto';
import { ROLLEN, Rollen } from './rollen';

/** Who the caller is: the web app shows only the pages and actions the roles allow. */
@ApiTags('toegang')
@Controller('api/ik')
export class IkHttpController {
  @Get()
  @Rollen(...ROLLEN)
  @ApiOperation({ summary: 'Wie bent u: naam, rollen en (als bekend) e-mailadres van het token waarmee u bent aangemeld' })
  @ApiOkResponse({ type: IkResponseDto })
  ik(@Req() request: AuthenticatedRequest): IkResponseDto {
    const { naam, rollen, email } = request.identiteit!;
    return { naam, rollen: [...rollen], ...(email ? { email } : {}) };
  }
}
