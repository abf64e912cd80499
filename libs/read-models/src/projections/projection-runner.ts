import { EventStore, START, StoredEvent, Subscription } from '@register/event-store';
import { DataSource, EntityManager, In, Like } from 'typeorm';
import { Projection, Reactor } from './projection';
import { ProjectionCheckpoint } from './projection-checkpoint.entity';

export interface ProjectionStatus {
  readonly name: string;
  readonly kind: 'projectie' | 'reactor';
  /** A reactor has none: it is never replayed. */
  readonly version: number | null;
  readonly position: bigint;
  readonly caughtUp: boolean;
  /** A live subscription is open: new events reach it. */
  readonly following: boolean;
  readonly lastError: string | null;
}

/** A rebuild stopped at these projections; the ones before them are rebuilt, the ones after untouched. */
export class RebuildFailedError extends Error {
  constructor(
    readonly projections: readonly string[],
    override readonly cause: unknown,
  ) {
    super(`Herbouw van ${projections.join(' + ')} mislukt: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** This instance does not run the projections now: another one holds the lease (see ProjectionLeadership). */
export class NotLeaderError extends Error {
  constructor() {
    super('Deze instantie voert de projecties nu niet uit: een andere instantie is leider. Herbouwen kan alleen op de leider (zie /health).');
  }
}

/**
 * Another runner committed this projection past the events about to be applied: two instances ran it
 * at once (a lease lost while its holder still lived). The transaction is rolled back, so nothing is
 * applied twice.
 */
export class CheckpointOvertakenError extends Error {
  constructor(name: string, stored: string, first: bigint) {
    super(`Het checkpoint van ${name} staat al op ${stored}, voorbij positie ${first}: een andere instantie voert deze projectie uit.`);
  }
}

export interface RebuildProgress {
  readonly projection: string;
  readonly position: bigint;
  readonly head: bigint;
  readonly events: number;
  readonly elapsedMs: number;
}

/** Events per transaction when catching up: large enough to amortise the commit, small enough for memory. */
const BATCH_SIZE = 5000;

/** Marker position while a rebuild is still in its stream-by-stream phase (stored in checkpoints as it was first written). */
const STREAM_BY_STREAM_PHASE = 'stromen';

/** A standby runner reads the shared checkpoints this often, and this often while a query waits. */
const STANDBY_POLL_MS = 1000;
const STANDBY_WAIT_POLL_MS = 50;

/** A failing subscriber is tried again after retryDelayMs, doubled on each failure up to this. */
const MAX_RETRY_DELAY_MS = 30_000;

/** The version column of a reactor's checkpoint row: a reactor has no version. */
const REACTOR_CHECKPOINT_VERSION = 0;

type Subscriber = Projection | Reactor;

function isReactor(subscriber: Subscriber): subscriber is Reactor {
  return 'react' in subscriber;
}

function rebuildMarker(projection: Projection): string {
  return `${projection.name}#herbouw`;
}

interface Waiter {
  readonly position: bigint;
  readonly resolve: () => void;
}

/**
 * Feeds each projection from the store's subscription, starting at its stored checkpoint. The rows
 * and the checkpoint are written in one transaction, so a crash never applies an event twice or
 * skips one: after a restart the projection resumes exactly where the last commit left it.
 *
 * Reactors follow the log alongside, each from its own checkpoint, but a rebuild only ever touches
 * the projections: it appends no event.
 */
export class ProjectionRunner {
  private readonly reactors: Reactor[] = [];
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly state = new Map<string, { position: bigint; caughtUp: boolean; lastError: string | null }>();
  /** Failures in a row per subscriber, for the retry delay. */
  private readonly failures = new Map<string, number>();
  private waiters: Waiter[] = [];
  private running = false;
  /** While a rebuild runs, the projections do not follow the log (reactors do). */
  private rebuildRunning = false;
  /**
   * One transaction at a time: on SQLite every projection shares the driver's single connection, and
   * two interleaved transactions on it would commit each other's work.
   */
  private lock: Promise<unknown> = Promise.resolve();
  /** The last checkpoint each projection committed, and when. */
  private readonly persisted = new Map<string, { position: bigint; at: number }>();
  /**
   * Standby: another instance runs the projections; this one reports their progress from the shared
   * checkpoints and from what the leader publishes, instead of from its own memory.
   */
  private standbyRead?: () => Promise<bigint | null>;
  private standbyTimer?: NodeJS.Timeout;
  private standbyDueAt = 0;
  private standbyPublished = START;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly projections: Projection[],
    private readonly log: (message: string) => void = () => undefined,
    private readonly retryDelayMs = 1000,
  ) {}

  /** Adds a reactor; before start or catch-up. A rebuild never runs it. */
  addReactor(reactor: Reactor): void {
    if (![...this.projections, ...this.reactors].some((s) => s.name === reactor.name)) this.reactors.push(reactor);
  }

  /**
   * Starts following the log live. A projection whose version changed is rebuilt first; one whose
   * rebuild was interrupted is caught up and finished first. One that fails is reported in its
   * status and tried again later; the others start regardless.
   */
  async start(): Promise<void> {
    this.endStandby();
    this.persisted.clear();
    if (await this.nieuweLeesmodellen()) {
      // A new read-model database beside a log that is already written (a first start on
      // PostgreSQL, a deleted SQLite file) is built as a rebuild builds it: stream by stream, the
      // projections over the same streams in one pass, indexes deferred. Followed live batch by
      // batch, a million events took over ten minutes instead of one and a half.
      this.log('De leesmodellen zijn nog leeg naast een log met events: ze worden eerst opgebouwd, zoals bij herbouwen.');
      await this.rebuild();
    }
    this.running = true;
    for (const subscriber of this.subscribers()) await this.startOne(subscriber);
  }

  /**
   * No projection has a checkpoint yet while the log has events. A projection added in a release
   * beside read models already built is not this: it follows the log from the start as before.
   */
  private async nieuweLeesmodellen(): Promise<boolean> {
    if (this.projections.length === 0) return false;
    const opgebouwd = await this.dataSource.getRepository(ProjectionCheckpoint).countBy({ name: In(this.projections.map((p) => p.name)) });
    return opgebouwd === 0 && (await this.store.headPosition()) > START;
  }

  async stop(): Promise<void> {
    this.endStandby();
    this.running = false;
    await this.unfollow(this.subscribers());
  }

  /**
   * Another instance runs the projections: this runner follows nothing and reports each projection's
   * position from the shared checkpoints, and as the lowest position `published` (what the leader
   * says every projection has processed, ignored events included), whichever is further. Queries
   * waiting for a position are answered when that shared progress reaches it.
   */
  async standby(published: () => Promise<bigint | null>): Promise<void> {
    await this.stop();
    this.standbyRead = published;
    this.standbyPublished = START;
    await this.refreshFromShared();
  }

  /** Another instance runs the projections (see standby()). */
  get inStandby(): boolean {
    return this.standbyRead !== undefined;
  }

  private endStandby(): void {
    clearTimeout(this.standbyTimer);
    this.standbyTimer = undefined;
    this.standbyRead = undefined;
  }

  private async refreshFromShared(): Promise<void> {
    const read = this.standbyRead;
    if (!read) return;
    try {
      const [rows, published, head] = await Promise.all([this.dataSource.getRepository(ProjectionCheckpoint).find(), read(), this.store.headPosition()]);
      if (this.standbyRead !== read) return;
      const stored = new Map(rows.map((r) => [r.name, r]));
      for (const subscriber of this.subscribers()) {
        const row = stored.get(subscriber.name);
        // A checkpoint of another version is the leader's business (it rebuilds it): not this version's progress.
        const geldig = row !== undefined && /^-?\d+$/.test(row.position) && (isReactor(subscriber) || row.version === subscriber.version);
        const position = geldig ? BigInt(row.position) : START;
        this.state.set(subscriber.name, { position, caughtUp: position >= head, lastError: null });
      }
      this.standbyPublished = published ?? START;
    } catch (error) {
      this.log(`Stand-by: de gedeelde checkpoints konden niet worden gelezen: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.releaseWaiters();
    this.scheduleRefresh();
  }

  /** The next read of the shared progress: soon while a query waits, else now and then; never postponed. */
  private scheduleRefresh(): void {
    if (!this.standbyRead) return;
    const dueAt = Date.now() + (this.waiters.length > 0 ? STANDBY_WAIT_POLL_MS : STANDBY_POLL_MS);
    if (this.standbyTimer && this.standbyDueAt <= dueAt) return;
    clearTimeout(this.standbyTimer);
    this.standbyDueAt = dueAt;
    this.standbyTimer = setTimeout(() => {
      this.standbyTimer = undefined;
      void this.refreshFromShared();
    }, dueAt - Date.now());
    this.standbyTimer.unref();
  }

  /** A rebuild is under way: the projections do not follow the log meanwhile. */
  get rebuilding(): boolean {
    return this.rebuildRunning;
  }

  /**
   * Empties every read model and replays the whole log into it; reactors are left alone, so it
   * appends nothing. On a live runner the projections stop following the log for the time of it and
   * resume from their checkpoints afterwards, whatever happened; a projection whose rebuild failed
   * carries the error in its status until it applies events again.
   */
  async rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    if (this.inStandby) throw new NotLeaderError();
    if (this.rebuildRunning) throw new Error('Er loopt al een herbouw.');
    const live = this.running;
    this.rebuildRunning = true;
    try {
      if (live) await this.unfollow(this.projections);
      // Projections that read the same stream categories share one pass over those streams.
      const groepen = new Map<string, Projection[]>();
      for (const projection of this.projections.filter((p) => this.streamByStream(p))) {
        const sleutel = [...projection.categories!].sort().join(',');
        groepen.set(sleutel, [...(groepen.get(sleutel) ?? []), projection]);
      }
      for (const groep of groepen.values()) await this.rebuildStep(groep, () => this.rebuildStreams(groep, onProgress));
      for (const projection of this.projections) {
        await this.rebuildStep([projection], () => (this.streamByStream(projection) ? this.catchUpOne(projection, onProgress) : this.rebuildOne(projection, onProgress)));
      }
    } finally {
      this.rebuildRunning = false;
      if (live && this.running) for (const projection of this.projections) await this.startOne(projection);
    }
  }

  private async rebuildStep(groep: readonly Projection[], work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const message = `herbouw mislukt: ${error instanceof Error ? error.message : String(error)}`;
      for (const projection of groep) this.setState(projection, { lastError: message });
      this.log(`Projectie ${groep.map((p) => p.name).join(' + ')}: ${message}`);
      throw new RebuildFailedError(groep.map((p) => p.name), error);
    }
  }

  /**
   * Empties one projection and replays the log into it. A per-stream projection on a store that can
   * read by category is fed stream by stream up to the head seen at the start (each row written
   * once), then caught up in global order from there. The stream phase commits its rows with the
   * marker still at 'stromen': if it dies, the next catch-up starts the rebuild again from scratch.
   */
  private async rebuildOne(projection: Projection, onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    if (this.streamByStream(projection)) {
      await this.rebuildStreams([projection], onProgress);
    } else {
      await this.tx((m) => this.reset(projection, m, true));
      this.state.set(projection.name, { position: START, caughtUp: false, lastError: null });
    }
    await this.catchUpOne(projection, onProgress);
  }

  /**
   * The stream phase of a rebuild for one or more projections over the same categories: each is
   * emptied, then every batch of streams is read once and applied to each in one transaction.
   */
  private async rebuildStreams(groep: readonly Projection[], onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    for (const projection of groep) {
      await this.tx((m) => this.reset(projection, m, true));
      this.state.set(projection.name, { position: START, caughtUp: false, lastError: null });
    }
    const naam = groep.map((p) => p.name).join(' + ');
    const head = await this.store.headPosition();
    const started = Date.now();
    let events = 0;
    for await (const batch of this.store.readCategories!(groep[0].categories!, head, BATCH_SIZE)) {
      await this.tx(async (manager) => {
        for (const projection of groep) {
          const relevant = batch.filter((e) => projection.handles(e.type));
          if (relevant.length > 0) await projection.applyBatch(relevant, manager, { rebuilding: true });
        }
      });
      events += batch.length;
      // Streams are read in name order, not log order: the share of events done is the best measure.
      onProgress?.({ projection: naam, position: BigInt(Math.min(events, Number(head))), head, events, elapsedMs: Date.now() - started });
    }
    onProgress?.({ projection: naam, position: head, head, events, elapsedMs: Date.now() - started });
    await this.tx(async (manager) => {
      for (const projection of groep) {
        await this.writeCheckpoint(manager, projection, head);
        await manager.update(ProjectionCheckpoint, { name: rebuildMarker(projection) }, { position: head.toString() });
      }
    });
    for (const projection of groep) this.state.set(projection.name, { position: head, caughtUp: false, lastError: null });
  }

  /**
   * Applies everything between each projection's and each reactor's checkpoint and the current
   * head, then returns. Nothing is replayed: a reactor acts only on what it has not seen yet.
   */
  async catchUp(onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    for (const subscriber of this.subscribers()) await this.catchUpOne(subscriber, onProgress);
  }

  private async catchUpOne(subscriber: Subscriber, onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    const from = await this.prepare(subscriber);
    // A reactor is never rebuilt, so it never has a rebuild marker.
    const marker = isReactor(subscriber) ? null : await this.dataSource.getRepository(ProjectionCheckpoint).findOneBy({ name: rebuildMarker(subscriber) });
    if (!isReactor(subscriber) && marker?.position === STREAM_BY_STREAM_PHASE) {
      // A stream-by-stream rebuild died half-way: its rows are not in global order, so start it over.
      return this.rebuildOne(subscriber, onProgress);
    }
    const rebuilding = marker !== null;
    const head = await this.store.headPosition();
    const started = Date.now();
    let events = 0;
    for await (const batch of this.store.readAll(from, BATCH_SIZE, subscriber.eventTypePrefixes)) {
      await this.apply(subscriber, batch, rebuilding);
      events += batch.length;
      onProgress?.({ projection: subscriber.name, position: batch[batch.length - 1].position, head, events, elapsedMs: Date.now() - started });
      if (batch[batch.length - 1].position >= head) break;
    }
    if (subscriber.eventTypePrefixes && head > (this.state.get(subscriber.name)?.position ?? START)) {
      // Nothing else up to the head concerns it: its checkpoint moves there.
      await this.tx((manager) => this.writeCheckpoint(manager, subscriber, head));
      this.setState(subscriber, { position: head });
    }
    if (rebuilding && !isReactor(subscriber)) {
      // The deferred work and the end of the rebuild commit together: a crash before it means the
      // next catch-up finishes it again.
      await this.tx(async (manager) => {
        await subscriber.finishRebuild?.(manager);
        await manager.delete(ProjectionCheckpoint, { name: rebuildMarker(subscriber) });
      });
    }
    this.setState(subscriber, { caughtUp: true });
  }

  private subscribers(): Subscriber[] {
    return [...this.projections, ...this.reactors];
  }

  private streamByStream(projection: Projection): boolean {
    return projection.categories !== undefined && this.store.readCategories !== undefined;
  }

  private async writeCheckpoint(manager: EntityManager, subscriber: Subscriber, position: bigint): Promise<void> {
    const version = isReactor(subscriber) ? REACTOR_CHECKPOINT_VERSION : subscriber.version;
    await manager.upsert(ProjectionCheckpoint, { name: subscriber.name, version, position: position.toString(), updatedAt: new Date().toISOString() }, ['name']);
  }

  /**
   * A rebuild is under way or unfinished on any instance (its marker is in the shared checkpoints):
   * the read models may be half filled, also when this runner does not rebuild itself.
   */
  async rebuildMarked(): Promise<boolean> {
    return (await this.dataSource.getRepository(ProjectionCheckpoint).countBy({ name: Like('%#herbouw') })) > 0;
  }

  private async rebuildPending(projection: Projection): Promise<boolean> {
    return (await this.dataSource.getRepository(ProjectionCheckpoint).countBy({ name: rebuildMarker(projection) })) > 0;
  }

  status(): ProjectionStatus[] {
    return this.subscribers().map((p) => {
      const s = this.state.get(p.name) ?? { position: START, caughtUp: false, lastError: null };
      const kind = isReactor(p) ? 'reactor' : 'projectie';
      return { name: p.name, kind, version: isReactor(p) ? null : p.version, ...s, following: this.subscriptions.has(p.name) };
    });
  }

  /**
   * The lowest position every projection has reached: what a query can promise to reflect. Reactors
   * are not queried. In standby, from the shared checkpoints and the leader's published position.
   */
  position(): bigint {
    const positions = this.status()
      .filter((s) => s.kind === 'projectie')
      .map((s) => s.position);
    const lowest = positions.length === 0 ? START : positions.reduce((a, b) => (a < b ? a : b));
    return this.inStandby && this.standbyPublished > lowest ? this.standbyPublished : lowest;
  }

  /** Resolves true once every projection has applied `position`, false after the timeout. */
  async waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.position() >= position) return true;
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      this.waiters.push(waiter);
      // In standby, look at the shared progress more often while someone waits for it.
      if (this.inStandby) this.scheduleRefresh();
    });
  }

  /**
   * Where a subscriber goes on from. A projection whose version changed is emptied first; a reactor
   * always goes on from its checkpoint (from the start of the log only when it has none yet).
   */
  private async prepare(subscriber: Subscriber): Promise<bigint> {
    const checkpoint = await this.dataSource.getRepository(ProjectionCheckpoint).findOneBy({ name: subscriber.name });
    let from = START;
    if (checkpoint && (isReactor(subscriber) || checkpoint.version === subscriber.version)) {
      from = BigInt(checkpoint.position);
    } else if (checkpoint && !isReactor(subscriber)) {
      this.log(`Projectie ${subscriber.name}: versie ${checkpoint.version} → ${subscriber.version}, wordt opnieuw opgebouwd.`);
      await this.tx((m) => this.reset(subscriber, m, true));
    }
    // An earlier failure stays reported until events are applied again.
    this.state.set(subscriber.name, { position: from, caughtUp: false, lastError: this.state.get(subscriber.name)?.lastError ?? null });
    return from;
  }

  /** Catches a subscriber up where needed and follows the log live; on failure, tries again later. */
  private async startOne(subscriber: Subscriber): Promise<void> {
    try {
      let from = await this.prepare(subscriber);
      if (!isReactor(subscriber) && (await this.rebuildPending(subscriber))) {
        await this.catchUpOne(subscriber);
        from = this.state.get(subscriber.name)!.position;
      }
      if (this.mayFollow(subscriber)) this.follow(subscriber, from);
    } catch (error) {
      this.failed(subscriber, error);
    }
  }

  private mayFollow(subscriber: Subscriber): boolean {
    return this.running && !this.subscriptions.has(subscriber.name) && (isReactor(subscriber) || !this.rebuildRunning);
  }

  private follow(subscriber: Subscriber, from: bigint): void {
    const subscription = this.store.subscribeToAll(from, {
      onEvents: (events) => this.apply(subscriber, events),
      onCaughtUp: () => {
        this.failures.delete(subscriber.name);
        this.setState(subscriber, { caughtUp: true, lastError: null });
      },
      onError: (error) => {
        if (this.subscriptions.get(subscriber.name) === subscription) this.subscriptions.delete(subscriber.name);
        this.failed(subscriber, error);
      },
    });
    this.subscriptions.set(subscriber.name, subscription);
  }

  /** Records the failure and starts the subscriber again later, from its committed checkpoint. */
  private failed(subscriber: Subscriber, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const failures = (this.failures.get(subscriber.name) ?? 0) + 1;
    this.failures.set(subscriber.name, failures);
    const delay = Math.min(this.retryDelayMs * 2 ** (failures - 1), MAX_RETRY_DELAY_MS);
    this.setState(subscriber, { lastError: message });
    this.log(`${isReactor(subscriber) ? 'Reactor' : 'Projectie'} ${subscriber.name} gestopt op positie ${this.state.get(subscriber.name)!.position}: ${message}; nieuwe poging over ${delay} ms.`);
    setTimeout(() => {
      if (this.mayFollow(subscriber)) void this.startOne(subscriber);
    }, delay).unref();
  }

  private async unfollow(subscribers: readonly Subscriber[]): Promise<void> {
    const open = subscribers.flatMap((s) => {
      const subscription = this.subscriptions.get(s.name);
      this.subscriptions.delete(s.name);
      return subscription ? [subscription] : [];
    });
    await Promise.all(open.map((s) => s.close()));
  }

  private setState(subscriber: Subscriber, change: Partial<{ position: bigint; caughtUp: boolean; lastError: string | null }>): void {
    const s = this.state.get(subscriber.name) ?? { position: START, caughtUp: false, lastError: null };
    this.state.set(subscriber.name, { ...s, ...change });
  }

  private tx<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const run = () => this.dataSource.transaction(work);
    const result = this.lock.then(run, run);
    this.lock = result.catch(() => undefined);
    return result;
  }

  private async apply(subscriber: Subscriber, events: readonly StoredEvent[], rebuilding = false): Promise<void> {
    if (events.length === 0) return;
    const last = events[events.length - 1].position;
    const relevant = events.filter((e) => subscriber.handles(e.type));
    const opgeslagen = this.persisted.get(subscriber.name);
    const uitstellen = relevant.length === 0 && opgeslagen !== undefined && last - opgeslagen.position < 1000n && Date.now() - opgeslagen.at < 5000;
    if (!uitstellen) {
      // Events this projection ignores need no transaction of their own: their checkpoint is written
      // with the next relevant batch, or after a while. Replaying them after a crash changes nothing.
      if (isReactor(subscriber)) {
        // A reactor's work is appended to the log, not to these tables: it needs no read-model
        // transaction. A crash before the checkpoint means it sees these events again (it is idempotent).
        for (const event of relevant) await subscriber.react(event);
        await this.tx(async (manager) => {
          await this.fence(manager, subscriber, events[0].position);
          await this.writeCheckpoint(manager, subscriber, last);
        });
      } else {
        await this.tx(async (manager) => {
          await this.fence(manager, subscriber, events[0].position);
          if (relevant.length > 0) await subscriber.applyBatch(relevant, manager, { rebuilding });
          await this.writeCheckpoint(manager, subscriber, last);
        });
      }
      this.persisted.set(subscriber.name, { position: last, at: Date.now() });
    }
    this.failures.delete(subscriber.name);
    this.setState(subscriber, { position: last, lastError: null });
    this.releaseWaiters();
  }

  /**
   * First in every transaction that moves a checkpoint: takes the checkpoint row's lock (on SQLite the
   * database's write lock, so the transaction never meets a stale snapshot later), then checks that no
   * other runner has committed past the first of these events. Only one instance runs the projections
   * (the lease), but one whose lease was lost while it still lived could commit a batch before it
   * notices; this is what keeps that batch from being applied twice.
   */
  private async fence(manager: EntityManager, subscriber: Subscriber, first: bigint): Promise<void> {
    const lock = () => manager.createQueryBuilder().update(ProjectionCheckpoint).set({ updatedAt: () => 'updated_at' }).where('name = :name', { name: subscriber.name }).execute();
    if (!(await lock()).affected) {
      // No checkpoint yet: a row to lock, so that two first batches wait for each other too.
      const version = isReactor(subscriber) ? REACTOR_CHECKPOINT_VERSION : subscriber.version;
      await manager.createQueryBuilder().insert().into(ProjectionCheckpoint).values({ name: subscriber.name, version, position: START.toString(), updatedAt: new Date().toISOString() }).orIgnore().execute();
      await lock();
    }
    const stored = await manager.findOneBy(ProjectionCheckpoint, { name: subscriber.name });
    if (stored && /^-?\d+$/.test(stored.position) && BigInt(stored.position) >= first) throw new CheckpointOvertakenError(subscriber.name, stored.position, first);
  }

  /** One read-model transaction, in turn with the runner's own (on SQLite they share one connection). */
  exclusive<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.tx(work);
  }

  /** Empties a projection; for a rebuild also leaves a marker that the deferred work is still to do. */
  private async reset(projection: Projection, manager: EntityManager, rebuild = false): Promise<void> {
    await projection.reset(manager);
    await manager.delete(ProjectionCheckpoint, { name: projection.name });
    // A stream-by-stream rebuild always leaves the marker: its rows are not in log order until it is done.
    if (rebuild && (projection.finishRebuild || this.streamByStream(projection))) {
      const position = this.streamByStream(projection) ? STREAM_BY_STREAM_PHASE : '-1';
      await manager.upsert(ProjectionCheckpoint, { name: rebuildMarker(projection), version: projection.version, position, updatedAt: new Date().toISOString() }, ['name']);
    }
  }

  private releaseWaiters(): void {
    const reached = this.position();
    const ready = this.waiters.filter((w) => w.position <= reached);
    this.waiters = this.waiters.filter((w) => w.position > reached);
    ready.forEach((w) => w.resolve());
  }
}
