import { Controller, Get, Inject, NotImplementedException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rollen } from '@register/access';
import { EVENT_STORE, EventStore, VerificationReport } from '@register/event-store';
import { Clock } from '@register/platform';

@ApiTags('audit')
@Controller('api/audit/verificatie')
export class VerificatieHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Rollen('auditor')
  @ApiOperation({ summary: 'Controleer de hashketen van elke stream: is er na het vastleggen iets gewijzigd of verwijderd?' })
  verifieer(): VerificationReport & { gecontroleerdOp: string; intact: boolean } {
    if (!this.store.verify) throw new NotImplementedException(`De event store ${this.store.name} houdt (nog) geen hashketen bij.`);
    const rapport = this.store.verify();
    return { ...rapport, intact: rapport.problemen.length === 0, gecontroleerdOp: this.clock.now().toISOString() };
  }
}
