import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Publiek } from '@register/access';
import { HerinneringenJob, KamerSynchronisatieJob } from '@register/application';
import { EVENT_STORE, EventStore } from '@register/event-store';
import { LeadershipStatus, ProjectionLeadership, ProjectionRunner, ProjectionStatus } from '@register/read-models';

/** A leader that has not written down that it lives for this long counts as gone. */
const LEIDER_STIL_MS = 10_000;

/**
 * Ready once the event store and read-model database answer and every projection and reactor follows
 * the log without error; says how far each lags. During a rebuild, or after a failure until the
 * runner's retry succeeds, the answer is 503 with the reason. With several instances it says which one
 * runs the projections (`leiding`); the others report the positions from the shared checkpoints, and
 * are ready while a leader lives. It also says how the last reminder run went (`herinneringen`:
 * `verstoord` when mail did not go out), without making the instance unready for it.
 */
@ApiTags('beheer')
@Publiek()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    private readonly runner: ProjectionRunner,
    private readonly leadership: ProjectionLeadership,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly herinneringen: HerinneringenJob,
    private readonly kamer: KamerSynchronisatieJob,
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
        const check = this.indicator.check('leiding');
        const leiding = await this.leadership.status();
        const details = {
          instantie: leiding.instance,
          leider: leiding.leading,
          slot: leiding.lease,
          leiderInstantie: leiding.leader && this.leeft(leiding) ? leiding.leader.instance : null,
          leiderSinds: leiding.leader?.since ?? null,
          leiderGezien: leiding.leader?.heartbeatAt ?? null,
        };
        return leiding.leading || this.leeft(leiding) ? check.up(details) : check.down({ ...details, reden: 'Geen instantie voert de projecties uit.' });
      },
      // Mail that did not go out is said here, but does not make the instance unready: it serves the register as before.
      async () => {
        return this.indicator.check('herinneringen').up({ ...(await this.herinneringen.samenvatting()) });
      },
      // Likewise the Kamer link: the register serves on when the Kamer does not answer. Counts and times only (no URL, no error text: /health is public).
      async () => {
        const { toestand, aan, schema, volgende, bezig, laatste, laatsteSucces } = this.kamer.status();
        return this.indicator.check('kamer').up({
          toestand,
          aan,
          schema,
          volgende,
          bezig,
          laatsteSucces,
          laatste: laatste ? { begonnen: laatste.begonnen, klaar: laatste.klaar, voorgesteld: laatste.resultaat?.voorgesteld ?? 0, fout: !!laatste.fout || !!laatste.resultaat?.fout } : null,
        });
      },
      async () => {
        const check = this.indicator.check('projecties');
        const head = await this.store.headPosition();
        const status = this.runner.status();
        // In events: the embedded store's positions count events; KurrentDB's are byte offsets, so it counts (up to 1000).
        const achterstanden = await Promise.all(status.map((s) => (this.store.eventsAfter ? this.store.eventsAfter(s.position) : Promise.resolve(Number(head > s.position ? head - s.position : 0n)))));
        const projecties = status.map((s, i) => ({
          naam: s.name,
          soort: s.kind,
          versie: s.version,
          positie: s.position.toString(),
          achterstand: String(achterstanden[i]),
          bijgewerkt: s.caughtUp,
          volgt: s.following,
          fout: s.lastError,
        }));
        const reden = this.reden(status);
        return reden ? check.down({ reden, projecties }) : check.up({ projecties });
      },
    ]);
  }

  private reden(status: readonly ProjectionStatus[]): string | null {
    if (this.runner.rebuilding) return 'Er loopt een herbouw: de projecties volgen het log niet tot die klaar is.';
    // A standby instance follows nothing itself: the leader's health says how its projections do.
    if (this.runner.inStandby) return null;
    const fout = status.filter((s) => s.lastError);
    if (fout.length > 0) return fout.map((s) => `${s.name}: ${s.lastError}`).join('; ');
    const stil = status.filter((s) => !s.following).map((s) => s.name);
    if (stil.length > 0) return `${stil.join(', ')} ${stil.length === 1 ? 'volgt' : 'volgen'} het log niet.`;
    return null;
  }

  private leeft(leiding: LeadershipStatus): boolean {
    return leiding.leader !== null && Date.now() - Date.parse(leiding.leader.heartbeatAt) < LEIDER_STIL_MS;
  }
}
