import { SqliteEventStore } from '@register/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestDatabase, openReadModel } from '../../../../test/support/read-model-databases';
import { ProjectionRunner } from '../projections/projection-runner';
import { ImportBatchRow } from './import-batch.entity';
import { ImportProjection } from './import.projection';

describe.each(['sqlite', 'postgres'] as const)('import inbox read model on %s', (engine) => {
  let db: TestDatabase;
  let dir: string;
  let store: SqliteEventStore;
  const batchId = randomUUID();
  const gegevens = (titel: string) => ({ soort: 'motie', nummer: null, nummerInBron: null, vergaderjaar: '2024/25', titel, leden: [{ naam: 'Boswijk', fractie: 'CDA' }], status: 'afgedaan', rol: 'behandeld', regel: 2, bewijs: 'Afgedaan.', bewijsRegel: 3, thema: null, debat: null, datum: null, tekst: 'x', afgedaanIn: null, zekerheid: 0.9 });

  const ev = (type: string, data: Record<string, unknown>, actor = 'griffier') => {
    const eventId = randomUUID();
    return { eventId, type, data: { batchId, ...data }, metadata: { eventId, commandId: eventId, correlationId: eventId, causationId: eventId, actor, recordedAt: '2025-06-20T09:00:00.000Z', schemaVersion: 1 } };
  };

  beforeAll(async () => {
    db = await openReadModel(engine);
    dir = mkdtempSync(join(tmpdir(), 'import-int-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    await store.appendToStream(
      `importbatch-${batchId}`,
      [
        ev('ImportIngelezen', {
          bron: { bestandsnaam: 'bijlage.pdf', formaat: 'pdf', sha256: 'ab'.repeat(32), bytes: 1234 },
          brief: { datum: '2025-06-20', kenmerk: '6418520', onderwerp: 'Eerste halfjaarbericht politie 2025' },
          standaard: { datum: '2025-06-20', bewindspersoon: 'minister', ministerie: 'JenV', thema: 'Overig', referentie: 'Eerste halfjaarbericht politie 2025 (kenmerk 6418520)' },
          voorstellen: [{ voorstelId: '1', gegevens: gegevens('Een'), match: null, waarschuwingen: [] }, { voorstelId: '2', gegevens: gegevens('Twee'), match: null, waarschuwingen: ['let op'] }],
          aanvullendeZaken: [{ titel: 'WODC', regel: 40 }],
          waarschuwingen: [],
          alBekend: 1,
          regels: ['Bijlage', 'Motie een', 'Afgedaan.'],
        }),
      ],
      'no-stream',
    );
  });

  const afhandelingen = () =>
    store.appendToStream(
      `importbatch-${batchId}`,
      [
        ev('ImportVoorstelAanvaard', { voorstelId: '1', itemId: 'item-1', gegevens: { ...gegevens('Een (aangepast)') }, gewijzigdeVelden: ['titel'], stappen: ['registratie', 'afdoening'] }, 'griffier.b'),
        ev('ImportVoorstelAfgewezen', { voorstelId: '2', reden: 'dubbel' }),
      ],
      0,
    );

  afterAll(async () => {
    await store.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const lees = () => db.dataSource.getRepository(ImportBatchRow).findOneOrFail({ where: { batchId }, select: { batchId: true, open: true, aantal: true, document: true, regels: true, revisie: true, ingelezenDoor: true, datum: true } });

  it('keeps each batch with its text and what became of every proposal, applied one event at a time or all at once', async () => {
    const runner = new ProjectionRunner(store, db.dataSource, [new ImportProjection()]);
    await runner.catchUp();
    expect((await lees()).open).toBe(2);
    // Later events: the row is read back (without its text) and updated, its text kept.
    await afhandelingen();
    await runner.catchUp();
    const row = await lees();
    expect(row).toMatchObject({ aantal: 2, open: 0, revisie: 2, ingelezenDoor: 'griffier', datum: '2025-06-20', regels: ['Bijlage', 'Motie een', 'Afgedaan.'] });
    expect(row.document.voorstellen.map((v) => [v.afhandeling, v.itemId, v.gegevens.titel, v.afgehandeldDoor, v.reden])).toEqual([
      ['aanvaard', 'item-1', 'Een (aangepast)', 'griffier.b', null],
      ['afgewezen', null, 'Twee', 'griffier', 'dubbel'],
    ]);
    // A rebuild applies all three in one batch: a row made and changed before it is first written.
    await runner.rebuild();
    expect(await lees()).toEqual(row);
  });
});
