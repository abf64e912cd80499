import { SqliteEventStore, StoredEvent } from '@register/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { motieGeregistreerd, newEvent } from '../../../../test/support/events';
import { TestDatabase, openReadModel } from '../../../../test/support/read-model-databases';
import { RegisterItem } from '../register/register-item.entity';
import { RegisterProjection } from '../register/register.projection';
import { Projection, Reactor } from './projection';
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
