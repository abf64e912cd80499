import { SqliteEventStore } from '@register/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fixture from '../../../../test/fixtures/schema-v1-events.json';
import { TestDatabase, openReadModel } from '../../../../test/support/read-model-databases';
import { ProjectionRunner } from '../projections/projection-runner';
import { RegisterItem } from './register-item.entity';
import { RegisterProjection } from './register.projection';

/** Version-1 events (no nummerBron, no termijn on a motie) replay to the same register as their version-2 form. */
describe('event schema evolution: MotieGeregistreerd / ToezeggingGeregistreerd v1 → v2', () => {
  const dirs: string[] = [];
  const dbs: TestDatabase[] = [];

  afterAll(async () => {
    for (const db of dbs) await db.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function register(upgrade: (e: (typeof fixture.events)[number]) => { data: Record<string, unknown>; schemaVersion: number }): Promise<RegisterItem[]> {
    const dir = mkdtempSync(join(tmpdir(), 'schema-'));
    dirs.push(dir);
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    const revisies = new Map<string, number>();
    for (const e of fixture.events) {
      const { data, schemaVersion } = upgrade(e);
      const eventId = randomUUID();
      const revisie = revisies.get(e.stream) ?? -1;
      await store.appendToStream(e.stream, [{ eventId, type: e.type, data, metadata: { eventId, commandId: eventId, correlationId: eventId, causationId: eventId, actor: 'griffier', recordedAt: '2025-06-20T09:00:00.000Z', schemaVersion } }], revisie < 0 ? 'no-stream' : revisie);
      revisies.set(e.stream, revisie + 1);
    }
    const db = await openReadModel('sqlite');
    dbs.push(db);
    await new ProjectionRunner(store, db.dataSource, [new RegisterProjection()]).rebuild();
    await store.close();
    const rows = await db.dataSource.getRepository(RegisterItem).find({ order: { itemId: 'ASC' } });
    // Event ids and positions differ between the two stores; everything the register says must not.
    return rows.map((r) => ({ ...r, volgnummer: '-' }) as RegisterItem);
  }

  it('upcasts the v1 fixture on read, giving the register the v2 events give', async () => {
    const uitV1 = await register((e) => ({ data: e.data as Record<string, unknown>, schemaVersion: e.schemaVersion }));
    const uitV2 = await register((e) => ({
      data: e.type.endsWith('Geregistreerd') ? { ...e.data, nummerBron: String(e.data.nummer).startsWith('INT-') ? 'intern' : 'kamer', termijn: (e.data as { termijn?: unknown }).termijn ?? null } : e.data,
      schemaVersion: e.type.endsWith('Geregistreerd') ? 2 : 1,
    }));
    expect(uitV1).toEqual(uitV2);
    expect(uitV1.map((r) => [r.nummer, r.nummerBron, r.termijnOmschrijving, r.status])).toEqual([
      ['34324-26', 'kamer', null, 'Afgedaan'],
      ['INT-222222222222', 'intern', 'bij het afdoen van de moties', 'InBehandeling'],
    ]);
  });
});
