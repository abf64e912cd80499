import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { ProjectionLease } from './projection-lease';
import { ProjectionLeadershipRecord } from './projection-leadership.entity';
import { ProjectionRunner } from './projection-runner';

const RECORD = 'projecties';

export interface LeadershipStatus {
  /** This instance. */
  readonly instance: string;
  readonly leading: boolean;
  readonly lease: ProjectionLease['kind'];
  /** The leader as it last wrote itself down; null before any instance led. */
  readonly leader: { readonly instance: string; readonly since: string; readonly heartbeatAt: string } | null;
}

export interface LeadershipOptions {
  /** How often an instance without the lease asks for it. */
  readonly acquireEveryMs?: number;
  /** How soon the leader writes down a new position. */
  readonly publishEveryMs?: number;
  /** How often the leader writes down that it lives, when nothing moves. */
  readonly heartbeatMs?: number;
}

/** host:pid:random, so two processes (or two apps in one test process) never share a name. */
export function instanceName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * Several instances on one store: the one that holds the lease runs the projections and reactors and
 * writes down who it is and up to where every projection has got; the others keep their runner in
 * standby, so their queries wait for the leader's progress as read from the shared database. Whoever
 * lacks the lease asks for it every second; when the leader dies, the next to ask takes over and its
 * runner resumes from the stored checkpoints. A leader whose lease is lost stops at once and stands by.
 */
export class ProjectionLeadership {
  private leadingNow = false;
  private stopped = true;
  private acquireTimer?: NodeJS.Timeout;
  private publishTimer?: NodeJS.Timeout;
  private published = { position: '', at: 0 };
  private since = '';
  /** One change of role at a time. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly lease: ProjectionLease,
    private readonly dataSource: DataSource,
    readonly instance: string = instanceName(),
    private readonly log: (message: string, level?: 'log' | 'warn') => void = () => undefined,
    private readonly options: LeadershipOptions = {},
  ) {
    lease.onLost((reason) => {
      void this.inTurn(async () => {
        if (!this.leadingNow || this.stopped) return;
        this.log(`Instantie ${this.instance} is de leiding over de projecties kwijt (${reason}); de projecties stoppen hier.`);
        await this.standBy();
        this.scheduleAcquire();
      });
    });
  }

  get leading(): boolean {
    return this.leadingNow;
  }

  /** Leads at once when the lease is free (a single instance starts as before), else stands by. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.inTurn(() => this.attempt());
    if (!this.leadingNow) await this.inTurn(() => (this.runner.inStandby ? Promise.resolve() : this.standBy()));
    this.scheduleAcquire();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.acquireTimer);
    clearTimeout(this.publishTimer);
    await this.inTurn(async () => {
      await this.runner.stop();
      if (this.leadingNow) {
        // The checkpoints are committed: hand over without waiting for anything.
        await this.runner.exclusive((m) => m.update(ProjectionLeadershipRecord, { naam: RECORD, instantie: this.instance }, { bijgewerktOp: new Date(0).toISOString() })).catch(() => undefined);
      }
      this.leadingNow = false;
      await this.lease.release();
    });
  }

  async status(): Promise<LeadershipStatus> {
    const record = await this.dataSource.getRepository(ProjectionLeadershipRecord).findOneBy({ naam: RECORD });
    return {
      instance: this.instance,
      leading: this.leadingNow,
      lease: this.lease.kind,
      leader: record ? { instance: record.instantie, since: record.sinds, heartbeatAt: record.bijgewerktOp } : null,
    };
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turn.then(work, work);
    this.turn = result.catch(() => undefined);
    return result;
  }

  private scheduleAcquire(): void {
    clearTimeout(this.acquireTimer);
    if (this.stopped) return;
    this.acquireTimer = setTimeout(() => {
      void this.inTurn(() => (this.leadingNow || this.stopped ? Promise.resolve() : this.attempt())).finally(() => this.scheduleAcquire());
    }, this.options.acquireEveryMs ?? 1000);
    this.acquireTimer.unref();
  }

  private async attempt(): Promise<void> {
    let acquired: boolean;
    try {
      acquired = await this.lease.tryAcquire();
    } catch (error) {
      this.log(`De leiding over de projecties kon niet worden gevraagd: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (!acquired) return;
    this.leadingNow = true;
    this.since = new Date().toISOString();
    this.published = { position: '', at: 0 };
    this.log(`Instantie ${this.instance} voert de projecties uit (${this.lease.kind}).`, 'log');
    await this.publish();
    this.schedulePublish();
    // Catching up may take long (a version bump rebuilds): the position is published meanwhile.
    await this.runner.start();
  }

  private async standBy(): Promise<void> {
    this.leadingNow = false;
    clearTimeout(this.publishTimer);
    await this.runner.standby(async () => {
      const record = await this.dataSource.getRepository(ProjectionLeadershipRecord).findOneBy({ naam: RECORD });
      return record ? BigInt(record.positie) : null;
    });
  }

  private schedulePublish(): void {
    clearTimeout(this.publishTimer);
    this.publishTimer = setTimeout(() => {
      if (!this.leadingNow) return;
      void this.publish().finally(() => {
        if (this.leadingNow) this.schedulePublish();
      });
    }, this.options.publishEveryMs ?? 50);
    this.publishTimer.unref();
  }

  /** Writes down the runner's position when it moved, and a heartbeat now and then. */
  private async publish(): Promise<void> {
    const position = this.runner.position().toString();
    const now = Date.now();
    if (position === this.published.position && now - this.published.at < (this.options.heartbeatMs ?? 1000)) return;
    const record = { naam: RECORD, instantie: this.instance, sinds: this.since, positie: position, bijgewerktOp: new Date(now).toISOString() };
    try {
      await this.runner.exclusive((m) => m.upsert(ProjectionLeadershipRecord, record, ['naam']));
      this.published = { position, at: now };
    } catch (error) {
      this.log(`De positie van de projecties kon niet worden vastgelegd: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
