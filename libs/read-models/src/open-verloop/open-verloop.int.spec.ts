import { SqliteEventStore } from '@register/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestDatabase, openReadModel } from '../../../../test/support/read-model-databases';
import { ProjectionRunner } from '../projections/projection-runner';
import { OpenVerloopProjection, openPerMaand } from './open-verloop.projection';

describe.each(['sqlite', 'postgres'] as const)('open items per month on %s', (engine) => {
  let db: TestDatabase;
  let dir: string;
  let store: SqliteEventStore;
  const a = randomUUID();
  const b = randomUUID();

  const ev = (type: string, itemId: string, data: Record<string, unknown>) => {
    const eventId = randomUUID();
    return { eventId, type, data: { itemId, ...data }, metadata: { eventId, commandId: eventId, correlationId: eventId, causationId: eventId, actor: 'griffier', recordedAt: '2025-06-20T09:00:00.000Z', schemaVersion: 2 } };
  };

  beforeAll(async () => {
    db = await openReadModel(engine);
    dir = mkdtempSync(join(tmpdir(), 'verloop-int-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    await store.appendToStream(`motie-${a}`, [ev('MotieGeregistreerd', a, { datum: '2025-01-10' })], 'no-stream');
    await store.appendToStream(`toezegging-${b}`, [ev('ToezeggingGeregistreerd', b, { datum: '2025-02-05' })], 'no-stream');
    await store.appendToStream(`motie-${a}`, [ev('MotieDeelsAfgedaan', a, { datum: '2025-02-20' }), ev('MotieAfgedaan', a, { datum: '2025-03-15' })], 0);
    await store.appendToStream(`motie-${a}`, [ev('MotieHeropend', a, { datum: '2025-04-02' })], 2);
    await store.appendToStream(`toezegging-${b}`, [ev('ToezeggingVoortgangGerapporteerd', b, { datum: '2025-03-01' }), ev('ToezeggingVervallen', b, { datum: '2025-04-20' })], 0);
    await store.appendToStream(
      `motie-${a}`,
      [ev('MotieRegistratieGecorrigeerd', a, { wijzigingen: [{ veld: 'datum', oud: '2025-01-10', nieuw: '2024-12-20' }], reden: 'tikfout' })],
      3,
    );
  });

  afterAll(async () => {
    await store.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const verwacht = [
    { maand: '2024-11', open: 0 },
    { maand: '2024-12', open: 1 }, // a, registered on its corrected date
    { maand: '2025-01', open: 1 },
    { maand: '2025-02', open: 2 }, // b registered; a only partly done
    { maand: '2025-03', open: 1 }, // a afgedaan
    { maand: '2025-04', open: 1 }, // a reopened, b lapsed
    { maand: '2025-05', open: 1 },
  ];

  it('counts the items open at the end of each month, by business date, with corrections applied', async () => {
    const runner = new ProjectionRunner(store, db.dataSource, [new OpenVerloopProjection()]);
    await runner.catchUp();
    expect(await openPerMaand(db.dataSource.manager, '2024-11', '2025-05')).toEqual(verwacht);
    await runner.rebuild();
    expect(await openPerMaand(db.dataSource.manager, '2024-11', '2025-05')).toEqual(verwacht);
  });

  it('starts a later window with everything that was open before it', async () => {
    expect(await openPerMaand(db.dataSource.manager, '2025-03', '2025-04')).toEqual(verwacht.slice(4, 6));
  });
});
