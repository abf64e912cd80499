import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandBus } from '@nestjs/cqrs';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig, Clock } from '@register/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { HerinneringRow } from '@register/read-models';
import { CronJob } from 'cron';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { dagenNa } from './herinnering-lijsten';
import { VerstuurHerinneringenCommand } from './herinneringen.commands';
import { HerinneringenResultaat } from './herinneringen.service';
import { zonderSmtpGeheim } from './mail-verzender';

const JOB = 'herinneringen';
/** After a run the mail server failed, tried again after these waits the same day. */
const HERHAAL_NA_MINUTEN = [15, 30, 60] as const;
/** How far back unfinished reminders are reported on /health: long enough to be noticed, not for ever. */
const ONAFGEMAAKT_DAGEN = 7;

export interface HerinneringenStatus {
  readonly aan: boolean;
  readonly melding: string;
  readonly schema: string;
  readonly volgende: string | null;
  readonly bezig: boolean;
  readonly laatste: { readonly begonnen: string; readonly klaar: string | null; readonly resultaat: HerinneringenResultaat | null; readonly fout: string | null } | null;
  /** The last run left mails unsent or refused: reported on /health, never silent. */
  readonly verstoord: boolean;
}

export interface HerinneringenSamenvatting {
  readonly toestand: 'uit' | 'verstoord' | 'in orde';
  readonly aan: boolean;
  readonly schema: string;
  readonly volgende: string | null;
  readonly bezig: boolean;
  readonly verstoord: boolean;
  /**
   * Reminders of the past week's earlier days that were prepared but never answered or failed and were
   * not retried that day (the sending instance died, say): from the shared read model, so every
   * instance says it. No later run sends them; a person must see them.
   */
  readonly onafgemaakt: number;
  readonly laatste: {
    readonly begonnen: string;
    readonly klaar: string | null;
    readonly datum: string | null;
    readonly verstuurd: number;
    readonly mislukt: number;
    readonly nietGeprobeerd: number;
    readonly serverOnbereikbaar: boolean;
    readonly fout: boolean;
  } | null;
}

/**
 * The daily schedule (HERINNERING_CRON, Dutch time) on the server. Every instance schedules it; the
 * run's own lock lets one send and the others find it taken. A run the mail server failed is tried
 * again a few times that day; what the last run did is on /health.
 */
@Injectable()
export class HerinneringenJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Herinneringen');
  private laatste: HerinneringenStatus['laatste'] = null;
  private bezig = false;
  private herhaling?: NodeJS.Timeout;

  constructor(
    private readonly commands: CommandBus,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private get aan(): boolean {
    return !!this.config.get('SMTP_URL', { infer: true });
  }

  onApplicationBootstrap(): void {
    const schema = this.config.get('HERINNERING_CRON', { infer: true });
    if (!this.aan) {
      this.logger.log('SMTP_URL is niet gezet: er worden geen herinneringen verstuurd.');
      return;
    }
    const job = CronJob.from({ cronTime: schema, onTick: () => void this.start(0), timeZone: 'Europe/Amsterdam', start: true });
    this.scheduler.addCronJob(JOB, job);
    this.logger.log(`Herinneringen volgens "${schema}" (Nederlandse tijd); de volgende om ${job.nextDate().toISO()}.`);
  }

  onApplicationShutdown(): void {
    clearTimeout(this.herhaling);
    if (this.scheduler.doesExist('cron', JOB)) this.scheduler.deleteCronJob(JOB);
  }

  status(): HerinneringenStatus {
    const schema = this.config.get('HERINNERING_CRON', { infer: true });
    const job = this.aan && this.scheduler.doesExist('cron', JOB) ? this.scheduler.getCronJob(JOB) : null;
    const r = this.laatste?.resultaat;
    const verstoord = !!this.laatste?.fout || !!r?.serverFout || !!r?.onderbroken || (r?.mislukt ?? 0) > 0;
    return {
      aan: this.aan,
      melding: this.aan ? (verstoord ? 'De laatste verzending liet herinneringen onverstuurd; zie laatste.' : 'In orde.') : 'SMTP_URL is niet gezet: er worden geen herinneringen verstuurd.',
      schema,
      volgende: job ? (job.nextDate().toISO() ?? null) : null,
      bezig: this.bezig,
      laatste: this.laatste,
      verstoord,
    };
  }

  /**
   * What /health shows, which anyone may read: whether the last run left mail unsent and how much,
   * never to whom or the server's words (GET /api/herinneringen/verzending has those, for staff).
   */
  async samenvatting(): Promise<HerinneringenSamenvatting> {
    const { aan, schema, volgende, bezig, laatste, verstoord: laatsteVerstoord } = this.status();
    const r = laatste?.resultaat;
    const onafgemaakt = aan ? await this.onafgemaakt() : 0;
    const verstoord = laatsteVerstoord || onafgemaakt > 0;
    return {
      toestand: !aan ? 'uit' : verstoord ? 'verstoord' : 'in orde',
      aan,
      schema,
      volgende,
      bezig,
      verstoord,
      onafgemaakt,
      laatste: laatste
        ? { begonnen: laatste.begonnen, klaar: laatste.klaar, datum: r?.datum ?? null, verstuurd: r?.verstuurd ?? 0, mislukt: r?.mislukt ?? 0, nietGeprobeerd: r?.nietGeprobeerd ?? 0, serverOnbereikbaar: !!r?.serverFout, fout: !!laatste.fout || !!r?.onderbroken }
        : null,
    };
  }

  private async onafgemaakt(): Promise<number> {
    const vandaag = this.clock.today();
    const weekTerug = dagenNa(vandaag, -ONAFGEMAAKT_DAGEN);
    return this.dataSource
      .getRepository(HerinneringRow)
      .createQueryBuilder('h')
      .where('h.datum >= :weekTerug AND h.datum < :vandaag', { weekTerug, vandaag })
      .andWhere("(h.status = 'Voorbereid' OR (h.status = 'Mislukt' AND h.blijvend = :nee))", { nee: false })
      .getCount();
  }

  /** One scheduled run; `herhaling` counts the retries after a failed mail server. */
  async start(herhaling: number): Promise<void> {
    if (this.bezig) return;
    this.bezig = true;
    clearTimeout(this.herhaling);
    const begonnen = this.clock.now().toISOString();
    this.laatste = { begonnen, klaar: null, resultaat: null, fout: null };
    const commandId = randomUUID();
    try {
      const resultaat = await this.commands.execute(new VerstuurHerinneringenCommand(this.clock.today(), { commandId, correlationId: commandId, causationId: commandId, actor: 'herinneringen:dagelijks' }));
      this.laatste = { begonnen, klaar: this.clock.now().toISOString(), resultaat, fout: null };
      (resultaat.serverFout || resultaat.mislukt ? this.logger.warn.bind(this.logger) : this.logger.log.bind(this.logger))(`Herinneringen ${resultaat.datum}: ${resultaat.melding}`);
      // Also when another run held the lock: should that one die, this one sends what it left.
      if (resultaat.bezet || resultaat.serverFout || resultaat.onderbroken || resultaat.fouten.some((f) => !f.blijvend)) this.herhaal(herhaling);
    } catch (error) {
      const fout = zonderSmtpGeheim(error instanceof Error ? error.message : String(error), this.config.get('SMTP_URL', { infer: true }));
      this.laatste = { begonnen, klaar: this.clock.now().toISOString(), resultaat: null, fout };
      this.logger.error(`Herinneringen niet verstuurd: ${fout}`);
      this.herhaal(herhaling);
    } finally {
      this.bezig = false;
    }
  }

  private herhaal(herhaling: number): void {
    const minuten = HERHAAL_NA_MINUTEN[herhaling];
    if (minuten === undefined) return;
    this.herhaling = setTimeout(() => void this.start(herhaling + 1), minuten * 60_000);
    this.herhaling.unref();
  }
}
