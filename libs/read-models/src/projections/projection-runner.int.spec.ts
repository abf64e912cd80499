import { SqliteEventStore, StoredEvent } from '@register/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { EntityManager } from 'typeorm';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { motieGeregistreerd, newEvent } from '../../../../test/support/events';
import { TestDatabase, openReadModel } from '../../../../test/support/read-model-databases';
import { RegisterItem } from '../register/register-item.entity';
import { RegisterProjection } from '../register/register.projection';
import { BatchContext, Projection, Reactor } from './projection';
import { ProjectionCheckpoint } from './projection-checkpoint.entity';
import { ProjectionRunner } from './projection-runner';

/**
 * A reactor that does what a real one does: it appends. For every registered motie it writes one
 * event of its own, with a fresh id, so acting on a motie a second time would show as an extra event.
 */
class BevestigingsReactor implements Reactor {
  readonly name = 'reactor:bevestiging';
  readonly gezien: bigint[] = [];

  constructor(private readonly store: SqliteEventStore) {}

  handles(eventType: string): boolean {
    return eventType === 'MotieGeregistreerd';
  }

  async react(event: StoredEvent): Promise<void> {
    const eventId = randomUUID();
    const metadata = { eventId, commandId: eventId, correlationId: eventId, causationId: event.eventId, actor: 'reactor', recordedAt: '2025-06-20T09:00:00.000Z', schemaVersion: 1 };
    await this.store.appendToStream(`bevestiging-${eventId}`, [{ eventId, type: 'BevestigingVerstuurd', data: { over: event.stream }, metadata }], 'no-stream');
    // Counted once its work is in the log, so a test that waits for the count sees the log complete.
    this.gezien.push(event.position);
  }
}

/** Notes how the runner feeds it: live batches, or a rebuild's (with the deferred work at the end). */
class OpnameProjectie implements Projection {
  readonly name = 'opname';
  readonly version = 1;
  readonly categories = ['motie'];
  readonly eventTypePrefixes = ['Motie'];
  readonly batches: { rebuilding: boolean; events: number }[] = [];
  afgerond = 0;

  handles(eventType: string): boolean {
    return eventType.startsWith('Motie');
  }

  async applyBatch(events: readonly StoredEvent[], _manager: EntityManager, context?: BatchContext): Promise<void> {
    this.batches.push({ rebuilding: context?.rebuilding ?? false, events: events.length });
  }

  async finishRebuild(): Promise<void> {
    this.afgerond++;
  }

  async reset(): Promise<void> {}
}

describe.each(['sqlite', 'postgres'] as const)('projections and reactors in the runner on %s', (engine) => {
  let db: TestDatabase;
  let dir: string;
  let store: SqliteEventStore;
  let reactor: BevestigingsReactor;

  const motie = async (nummer: string) => {
    const id = randomUUID();
    await store.appendToStream(`motie-${id}`, [newEvent('motie', motieGeregistreerd(id, { nummer }))], 'no-stream');
  };
  const events = async () => Number(await store.headPosition()) + 1;
  const checkpoint = (name: string) => db.dataSource.getRepository(ProjectionCheckpoint).findOneBy({ name });
  const runner = () => {
    const r = new ProjectionRunner(store, db.dataSource, [new RegisterProjection()], () => undefined, 20);
    r.addReactor(reactor);
    return r;
  };

  beforeEach(async () => {
    db = await openReadModel(engine);
    dir = mkdtempSync(join(tmpdir(), 'runner-int-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 10 });
    reactor = new BevestigingsReactor(store);
    await motie('36600-1');
    await motie('36600-2');
  });

  afterEach(async () => {
    await store.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds the projections without running a reactor or moving its checkpoint', async () => {
    const r = runner();
    await r.catchUp();
    expect(reactor.gezien).toHaveLength(2);
    const voor = await events();
    const reactorCheckpoint = await checkpoint(reactor.name);
    expect(reactorCheckpoint).not.toBeNull();

    await r.rebuild();
    expect(await events()).toBe(voor);
    expect(reactor.gezien).toHaveLength(2);
    expect(await checkpoint(reactor.name)).toEqual(reactorCheckpoint);
    expect(await db.dataSource.getRepository(RegisterItem).count()).toBe(2);

    // What it has not seen yet it does see, once.
    await motie('36600-3');
    await r.catchUp();
    expect(reactor.gezien).toHaveLength(3);
    expect(await events()).toBe(voor + 2);
  });

  it('goes on from its checkpoint whatever version its checkpoint row says', async () => {
    await runner().catchUp();
    await db.dataSource.query('UPDATE projection_checkpoints SET version = 99');
    const voor = await events();
    const na = runner();
    await na.catchUp();
    expect(await events()).toBe(voor);
    expect(reactor.gezien).toHaveLength(2);
    // The projection, whose version did change, was rebuilt.
    expect((await checkpoint('register'))?.version).toBe(new RegisterProjection().version);
  });

  it('keeps the reactor following during a rebuild of a live runner, and the projections following after it', async () => {
    const r = runner();
    await r.start();
    await until(() => reactor.gezien.length === 2);
    const voor = await events();
    await r.rebuild();
    expect(await events()).toBe(voor);
    expect(reactor.gezien).toHaveLength(2);
    expect(r.status().map((s) => [s.name, s.kind, s.following])).toEqual([
      ['register', 'projectie', true],
      [reactor.name, 'reactor', true],
    ]);
    await motie('36600-3');
    await until(async () => reactor.gezien.length === 3 && (await db.dataSource.getRepository(RegisterItem).count()) === 3);
    await r.stop();
  });

  it('builds new read models beside a log already written as a rebuild does, then follows live', async () => {
    // A new read-model database (a first start on PostgreSQL, a deleted SQLite file) beside a long
    // log: live batches one after another took over ten minutes at a million events, a rebuild one
    // and a half, and the live path never runs the deferred work.
    const opname = new OpnameProjectie();
    const r = new ProjectionRunner(store, db.dataSource, [opname], () => undefined, 20);
    await r.start();
    await motie('36600-3');
    await waitFor(() => opname.batches.some((b) => !b.rebuilding));
    await r.stop();
    expect(opname.batches[0]).toEqual({ rebuilding: true, events: 2 });
    expect(opname.afgerond).toBe(1);
    // Then it follows the log live, and its rebuild is done.
    expect(opname.batches.at(-1)).toEqual({ rebuilding: false, events: 1 });
    expect(await checkpoint('opname#herbouw')).toBeNull();
  });

  it('lets a projection new in a release, beside read models already built, follow the log live', async () => {
    await runner().catchUp();
    const opname = new OpnameProjectie();
    const r = new ProjectionRunner(store, db.dataSource, [new RegisterProjection(), opname], () => undefined, 20);
    await r.start();
    await waitFor(() => opname.batches.length > 0);
    await r.stop();
    expect(opname.batches).toEqual([{ rebuilding: false, events: 2 }]);
    expect(opname.afgerond).toBe(0);
    expect(await checkpoint('register#herbouw')).toBeNull();
  });

  it('follows a log that is still empty live from the start, without a rebuild', async () => {
    const leeg = new SqliteEventStore(join(dir, 'leeg.sqlite'), { pollIntervalMs: 10 });
    const opname = new OpnameProjectie();
    const r = new ProjectionRunner(leeg, db.dataSource, [opname], () => undefined, 20);
    try {
      await r.start();
      const id = randomUUID();
      await leeg.appendToStream(`motie-${id}`, [newEvent('motie', motieGeregistreerd(id, { nummer: '36600-9' }))], 'no-stream');
      await waitFor(() => opname.batches.length > 0);
      await r.stop();
      expect(opname.batches).toEqual([{ rebuilding: false, events: 1 }]);
      expect(opname.afgerond).toBe(0);
    } finally {
      await leeg.close();
    }
  });

  it('keeps reactors out of the projections at compile time', () => {
    // @ts-expect-error a reactor has no version, no reset and no applyBatch: it cannot be registered as a projection
    const alsProjectie: Projection = reactor;
    expect(alsProjectie).toBe(reactor);
  });
});

async function until(ok: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await ok())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function waitFor(ok: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!ok()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
