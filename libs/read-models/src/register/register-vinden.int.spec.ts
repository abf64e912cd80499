import { SqliteEventStore } from '@register/event-store';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { motieGeregistreerd, newEvent, randomUUID, toezeggingGeregistreerd } from '../../../../test/support/events';
import { TestDatabase, openReadModel } from '../../../../test/support/read-model-databases';
import { ProjectionRunner } from '../projections/projection-runner';
import { nlStammen, zoekTermen } from './nl-stammen';
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

  const fenna = { naam: 'Fenna Fictief', email: 'fenna.fictief@example.org', directie: 'Directie Politie', afdeling: 'Afdeling Politiebestel' };
  const bram = { naam: 'Bram Bedacht', email: 'Bram.Bedacht@Example.org', directie: 'directie politie', afdeling: null };
  const sanne = { naam: 'Sanne Verzonnen', email: 'sanne.verzonnen@example.org', directie: 'Directie Veiligheid', afdeling: null };

  const items: { nummer: string; soort: 'motie' | 'toezegging'; overrides: Record<string, unknown> }[] = [
    { nummer: '29628-1265', soort: 'motie', overrides: { leden: [{ naam: 'Van Nispen', fractie: 'SP' }], titel: 'Motie over wijkagenten', tekst: 'verzoekt de regering meer agenten in de wijk', behandelaar: fenna } },
    { nummer: '29628-957', soort: 'motie', overrides: { leden: [{ naam: 'Van Nispen', fractie: 'SP' }, { naam: 'Öztürk', fractie: 'DENK' }], titel: 'Motie over de agent in de wijk', tekst: 'verzoekt de regering elke wijk een agent te geven' } },
    { nummer: '29628-1107', soort: 'motie', overrides: { leden: [{ naam: 'Michon-Derkzen', fractie: 'VVD' }], thema: 'Politie', titel: 'Motie over cameratoezicht', tekst: 'verzoekt de regering cameratoezicht te regelen', behandelaar: bram, termijn: { omschrijving: 'eind 2025', datum: '2025-12-31' } } },
    { nummer: '35925-VI-107', soort: 'motie', overrides: { leden: [{ naam: 'Ellian', fractie: 'VVD' }], thema: 'Politiepersoneel en middelen', bewindspersoon: 'staatssecretaris van Justitie en Veiligheid', titel: 'Motie over opsporing', tekst: 'verzoekt de regering de opsporing te versterken' } },
    { nummer: '35925-VI-96', soort: 'motie', overrides: { leden: [{ naam: 'Mutluer', fractie: 'GroenLinks-PvdA' }], thema: 'Politiepersoneel en middelen', titel: 'Motie over huizen', tekst: 'verzoekt de regering te kijken naar huizen voor agenten' } },
    { nummer: 'TZ202412-156', soort: 'toezegging', overrides: { leden: [{ naam: 'Michon-Derkzen', fractie: 'VVD' }], thema: 'Politie', behandelaar: sanne } },
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

  it('reads decomposed accents as composed ones, in the text and in the query', async () => {
    expect(nlStammen('ge\u0069\u0308nformeerd')).toEqual(nlStammen('geïnformeerd'));
    expect(nlStammen('ge\u0069\u0308nformeerd')).toHaveLength(1);
  });

  it('looks for at most eight words, each once, and for words under three letters only whole', async () => {
    expect(zoekTermen('a b c d e f g h i j a b').map((t) => t.stam)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(zoekTermen('ag agent').map((t) => t.voorvoegsel)).toEqual([false, true]);
    // "ag" is no word in any item, and not taken as the start of "agent".
    expect(await nummers({ zoek: 'ag' })).toEqual([]);
    // Words past the eighth do not count.
    const acht = await nummers({ zoek: 'motie over de agent in de wijk verzoekt regering' });
    expect(acht).toEqual(['29628-957', '29628-1265']);
    expect(await nummers({ zoek: 'motie over de agent in de wijk verzoekt regering onzinwoord' })).toEqual(acht);
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

  it('filters on the behandelaar’s directie and e-mail address, equal up to case', async () => {
    expect(await nummers({ directie: 'Directie Politie' })).toEqual(['29628-1107', '29628-1265']);
    expect(await nummers({ directie: 'DIRECTIE POLITIE', status: ['open'] })).toEqual(['29628-1107', '29628-1265']);
    // Equality, not a part of the name.
    expect(await nummers({ directie: 'Directie' })).toEqual([]);
    expect(await nummers({ behandelaar: 'fenna.fictief@EXAMPLE.org' })).toEqual(['29628-1265']);
    expect(await nummers({ behandelaar: 'bram.bedacht@example.org', sorteer: 'termijn' })).toEqual(['29628-1107']);
    expect(await nummers({ behandelaar: 'fenna' })).toEqual([]);
    // With a member filter the count is not taken from the member rows alone, which know no behandelaar.
    expect(await nummers({ lid: 'derkzen', directie: 'directie veiligheid' })).toEqual(['TZ202412-156']);
    expect(await nummers({ fractie: 'sp', behandelaar: 'sanne.verzonnen@example.org' })).toEqual([]);
    expect(await query.aantal({ lid: 'derkzen', behandelaar: 'Sanne.Verzonnen@example.org' })).toBe(1);
  });

  it('follows a new behandelaar, and counts open, overdue and binnenkort per directie and behandelaar', async () => {
    const rij = async (nummer: string) => (await query.list({ pagina: 1, perPagina: 100 })).items.find((i) => i.nummer === nummer)!;
    const toegewezen = (itemId: string, van: typeof fenna | null, naar: typeof fenna | typeof sanne) =>
      newEvent('motie', { feit: 'BehandelaarToegewezen', data: { itemId, datum: '2025-06-20', van, naar, reden: 'Nieuwe verdeling' } });
    const zonder = await rij('35925-VI-96');
    const wijk = await rij('29628-1265');
    await store.appendToStream(`motie-${zonder.itemId}`, [toegewezen(zonder.itemId, null, fenna)], 0);
    await store.appendToStream(`motie-${wijk.itemId}`, [toegewezen(wijk.itemId, fenna, sanne)], 0);
    await runner.catchUp();
    expect(await rij('35925-VI-96')).toMatchObject({ behandelaarNaam: 'Fenna Fictief', behandelaarEmail: 'fenna.fictief@example.org', behandelaarDirectie: 'Directie Politie', behandelaarAfdeling: 'Afdeling Politiebestel' });
    expect(await nummers({ behandelaar: 'fenna.fictief@example.org' })).toEqual(['35925-VI-96']);
    expect(await nummers({ directie: 'directie veiligheid' })).toEqual(['29628-1265', 'TZ202412-156']);

    // On 1 July: the toezeggingen (termijn 30 June) are overdue, the moties due that day are binnenkort, cameratoezicht (end of 2025) neither.
    const telling = await query.telling('2025-07-01');
    expect(telling).toMatchObject({ open: 8, achterstallig: 3, binnenkort: 4, zonderBehandelaar: 4 });
    expect(telling.perDirectie).toEqual([
      { waarde: 'Directie Politie', open: 2, achterstallig: 0, binnenkort: 1 },
      { waarde: 'Directie Veiligheid', open: 2, achterstallig: 1, binnenkort: 1 },
    ]);
    expect(telling.perBehandelaar).toEqual([
      { waarde: 'sanne.verzonnen@example.org', naam: 'Sanne Verzonnen', directie: 'Directie Veiligheid', open: 2, achterstallig: 1, binnenkort: 1 },
      { waarde: 'bram.bedacht@example.org', naam: 'Bram Bedacht', directie: 'directie politie', open: 1, achterstallig: 0, binnenkort: 0 },
      { waarde: 'fenna.fictief@example.org', naam: 'Fenna Fictief', directie: 'Directie Politie', open: 1, achterstallig: 0, binnenkort: 1 },
    ]);
    // 30 days on from the peildatum still counts, the 31st does not.
    expect((await query.telling('2025-06-01')).binnenkort).toBe(8 - 1);
    expect((await query.telling('2025-05-31')).binnenkort).toBe(3);

    await runner.rebuild();
    expect(await query.telling('2025-07-01')).toEqual(telling);
    expect(await nummers({ behandelaar: 'FENNA.fictief@example.org' })).toEqual(['35925-VI-96']);
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

describe('the full-text index built at the end of a rebuild, in blocks', () => {
  it('indexes every row across block boundaries (5,000 rows a block)', async () => {
    const db = await openReadModel('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'register-blokken-'));
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    try {
      const n = 10_003;
      for (let i = 0; i < n; i++) {
        const id = randomUUID();
        await store.appendToStream(`motie-${id}`, [newEvent('motie', motieGeregistreerd(id, { nummer: `36${String(i).padStart(3, '0')}-${i + 1}`, tekst: `verzoekt de regering wijkagenten ${i}` }))], 'no-stream');
      }
      const runner = new ProjectionRunner(store, db.dataSource, [new RegisterProjection()]);
      await runner.rebuild();
      const query = new RegisterQuery(db.dataSource);
      expect((await query.list({ zoek: 'wijkagenten', pagina: 1, perPagina: 1 })).totaal).toBe(n);
      expect((await query.list({ zoek: '10002', pagina: 1, perPagina: 5 })).items.map((i) => i.nummer)).toContain('3610002-10003');
    } finally {
      await store.close();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
