import { SqliteEventStore } from '@register/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { motieGeregistreerd, newEvent, randomUUID, toezeggingGeregistreerd } from '../../../../test/support/events';
import { TestDatabase, openReadModel } from '../../../../test/support/read-model-databases';
import { ProjectionRunner } from '../projections/projection-runner';
import { RegisterItem } from './register-item.entity';
import { RegisterProjection } from './register.projection';
import { RegisterQuery } from './register.query';

describe.each(['sqlite', 'postgres'] as const)('register read model on %s', (engine) => {
  let db: TestDatabase;
  let storeDir: string;
  let store: SqliteEventStore;
  let runner: ProjectionRunner;
  let query: RegisterQuery;

  const motieId = randomUUID();
  const toezeggingId = randomUUID();
  const vervallenId = randomUUID();

  beforeAll(async () => {
    db = await openReadModel(engine);
    storeDir = mkdtempSync(join(tmpdir(), 'register-int-'));
    store = new SqliteEventStore(join(storeDir, 'events.sqlite'));
    runner = new ProjectionRunner(store, db.dataSource, [new RegisterProjection()]);
    query = new RegisterQuery(db.dataSource);

    await store.appendToStream(`motie-${motieId}`, [newEvent('motie', motieGeregistreerd(motieId))], 'no-stream');
    await store.appendToStream(
      `toezegging-${toezeggingId}`,
      [
        newEvent('toezegging', toezeggingGeregistreerd(toezeggingId)),
        newEvent('toezegging', { feit: 'VoortgangGerapporteerd', data: { itemId: toezeggingId, datum: '2025-06-20', tekst: 'Op 30 april 2025 hebben 4228 agenten de nevenfunctie ME; 415 daarvan zijn wijkagent.' } }),
        newEvent('toezegging', { feit: 'Afgedaan', data: { itemId: toezeggingId, datum: '2025-06-20', wijze: { soort: 'halfjaarbericht', referentie: 'Eerste halfjaarbericht politie 2025' }, toelichting: 'Hiermee beschouw ik de toezegging als afgedaan.' } }),
      ],
      'no-stream',
    );
    await store.appendToStream(
      `motie-${vervallenId}`,
      [
        newEvent('motie', motieGeregistreerd(vervallenId, { nummer: '36600-79', leden: [{ naam: 'Michon-Derkzen', fractie: 'VVD' }], thema: 'Politiepersoneel en middelen', termijn: null, titel: 'Motie over de uitrusting van agenten', tekst: 'verzoekt de regering de uitrusting van agenten uit te breiden' })),
        newEvent('motie', { feit: 'Vervallen', data: { itemId: vervallenId, datum: '2025-06-01', reden: 'Ingetrokken' } }),
      ],
      'no-stream',
    );
    await runner.catchUp();
  });

  afterAll(async () => {
    await store.close();
    await db.drop();
    rmSync(storeDir, { recursive: true, force: true });
  });

  it('has one row per item with its current status', async () => {
    const { items, totaal } = await query.list({ pagina: 1, perPagina: 10 });
    expect(totaal).toBe(3);
    const byId = new Map(items.map((i) => [i.itemId, i]));
    expect(byId.get(motieId)).toMatchObject({ soort: 'motie', nummer: '29628-1230', status: 'InBehandeling', termijnDatum: '2025-07-01', revisie: 0 });
    expect(byId.get(toezeggingId)).toMatchObject({ soort: 'toezegging', status: 'Afgedaan', revisie: 2, laatsteWijziging: 'ToezeggingAfgedaan' });
    expect(byId.get(toezeggingId)!.afdoening).toEqual({ datum: '2025-06-20', wijze: { soort: 'halfjaarbericht', referentie: 'Eerste halfjaarbericht politie 2025' }, toelichting: 'Hiermee beschouw ik de toezegging als afgedaan.' });
    expect(byId.get(vervallenId)).toMatchObject({ status: 'Vervallen', vervallenReden: 'Ingetrokken' });
  });

  it('filters by member, case and diacritics aside, and by fractie', async () => {
    expect((await query.list({ lid: 'michon-derkzen', pagina: 1, perPagina: 10 })).items.map((i) => i.itemId).sort()).toEqual([toezeggingId, vervallenId].sort());
    expect((await query.list({ fractie: 'nsc', pagina: 1, perPagina: 10 })).items.map((i) => i.itemId)).toEqual([motieId]);
    expect((await query.list({ lid: 'Boswijk', fractie: 'VVD', pagina: 1, perPagina: 10 })).totaal).toBe(0);
  });

  it('filters by status, kind, bewindspersoon and theme', async () => {
    expect((await query.list({ status: ['open'], pagina: 1, perPagina: 10 })).items.map((i) => i.itemId)).toEqual([motieId]);
    expect((await query.list({ status: ['Afgedaan', 'Vervallen'], pagina: 1, perPagina: 10 })).totaal).toBe(2);
    expect((await query.list({ soort: 'toezegging', pagina: 1, perPagina: 10 })).items.map((i) => i.itemId)).toEqual([toezeggingId]);
    expect((await query.list({ bewindspersoon: 'Minister van Justitie en Veiligheid', thema: 'politiepersoneel en middelen', pagina: 1, perPagina: 10 })).totaal).toBe(2);
  });

  it('finds open items overdue on a date', async () => {
    expect((await query.list({ achterstalligOp: '2025-07-01', pagina: 1, perPagina: 10 })).totaal).toBe(0);
    expect((await query.list({ achterstalligOp: '2025-07-02', pagina: 1, perPagina: 10 })).items.map((i) => i.itemId)).toEqual([motieId]);
    expect((await query.list({ achterstalligOp: '2025-07-02', lid: 'BOSWIJK', thema: 'demonstraties', status: ['open'], pagina: 1, perPagina: 10 })).items.map((i) => i.itemId)).toEqual([motieId]);
    expect((await query.list({ achterstalligOp: '2025-07-02', lid: 'Michon-Derkzen', pagina: 1, perPagina: 10 })).totaal).toBe(0);
  });

  it('searches titles, texts and progress in full text', async () => {
    expect((await query.list({ zoek: 'relschoppers', pagina: 1, perPagina: 10 })).items.map((i) => i.itemId)).toEqual([motieId]);
    expect((await query.list({ zoek: 'nevenfunctie wijkagent', pagina: 1, perPagina: 10 })).items.map((i) => i.itemId)).toEqual([toezeggingId]);
    expect((await query.list({ zoek: 'onvindbaarwoord', pagina: 1, perPagina: 10 })).totaal).toBe(0);
  });

  it('treats search input as words, never as query syntax', async () => {
    await expect(query.list({ zoek: `"NEAR( OR ') ; DROP TABLE register_items; --`, pagina: 1, perPagina: 10 })).resolves.toBeDefined();
    expect((await query.list({ pagina: 1, perPagina: 10 })).totaal).toBe(3);
  });

  it('sorts and pages', async () => {
    const eerste = await query.list({ sorteer: 'nummer', pagina: 1, perPagina: 2 });
    const tweede = await query.list({ sorteer: 'nummer', pagina: 2, perPagina: 2 });
    expect([...eerste.items, ...tweede.items].map((i) => i.nummer)).toEqual(['29628-1230', '36600-79', 'TZ202412-156']);
    expect((await query.list({ sorteer: 'nummer', aflopend: true, pagina: 1, perPagina: 1 })).items[0].nummer).toBe('TZ202412-156');
    expect(eerste.totaal).toBe(3);
  });

  it('finds an item by number', async () => {
    expect((await query.byNummer('TZ202412-156'))?.itemId).toBe(toezeggingId);
  });

  it('leaves a row unchanged when the same event is applied twice', async () => {
    const before = await db.dataSource.getRepository(RegisterItem).findOneByOrFail({ itemId: toezeggingId });
    const { events } = await store.readStream(`toezegging-${toezeggingId}`);
    await db.dataSource.transaction((m) => new RegisterProjection().applyBatch(events, m));
    await db.dataSource.transaction((m) => new RegisterProjection().applyBatch([events[1]], m));
    const after = await db.dataSource.getRepository(RegisterItem).findOneByOrFail({ itemId: toezeggingId });
    expect(after).toEqual(before);
    expect(after.voortgang).toHaveLength(1);
  });

  it('writes the checkpoint with the rows and resumes from it', async () => {
    const head = await store.headPosition();
    expect(runner.position()).toBe(head);
    const id = randomUUID();
    await store.appendToStream(`motie-${id}`, [newEvent('motie', motieGeregistreerd(id, { nummer: '29628-1249' }))], 'no-stream');
    const fresh = new ProjectionRunner(store, db.dataSource, [new RegisterProjection()]);
    await fresh.catchUp();
    expect(fresh.position()).toBe(head + 1n);
    expect((await query.list({ pagina: 1, perPagina: 10 })).totaal).toBe(4);
  });

  it('rebuilds to the same rows it had, with the search index built at the end', async () => {
    const before = await db.dataSource.getRepository(RegisterItem).find({ order: { itemId: 'ASC' } });
    await runner.rebuild();
    const after = await db.dataSource.getRepository(RegisterItem).find({ order: { itemId: 'ASC' } });
    expect(after).toEqual(before);
    expect((await query.list({ zoek: 'nevenfunctie wijkagent', pagina: 1, perPagina: 10 })).items.map((i) => i.itemId)).toEqual([toezeggingId]);
    expect((await query.list({ lid: 'Six Dijkstra', pagina: 1, perPagina: 10 })).items.map((i) => i.itemId)).toContain(motieId);
  });

  it('keeps the member filters right when termijn, theme and status change later', async () => {
    // Member rows carry copies of these columns: each change must reach them, not only a rebuild.
    const id = randomUUID();
    const stream = `motie-${id}`;
    const vind = (extra: Record<string, unknown>) =>
      query.list({ lid: 'Van Nispen', pagina: 1, perPagina: 10, ...extra }).then((p) => p.items.map((i) => i.itemId));
    await store.appendToStream(stream, [newEvent('motie', motieGeregistreerd(id, { nummer: '36600-90', leden: [{ naam: 'Van Nispen', fractie: 'SP' }, { naam: 'Dobbe', fractie: 'SP' }], thema: 'Zeden', termijn: { omschrijving: 'voor de zomer', datum: '2025-05-01' } }))], 'no-stream');
    await runner.catchUp();
    expect(await vind({ achterstalligOp: '2025-06-01', thema: 'zeden', status: ['open'] })).toEqual([id]);
    // Two members of one fractie: the item is counted once.
    expect(await query.list({ fractie: 'sp', achterstalligOp: '2025-06-01', pagina: 1, perPagina: 10 })).toMatchObject({ totaal: 1, items: [{ itemId: id }] });
    // And once in the dashboard's count per fractie, which reads the member rows alone.
    const telling = await query.telling('2025-06-01');
    expect(telling.perFractie).toContainEqual({ waarde: 'SP', open: 1, achterstallig: 1 });
    expect(telling.perLid).toEqual(expect.arrayContaining([{ waarde: 'Van Nispen', open: 1, achterstallig: 1 }, { waarde: 'Dobbe', open: 1, achterstallig: 1 }]));

    await store.appendToStream(stream, [newEvent('motie', { feit: 'TermijnGewijzigd', data: { itemId: id, datum: '2025-05-20', oud: { omschrijving: 'voor de zomer', datum: '2025-05-01' }, nieuw: { omschrijving: 'na de zomer', datum: '2025-10-01' }, reden: 'Onderzoek loopt uit' } })], 0);
    await runner.catchUp();
    expect(await vind({ achterstalligOp: '2025-06-01' })).toEqual([]);
    expect(await vind({ achterstalligOp: '2025-10-02', thema: 'Zeden' })).toEqual([id]);

    await store.appendToStream(stream, [newEvent('motie', { feit: 'RegistratieGecorrigeerd', data: { itemId: id, wijzigingen: [{ veld: 'thema', oud: 'Zeden', nieuw: 'Ondermijning' }], reden: 'Verkeerd thema' } })], 1);
    await runner.catchUp();
    expect(await vind({ thema: 'Zeden' })).toEqual([]);
    expect(await vind({ thema: 'ondermijning', soort: 'motie' })).toEqual([id]);

    await store.appendToStream(stream, [newEvent('motie', { feit: 'Afgedaan', data: { itemId: id, datum: '2025-11-01', wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2025/26, 29628, nr. 1300' }, toelichting: 'Uitgevoerd.' } })], 2);
    await runner.catchUp();
    expect(await vind({ status: ['open'] })).toEqual([]);
    expect(await vind({ achterstalligOp: '2025-10-02' })).toEqual([]);
    expect(await vind({ status: ['Afgedaan'], thema: 'Ondermijning' })).toEqual([id]);
    // The member rows equal what a rebuild writes.
    const leden = () => db.dataSource.query(`SELECT item_id, positie, naam, naam_sleutel, fractie, soort, status, thema, termijn_datum FROM register_item_leden ORDER BY item_id, positie`);
    const live = await leden();
    await runner.rebuild();
    expect(await leden()).toEqual(live);
  });

  it('drops the secondary indexes for a rebuild and has every one of them back at its end', async () => {
    const indexen = async (): Promise<string[]> => {
      const rows: { naam: string }[] = await db.dataSource.query(
        engine === 'postgres'
          ? `SELECT indexname AS naam FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('register_items', 'register_item_leden')`
          : `SELECT name AS naam FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('register_items', 'register_item_leden')`,
      );
      return rows.map((r) => r.naam).sort();
    };
    const voor = await indexen();
    expect(voor).toEqual(expect.arrayContaining(['IDX_leden_lid_filter', 'IDX_leden_fractie_filter', 'IDX_eef406fd717ae198a1fd5844d4']));
    await db.dataSource.transaction((m) => new RegisterProjection().reset(m));
    expect(await indexen()).not.toContain('IDX_leden_lid_filter');
    expect((await db.dataSource.query('SELECT naam FROM register_uitgestelde_indexen')).length).toBeGreaterThanOrEqual(3);
    await runner.rebuild();
    expect(await indexen()).toEqual(voor);
    expect(await db.dataSource.query('SELECT naam FROM register_uitgestelde_indexen')).toEqual([]);
    expect((await query.list({ lid: 'Six Dijkstra', pagina: 1, perPagina: 10 })).items.map((i) => i.itemId)).toContain(motieId);
  });

  it('keeps the full-text index merging its segments less eagerly, also after a rebuild', async () => {
    if (engine === 'postgres') return;
    const automerge = async () => (await db.dataSource.query(`SELECT v FROM register_zoek_config WHERE k = 'automerge'`)) as { v: number }[];
    expect(await automerge()).toEqual([{ v: 8 }]);
    await runner.rebuild();
    expect(await automerge()).toEqual([{ v: 8 }]);
  });

  it('finishes an interrupted rebuild on the next catch-up', async () => {
    // As if a rebuild died after replaying the log but before it built the search index.
    await db.dataSource.query(
      `INSERT INTO projection_checkpoints (name, version, position, updated_at) VALUES ('register#herbouw', 2, '-1', 'x')`,
    );
    await db.dataSource.query(engine === 'postgres' ? 'UPDATE register_items SET zoekvector = NULL' : 'DELETE FROM register_zoek');
    expect((await query.list({ zoek: 'relschoppers', pagina: 1, perPagina: 10 })).totaal).toBe(0);
    await new ProjectionRunner(store, db.dataSource, [new RegisterProjection()]).catchUp();
    expect((await query.list({ zoek: 'relschoppers', pagina: 1, perPagina: 10 })).items.map((i) => i.itemId)).toContain(motieId);
    expect(await db.dataSource.query(`SELECT name FROM projection_checkpoints WHERE name = 'register#herbouw'`)).toEqual([]);
  });
});
