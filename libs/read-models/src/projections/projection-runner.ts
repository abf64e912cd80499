import { EventStore, START, StoredEvent, Subscription } from '@register/event-store';
import { DataSource, EntityManager } from 'typeorm';
import { Projection } from './projection';
import { ProjectionCheckpoint } from './projection-checkpoint.entity';

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly position: bigint;
  readonly caughtUp: boolean;
  readonly lastError: string | null;
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

/** Marker position while a rebuild is still in its stream-by-stream phase. */
const STROMEN = 'stromen';

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
 */
export class ProjectionRunner {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly state = new Map<string, { position: bigint; caughtUp: boolean; lastError: string | null }>();
  private waiters: Waiter[] = [];
  private running = false;
  /**
   * One transaction at a time: on SQLite every projection shares the driver's single connection, and
   * two interleaved transactions on it would commit each other's work.
   */
  private lock: Promise<unknown> = Promise.resolve();
  /** The last checkpoint each projection committed, and when. */
  private readonly persisted = new Map<string, { position: bigint; at: number }>();

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly projections: Projection[],
    private readonly log: (message: string) => void = () => undefined,
    private readonly retryDelayMs = 1000,
  ) {}

  /** Adds a projection or reactor; before start, rebuild or catch-up. */
  add(projection: Projection): void {
    if (!this.projections.some((p) => p.name === projection.name)) this.projections.push(projection);
  }

  /**
   * Starts following the log live. A projection whose version changed is rebuilt first; one whose
   * rebuild was interrupted is caught up and finished first.
   */
  async start(): Promise<void> {
    this.running = true;
    for (const projection of this.projections) {
      let from = await this.prepare(projection);
      if (await this.rebuildPending(projection)) {
        await this.catchUpOne(projection);
        from = this.state.get(projection.name)!.position;
      }
      this.follow(projection, from);
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all([...this.subscriptions.values()].map((s) => s.close()));
    this.subscriptions.clear();
  }

  /** Empties every read model and replays the whole log into it. Run with the live runner stopped. */
  async rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    // Projections that read the same stream categories share one pass over those streams.
    const groepen = new Map<string, Projection[]>();
    for (const projection of this.projections.filter((p) => this.streamByStream(p))) {
      const sleutel = [...projection.categories!].sort().join(',');
      groepen.set(sleutel, [...(groepen.get(sleutel) ?? []), projection]);
    }
    for (const groep of groepen.values()) await this.rebuildStreams(groep, onProgress);
    for (const projection of this.projections) {
      if (this.streamByStream(projection)) await this.catchUpOne(projection, onProgress);
      else await this.rebuildOne(projection, onProgress);
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

  /** Applies everything between each projection's checkpoint and the current head, then returns. */
  async catchUp(onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    for (const projection of this.projections) await this.catchUpOne(projection, onProgress);
  }

  private async catchUpOne(projection: Projection, onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    const from = await this.prepare(projection);
    const marker = await this.dataSource.getRepository(ProjectionCheckpoint).findOneBy({ name: rebuildMarker(projection) });
    if (marker?.position === STROMEN) {
      // A stream-by-stream rebuild died half-way: its rows are not in global order, so start it over.
      return this.rebuildOne(projection, onProgress);
    }
    const rebuilding = marker !== null;
    const head = await this.store.headPosition();
    const started = Date.now();
    let events = 0;
    for await (const batch of this.store.readAll(from, BATCH_SIZE, projection.eventTypePrefixes)) {
      await this.apply(projection, batch, rebuilding);
      events += batch.length;
      onProgress?.({ projection: projection.name, position: batch[batch.length - 1].position, head, events, elapsedMs: Date.now() - started });
      if (batch[batch.length - 1].position >= head) break;
    }
    if (projection.eventTypePrefixes && head > (this.state.get(projection.name)?.position ?? START)) {
      // Nothing else up to the head concerns this projection: its checkpoint moves there.
      await this.tx((manager) => this.writeCheckpoint(manager, projection, head));
      this.state.set(projection.name, { ...this.state.get(projection.name)!, position: head });
    }
    if (rebuilding) {
      // The deferred work and the end of the rebuild commit together: a crash before it means the
      // next catch-up finishes it again.
      await this.tx(async (manager) => {
        await projection.finishRebuild?.(manager);
        await manager.delete(ProjectionCheckpoint, { name: rebuildMarker(projection) });
      });
    }
    const current = this.state.get(projection.name)!;
    this.state.set(projection.name, { ...current, caughtUp: true });
  }

  private streamByStream(projection: Projection): boolean {
    return projection.categories !== undefined && this.store.readCategories !== undefined;
  }

  private async writeCheckpoint(manager: EntityManager, projection: Projection, position: bigint): Promise<void> {
    await manager.upsert(ProjectionCheckpoint, { name: projection.name, version: projection.version, position: position.toString(), updatedAt: new Date().toISOString() }, ['name']);
  }

  private async rebuildPending(projection: Projection): Promise<boolean> {
    return (await this.dataSource.getRepository(ProjectionCheckpoint).countBy({ name: rebuildMarker(projection) })) > 0;
  }

  status(): ProjectionStatus[] {
    return this.projections.map((p) => {
      const s = this.state.get(p.name) ?? { position: START, caughtUp: false, lastError: null };
      return { name: p.name, version: p.version, ...s };
    });
  }

  /** The lowest position every projection has reached: what a query can promise to reflect. */
  position(): bigint {
    const positions = this.status().map((s) => s.position);
    return positions.length === 0 ? START : positions.reduce((a, b) => (a < b ? a : b));
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
    });
  }

  private async prepare(projection: Projection): Promise<bigint> {
    const checkpoint = await this.dataSource.getRepository(ProjectionCheckpoint).findOneBy({ name: projection.name });
    let from = START;
    if (checkpoint && checkpoint.version === projection.version) {
      from = BigInt(checkpoint.position);
    } else if (checkpoint) {
      this.log(`Projectie ${projection.name}: versie ${checkpoint.version} → ${projection.version}, wordt opnieuw opgebouwd.`);
      await this.tx((m) => this.reset(projection, m, true));
    }
    this.state.set(projection.name, { position: from, caughtUp: false, lastError: null });
    return from;
  }

  private follow(projection: Projection, from: bigint): void {
    const subscription = this.store.subscribeToAll(from, {
      onEvents: (events) => this.apply(projection, events),
      onCaughtUp: () => {
        const s = this.state.get(projection.name)!;
        this.state.set(projection.name, { ...s, caughtUp: true });
      },
      onError: (error) => {
        const message = error instanceof Error ? error.message : String(error);
        const s = this.state.get(projection.name)!;
        this.state.set(projection.name, { ...s, lastError: message });
        this.log(`Projectie ${projection.name} gestopt op positie ${s.position}: ${message}; nieuwe poging over ${this.retryDelayMs} ms.`);
        this.subscriptions.delete(projection.name);
        setTimeout(() => {
          if (this.running) this.follow(projection, this.state.get(projection.name)!.position);
        }, this.retryDelayMs).unref();
      },
    });
    this.subscriptions.set(projection.name, subscription);
  }

  private tx<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const run = () => this.dataSource.transaction(work);
    const result = this.lock.then(run, run);
    this.lock = result.catch(() => undefined);
    return result;
  }

  private async apply(projection: Projection, events: readonly StoredEvent[], rebuilding = false): Promise<void> {
    if (events.length === 0) return;
    const last = events[events.length - 1].position;
    const relevant = events.filter((e) => projection.handles(e.type));
    const opgeslagen = this.persisted.get(projection.name);
    const uitstellen = relevant.length === 0 && opgeslagen !== undefined && last - opgeslagen.position < 1000n && Date.now() - opgeslagen.at < 5000;
    if (!uitstellen) {
      // Events this projection ignores need no transaction of their own: their checkpoint is written
      // with the next relevant batch, or after a while. Replaying them after a crash changes nothing.
      await this.tx(async (manager) => {
        if (relevant.length > 0) await projection.applyBatch(relevant, manager, { rebuilding });
        await this.writeCheckpoint(manager, projection, last);
      });
      this.persisted.set(projection.name, { position: last, at: Date.now() });
    }
    const s = this.state.get(projection.name)!;
    this.state.set(projection.name, { ...s, position: last, lastError: null });
    this.releaseWaiters();
  }

  /** Empties a projection; for a rebuild also leaves a marker that the deferred work is still to do. */
  private async reset(projection: Projection, manager: EntityManager, rebuild = false): Promise<void> {
    await projection.reset(manager);
    await manager.delete(ProjectionCheckpoint, { name: projection.name });
    // A stream-by-stream rebuild always leaves the marker: its rows are not in log order until it is done.
    if (rebuild && (projection.finishRebuild || this.streamByStream(projection))) {
      const position = this.streamByStream(projection) ? STROMEN : '-1';
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
