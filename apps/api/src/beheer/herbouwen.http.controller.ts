import { ConflictException, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rollen } from '@register/access';
import { ProjectionRunner } from '@register/read-models';

@ApiTags('beheer')
@Rollen('beheerder')
@Controller('api/beheer/herbouwen')
export class HerbouwenHttpController {
  private bezig = false;

  constructor(private readonly runner: ProjectionRunner) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Bouw alle leesmodellen opnieuw op uit het eventlog (het register is zolang onvolledig)' })
  async herbouw(): Promise<{ positie: string; duurMs: number }> {
    if (this.bezig) throw new ConflictException('Er loopt al een herbouw.');
    this.bezig = true;
    const start = Date.now();
    try {
      await this.runner.stop();
      await this.runner.rebuild();
      await this.runner.start();
      return { positie: this.runner.position().toString(), duurMs: Date.now() - start };
    } finally {
      this.bezig = false;
    }
  }
}
