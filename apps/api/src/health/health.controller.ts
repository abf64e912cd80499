import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Publiek } from '@register/access';
import { EVENT_STORE, EventStore } from '@register/event-store';
import { ProjectionRunner } from '@register/read-models';

/** Ready once the event store and read-model database answer; says how far each projection lags. */
@ApiTags('beheer')
@Publiek()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Gezondheid: event store, leesmodeldatabase en achterstand van de projecties' })
  check() {
    return this.health.check([
      () => this.db.pingCheck('leesmodellen', { timeout: 2000 }),
      async () => {
        const check = this.indicator.check('eventstore');
        try {
          const head = await this.store.headPosition();
          return check.up({ adapter: this.store.name, positie: head.toString() });
        } catch (error) {
          return check.down({ adapter: this.store.name, fout: error instanceof Error ? error.message : String(error) });
        }
      },
      async () => {
        const check = this.indicator.check('projecties');
        const head = await this.store.headPosition();
        const projecties = this.runner.status().map((s) => ({
          naam: s.name,
          versie: s.version,
          positie: s.position.toString(),
          achterstand: (head > s.position ? head - s.position : 0n).toString(),
          bijgewerkt: s.caughtUp,
          fout: s.lastError,
        }));
        return projecties.some((p) => p.fout) ? check.down({ projecties }) : check.up({ projecties });
      },
    ]);
  }
}
