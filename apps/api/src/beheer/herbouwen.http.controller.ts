import { ConflictException, Controller, HttpCode, InternalServerErrorException, Logger, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rollen } from '@register/access';
import { NotLeaderError, ProjectionRunner, RebuildFailedError } from '@register/read-models';
import { HerbouwResponseDto } from './herbouwen.response.dto';

@ApiTags('beheer')
@Rollen('beheerder')
@Controller('api/beheer/herbouwen')
export class HerbouwenHttpController {
  private readonly logger = new Logger('Herbouwen');

  constructor(private readonly runner: ProjectionRunner) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Bouw alle leesmodellen opnieuw op uit het eventlog (het register is zolang onvolledig)',
    description:
      'Voegt nooit events toe: reactors (zoals het afdoen van items na verzending van een halfjaarbericht) gaan niet opnieuw over het log. ' +
      'Mislukt het, dan volgen de projecties het log daarna weer vanaf hun checkpoint en meldt /health de fout tot ze weer bij zijn.',
  })
  @ApiOkResponse({ type: HerbouwResponseDto })
  @ApiConflictResponse({ description: 'Er loopt al een herbouw, of deze instantie leidt de projecties niet' })
  async herbouw(): Promise<HerbouwResponseDto> {
    if (this.runner.rebuilding) throw new ConflictException('Er loopt al een herbouw.');
    const start = Date.now();
    try {
      // The runner pauses the live projections and resumes them afterwards, also when it fails.
      await this.runner.rebuild();
    } catch (error) {
      if (error instanceof NotLeaderError) throw new ConflictException(error.message);
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      const wat = error instanceof RebuildFailedError ? `de projectie ${error.projections.join(' + ')}` : 'een projectie';
      throw new InternalServerErrorException(`Herbouwen mislukt bij ${wat}. De projecties volgen het log weer vanaf hun checkpoint; /health meldt de fout tot ze weer bij zijn.`);
    }
    return { positie: this.runner.position().toString(), duurMs: Date.now() - start };
  }
}
