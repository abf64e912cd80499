import { SqliteEventStore } from '@register/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestDatabase, openReadModel } from '../../../../test/support/read-model-databases';
import { ProjectionRunner } from '../projections/projection-runner';
import { HalfjaarberichtRow } from './halfjaarbericht.entity';
import { HalfjaarberichtProjection } from './halfjaarbericht.projection';

describe.each(['sqlite', 'postgres'] as const)('halfjaarbericht read model on %s', (engine) => {
  let db: TestDatabase;
  let dir: string;
  let store: SqliteEventStore;
  const berichtId = randomUUID();
  const itemId = randomUUID();

  const ev = (type: string, data: Record<string, unknown>) => {
    const eventId = randomUUID();
    return { eventId, type, data: { berichtId, ...data }, metadata: { eventId, commandId: eventId, correlationId: eventId, causationId: eventId, actor: 'griffier', recordedAt: '2025-06-20T09:00:00.000Z', schemaVersion: 1 } };
  };

  beforeAll(async () => {
    db = await openReadModel(engine);
    dir = mkdtempSync(join(tmpdir(), 'bericht-int-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    await store.appendToStream(
      `halfjaarbericht-${berichtId}`,
      [
        ev('HalfjaarberichtAangemaakt', { jaar: 2025, helft: 1, titel: 'Eerste halfjaarbericht politie 2025', peildatum: '2025-06-01', secties: ['Demonstraties'] }),
        ev('HalfjaarberichtItemOpgenomen', { itemId, soort: 'motie', sectie: 'Demonstraties', tekst: 'Eerste tekst', status: 'in-behandeling', deel: null }),
        ev('HalfjaarberichtItemOpgenomen', { itemId, soort: 'motie', sectie: 'Demonstraties', tekst: 'Betere tekst', status: 'afgedaan', deel: null }),
        ev('HalfjaarberichtAanvullendeZaakOpgenomen', { zaakId: 'z1', sectie: 'Demonstraties', titel: 'WODC', tekst: 'Na de zomer' }),
        ev('HalfjaarberichtVerzonden', { datum: '2025-06-20', kenmerk: '6418520', items: [{ itemId, soort: 'motie', nummer: '34324-26', nummerBron: 'kamer', vergaderjaar: '2024/25', titel: 'Motie', leden: [{ naam: 'Michon-Derkzen', fractie: 'VVD' }], datum: '2025-01-15', debat: 'x', bewindspersoon: 'minister' }] }),
      ],
      'no-stream',
    );
  });

  afterAll(async () => {
    await store.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds each report with its entries, its frozen items, and survives a rebuild unchanged', async () => {
    const runner = new ProjectionRunner(store, db.dataSource, [new HalfjaarberichtProjection()]);
    await runner.catchUp();
    const row = await db.dataSource.getRepository(HalfjaarberichtRow).findOneByOrFail({ berichtId });
    expect(row).toMatchObject({ status: 'Verzonden', verzondenOp: '2025-06-20', kenmerk: '6418520', revisie: 4 });
    expect(row.document.items).toEqual([{ itemId, soort: 'motie', sectie: 'Demonstraties', tekst: 'Betere tekst', status: 'afgedaan', deel: null }]);
    expect(row.document.momentopnamen[0].nummer).toBe('34324-26');
    expect(row.document.zaken.map((z) => z.titel)).toEqual(['WODC']);
    await runner.rebuild();
    expect(await db.dataSource.getRepository(HalfjaarberichtRow).findOneByOrFail({ berichtId })).toEqual(row);
  });
});
