import { SqliteEventStore } from '@register/event-store';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { motieGeregistreerd, newEvent, randomUUID, toezeggingGeregistreerd } from '../../../../test/support/events';
import { TestDatabase, openReadModel } from '../../../../test/support/read-model-databases';
import { ProjectionRunner } from '../projections/projection-runner';
import { nlStammen } from './nl-stammen';
import { filterRegister } from './register-filter';
import { RegisterFilter, RegisterQuery } from './register.query';
import { RegisterProjection } from './register.projection';

/**
 * Finding what a person types: numbers in their natural order, part of a name, accents and case
 * aside, members in the free text, Dutch word forms. Every answer is also checked against the
 * in-memory filter the auditor's register as it was uses, so the two never drift apart.
 */
describe.each(['sqlite', 'postgres'] as const)('finding in the register on %s', (engine) => {
  let db: TestDatabase;
  let storeDir: string;
  let store: SqliteEventStore;
  let query: RegisterQuery;
  let runner: ProjectionRunner;

  const items: { nummer: string; soort: 'motie' | 'toezegging'; overrides: Record<string, unknown> }[] = [
    { nummer: '29628-1265', soort: 'motie', overrides: { leden: [{ naam: 'Van Nispen', fractie: 'SP' }], titel: 'Motie over wijkagenten', tekst: 'verzoekt de regering meer agenten in de wijk' } },
    { nummer: '29628-957', soort: 'motie', overrides: { leden: [{ naam: 'Van Nispen', fractie: 'SP' }, { naam: 'Öztürk', fractie: 'DENK' }], titel: 'Motie over de agent in de wijk', tekst: 'verzoekt de regering elke wijk een agent te geven' } },
    { nummer: '29628-1107', soort: 'motie', overrides: { leden: [{ naam: 'Michon-Derkzen', fractie: 'VVD' }], thema: 'Politie', titel: 'Motie over cameratoezicht', tekst: 'verzoekt de regering cameratoezicht te regelen' } },
    { nummer: '35925-VI-107', soort: 'motie', overrides: { leden: [{ naam: 'Ellian', fractie: 'VVD' }], thema: 'Politiepersoneel en middelen', bewindspersoon: 'staatssecretaris van Justitie en Veiligheid', titel: 'Motie over opsporing', tekst: 'verzoekt de regering de opsporing te versterken' } },
    { nummer: '35925-VI-96', soort: 'motie', overrides: { leden: [{ naam: 'Mutluer', fractie: 'GroenLinks-PvdA' }], thema: 'Politiepersoneel en middelen', titel: 'Motie over huizen', tekst: 'verzoekt de regering te kijken naar huizen voor agenten' } },
    { nummer: 'TZ202412-156', soort: 'toezegging', overrides: { leden: [{ naam: 'Michon-Derkzen', fractie: 'VVD' }], thema: 'Politie' } },
    { nummer: 'TZ202412-9', soort: 'toezegging', overrides: { leden: [{ naam: 'Van der Werf', fractie: 'D66' }], bewindspersoon: 'minister voor Asiel en Migratie', titel: 'Toezegging over een huis', tekst: 'De minister zegt toe te schrijven over het huis' } },
    { nummer: 'INT-2025-3', soort: 'toezegging', overrides: { nummerBron: 'intern', leden: [], titel: 'Interne toezegging', tekst: 'Een brief over de rechtspraak' } },
  ];

  beforeAll(async () => {
    db = await openReadModel(engine);
    storeDir = mkdtempSync(join(tmpdir(), 'register-vinden-'));
    store = new SqliteEventStore(join(storeDir, 'events.sqlite'));
    for (const { nummer, soort, overrides } of items) {
      const id = randomUUID();
      const event = soort === 'motie' ? motieGeregistreerd(id, { nummer, ...overrides }) : toezeggingGeregistreerd(id, { nummer, ...overrides });
      await store.appendToStream(`${soort}-${id}`, [newEvent(soort, event)], 'no-stream');
    }
    runner = new ProjectionRunner(store, db.dataSource, [new RegisterProjection()]);
    await runner.catchUp();
    query = new RegisterQuery(db.dataSource);
  });

  afterAll(async () => {
    await store.close();
    await db.drop();
    rmSync(storeDir, { recursive: true, force: true });
  });

  /** The numbers the query answers, checked against the in-memory filter over every row. */
  async function nummers(filter: Partial<RegisterFilter>): Promise<string[]> {
    const f: RegisterFilter = { pagina: 1, perPagina: 100, ...filter };
    const uitQuery = await query.list(f);
    const alle = (await query.list({ pagina: 1, perPagina: 100 })).items;
    const inGeheugen = filterRegister(alle, f);
    expect(inGeheugen.items.map((i) => i.nummer)).toEqual(uitQuery.items.map((i) => i.nummer));
    expect(inGeheugen.totaal).toBe(uitQuery.totaal);
    return uitQuery.items.map((i) => i.nummer);
  }

  it('sorts Kamer numbers by dossier, toevoeging and volgnummer, not as text', async () => {
    const oplopend = ['29628-957', '29628-1107', '29628-1265', '35925-VI-96', '35925-VI-107', 'INT-2025-3', 'TZ202412-9', 'TZ202412-156'];
    expect(await nummers({})).toEqual(oplopend);
    expect(await nummers({ sorteer: 'nummer', aflopend: true })).toEqual([...oplopend].reverse());
  });

  it('finds a member by part of the name, case and accents aside', async () => {
    expect(await nummers({ lid: 'nisp' })).toEqual(['29628-957', '29628-1265']);
    expect(await nummers({ lid: 'Van Nispen' })).toEqual(['29628-957', '29628-1265']);
    expect(await nummers({ lid: 'ozturk' })).toEqual(['29628-957']);
    expect(await nummers({ lid: 'DERKZEN' })).toEqual(['29628-1107', 'TZ202412-156']);
    expect(await nummers({ lid: 'niemand' })).toEqual([]);
  });

  it('finds bewindspersonen, fracties and themes by part, and an exact value exactly', async () => {
    expect(await nummers({ bewindspersoon: 'minister' })).toEqual(['29628-957', '29628-1107', '29628-1265', '35925-VI-96', 'INT-2025-3', 'TZ202412-9', 'TZ202412-156']);
    expect(await nummers({ bewindspersoon: 'staatssecretaris' })).toEqual(['35925-VI-107']);
    expect(await nummers({ bewindspersoon: 'asiel' })).toEqual(['TZ202412-9']);
    // "Politie" is a theme of its own: typed whole it is that theme, not also "Politiepersoneel …".
    expect(await nummers({ thema: 'politie' })).toEqual(['29628-1107', 'TZ202412-156']);
    expect(await nummers({ thema: 'personeel' })).toEqual(['35925-VI-96', '35925-VI-107', 'INT-2025-3', 'TZ202412-9']);
    expect(await nummers({ fractie: 'groenlinks' })).toEqual(['35925-VI-96']);
    expect(await nummers({ fractie: 'vvd', lid: 'ellian' })).toEqual(['35925-VI-107']);
    expect(await nummers({ fractie: 'vvd', status: ['open'], thema: 'politie' })).toEqual(['29628-1107', 'TZ202412-156']);
  });

  it('searches the members and their fracties in the free text', async () => {
    expect(await nummers({ zoek: 'Michon-Derkzen' })).toEqual(['29628-1107', 'TZ202412-156']);
    expect(await nummers({ zoek: 'DENK' })).toEqual(['29628-957']);
  });

  it('finds Dutch word forms: agent and agenten, huis and huizen find the same', async () => {
    const agent = await nummers({ zoek: 'agent' });
    expect(agent).toEqual(await nummers({ zoek: 'agenten' }));
    expect(agent).toEqual(expect.arrayContaining(['29628-957', '29628-1265', '35925-VI-96']));
    if (engine === 'sqlite') {
      // SQLite matches each word as a prefix too, as a person types it; PostgreSQL's plainto_tsquery does not.
      expect(await nummers({ zoek: 'rechtsp' })).toEqual(['INT-2025-3']);
    }
  });

  it('finds the same after a rebuild, which builds the full-text index in one pass at its end', async () => {
    const voor = await Promise.all(['agenten', 'Michon-Derkzen', 'huizen', 'nisp'].map((zoek) => nummers({ zoek })));
    await runner.rebuild();
    expect(await Promise.all(['agenten', 'Michon-Derkzen', 'huizen', 'nisp'].map((zoek) => nummers({ zoek })))).toEqual(voor);
    expect(voor[0].length).toBeGreaterThan(0);
    expect(await nummers({})).toHaveLength(items.length);
  });

  it('suggests the register’s own values for what was typed, those that start with it first', async () => {
    expect(await query.suggesties('lid', 'nisp')).toEqual([{ waarde: 'Van Nispen', toelichting: 'SP', aantal: 2 }]);
    // Both start with it; the one with more items first.
    expect((await query.suggesties('lid', 'v')).map((s) => s.waarde)).toEqual(['Van Nispen', 'Van der Werf']);
    expect((await query.suggesties('bewindspersoon', 'minister')).map((s) => s.waarde)).toEqual(['minister van Justitie en Veiligheid', 'minister voor Asiel en Migratie']);
    // Both start with it: the one with more items first.
    expect((await query.suggesties('thema', 'pol')).map((s) => s.waarde)).toEqual(['Politiepersoneel en middelen', 'Politie']);
    expect(await query.suggesties('fractie', '   ')).toEqual([]);
  });

  it('streams every selected row in the list’s order, and counts them', async () => {
    const filter = { bewindspersoon: 'minister', sorteer: 'nummer' as const, aflopend: false };
    const gestroomd: string[] = [];
    const blokken: number[] = [];
    // Blocks of three: the order holds across block boundaries.
    for await (const blok of query.stroom(filter, 'kort', 3)) {
      blokken.push(blok.length);
      gestroomd.push(...blok.map((r) => r.nummer));
    }
    expect(blokken).toEqual([3, 3, 1]);
    expect(gestroomd).toEqual(await nummers(filter));
    expect(await query.aantal(filter)).toBe(gestroomd.length);
    const niets: string[] = [];
    for await (const blok of query.stroom({ lid: 'niemand' })) niets.push(...blok.map((r) => r.nummer));
    expect(niets).toEqual([]);
  });

  it('keeps the values table equal to the register as items change, and drops a value whose last item changed', async () => {
    const tel = async () =>
      ((await db.dataSource.query('SELECT veld, waarde, aantal FROM register_waarden ORDER BY veld, waarde')) as { veld: string; waarde: string; aantal: number | string }[]).map(
        (r) => `${r.veld}:${r.waarde}:${Number(r.aantal)}`,
      );
    const uitRegister = async () => {
      const rijen = (await query.list({ pagina: 1, perPagina: 100 })).items;
      const teller = new Map<string, number>();
      const plus = (k: string) => teller.set(k, (teller.get(k) ?? 0) + 1);
      for (const r of rijen) {
        for (const naam of new Set(r.leden.map((l) => l.naam))) plus(`lid:${naam}`);
        for (const fractie of new Set(r.leden.flatMap((l) => (l.fractie ? [l.fractie] : [])))) plus(`fractie:${fractie}`);
        plus(`bewindspersoon:${r.bewindspersoon}`);
        plus(`thema:${r.thema}`);
      }
      return [...teller].map(([k, n]) => `${k}:${n}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    };
    expect(await tel()).toEqual(await uitRegister());
    const asiel = (await query.list({ pagina: 1, perPagina: 100 })).items.find((i) => i.nummer === 'TZ202412-9')!;
    await store.appendToStream(
      `toezegging-${asiel.itemId}`,
      [
        newEvent('toezegging', { feit: 'Overgedragen', data: { itemId: asiel.itemId, datum: '2025-07-01', van: { bewindspersoon: 'minister voor Asiel en Migratie', ministerie: 'JenV' }, naar: { bewindspersoon: 'minister van Justitie en Veiligheid', ministerie: 'JenV' }, reden: 'Kabinetswissel' } }),
        newEvent('toezegging', { feit: 'RegistratieGecorrigeerd', data: { itemId: asiel.itemId, wijzigingen: [{ veld: 'leden', oud: [{ naam: 'Van der Werf', fractie: 'D66' }], nieuw: [{ naam: 'Paternotte', fractie: 'D66' }] }], reden: 'Verkeerd lid' } }),
      ],
      0,
    );
    await runner.catchUp();
    const na = await tel();
    expect(na).toEqual(await uitRegister());
    expect(na.some((r) => r.startsWith('bewindspersoon:minister voor Asiel'))).toBe(false);
    expect(na.some((r) => r.startsWith('lid:Van der Werf'))).toBe(false);
    expect(na).toContain('lid:Paternotte:1');
    expect(await nummers({ lid: 'werf' })).toEqual([]);
    expect(await nummers({ lid: 'paternotte' })).toEqual(['TZ202412-9']);
    await runner.rebuild();
    expect(await tel()).toEqual(na);
  });

  if (engine === 'postgres') {
    it('stems as PostgreSQL’s Dutch configuration does, on the words of real annexes', async () => {
      const tekst = ['000_a667fa4859d422a8.txt', '003_867673a10de57136.txt'].map((f) => readFileSync(join(__dirname, '../../../../test/fixtures/import', f), 'utf8')).join('\n');
      const woorden = [...new Set(tekst.toLowerCase().match(/\p{L}+/gu) ?? [])].filter((w) => w.length > 2);
      expect(woorden.length).toBeGreaterThan(1000);
      const rijen: { woord: string; stam: string[] | null }[] = await db.dataSource.query(`SELECT w AS woord, ts_lexize('dutch_stem', w) AS stam FROM unnest($1::text[]) w`, [woorden]);
      // A stop word has no stem in PostgreSQL (an empty array): the register keeps it.
      const fout = rijen.filter((r) => r.stam?.length && r.stam[0].normalize('NFD').replace(/\p{M}/gu, '') !== nlStammen(r.woord)[0]);
      expect(fout).toEqual([]);
    });
  }
});
