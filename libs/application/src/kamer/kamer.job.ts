import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandBus } from '@nestjs/cqrs';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig, Clock } from '@register/platform';
import { CronJob } from 'cron';
import { randomUUID } from 'node:crypto';
import { SynchroniseerKamerCommand } from './kamer.commands';
import { KamerSynchronisatieResultaat, KamerSynchronisatieService } from './kamer-synchronisatie.service';

const JOB = 'kamer-synchronisatie';

export interface KamerRun {
  readonly begonnen: string;
  readonly klaar: string | null;
  /** `schema`: the cron; otherwise who pressed the button. */
  readonly door: string;
  readonly resultaat: KamerSynchronisatieResultaat | null;
  readonly fout: string | null;
}

export interface KamerKoppelingStatus {
  readonly toestand: 'uit' | 'in orde' | 'verstoord';
  readonly aan: boolean;
  readonly schema: string;
  readonly volgende: string | null;
  readonly bezig: boolean;
  /** The last run on this instance. */
  readonly laatste: KamerRun | null;
  /** When a run on this instance last ended without error. */
  readonly laatsteSucces: string | null;
}

/**
 * The Kamer link's schedule (TK_SYNC_CRON, Dutch time) on the server, and the griffier's button.
 * Every instance schedules it; the run's own lock lets one ask the Kamer and the others find it
 * taken. A run the Kamer did not answer leaves the watermark where it was: the next one catches up.
 */
@Injectable()
export class KamerSynchronisatieJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Kamer');
  private laatste: KamerRun | null = null;
  private laatsteSucces: string | null = null;
  private lopend: Promise<void> | null = null;

  constructor(
    private readonly commands: CommandBus,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly kamer: KamerSynchronisatieService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.kamer.aan()) return;
    const schema = this.config.get('TK_SYNC_CRON', { infer: true });
    const job = CronJob.from({ cronTime: schema, onTick: () => void this.start('schema'), timeZone: 'Europe/Amsterdam', start: true });
    this.scheduler.addCronJob(JOB, job);
    this.logger.log(`Koppeling met de Tweede Kamer (${this.kamer.basisUrl()}) volgens "${schema}" (Nederlandse tijd); de volgende om ${job.nextDate().toISO()}.`);
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('cron', JOB)) this.scheduler.deleteCronJob(JOB);
  }

  get bezig(): boolean {
    return this.lopend !== null;
  }

  status(): KamerKoppelingStatus {
    const aan = this.kamer.aan();
    const job = aan && this.scheduler.doesExist('cron', JOB) ? this.scheduler.getCronJob(JOB) : null;
    const verstoord = !!this.laatste?.fout || !!this.laatste?.resultaat?.fout;
    return {
      toestand: !aan ? 'uit' : verstoord ? 'verstoord' : 'in orde',
      aan,
      schema: this.config.get('TK_SYNC_CRON', { infer: true }),
      volgende: job ? (job.nextDate().toISO() ?? null) : null,
      bezig: this.bezig,
      laatste: this.laatste,
      laatsteSucces: this.laatsteSucces,
    };
  }

  /** Starts a run in the background; false when one runs on this instance already. The promise is the run's. */
  start(door: string): { gestart: boolean; klaar: Promise<void> } {
    if (this.lopend) return { gestart: false, klaar: this.lopend };
    this.lopend = this.run(door).finally(() => (this.lopend = null));
    return { gestart: true, klaar: this.lopend };
  }

  private async run(door: string): Promise<void> {
    const begonnen = this.clock.now().toISOString();
    this.laatste = { begonnen, klaar: null, door, resultaat: null, fout: null };
    const commandId = randomUUID();
    try {
      const resultaat = await this.commands.execute(new SynchroniseerKamerCommand({ commandId, correlationId: commandId, causationId: commandId, actor: door === 'schema' ? 'kamer:schema' : door }));
      const klaar = this.clock.now().toISOString();
      this.laatste = { begonnen, klaar, door, resultaat, fout: null };
      if (!resultaat.fout && !resultaat.bezet) this.laatsteSucces = klaar;
      (resultaat.fout ? this.logger.warn.bind(this.logger) : this.logger.log.bind(this.logger))(`Tweede Kamer: ${resultaat.melding}`);
    } catch (error) {
      // Not the Kamer's answer but our own failure (the database, a bug): its words are for the log, not for every reader of the status.
      this.laatste = { begonnen, klaar: this.clock.now().toISOString(), door, resultaat: null, fout: 'Onverwachte fout in het register; de beheerder vindt de oorzaak in het serverlog.' };
      this.logger.error(`Synchronisatie met de Tweede Kamer mislukt: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}
