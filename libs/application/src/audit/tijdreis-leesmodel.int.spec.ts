import { ItemEvent, Soort, itemStream } from '@register/domain';
import { SqliteEventStore } from '@register/event-store';
import { ProjectionCheckpoint, ProjectionRunner, RegisterFilter, RegisterProjection, SORTEERVELDEN, Sorteerveld } from '@register/read-models';
import { LICHTE_VELDEN, filterVelden } from '@register/read-models/register/register-filter';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { motieGeregistreerd, newEvent, randomUUID, toezeggingGeregistreerd } from '../../../../test/support/events';
import { TestDatabase, openReadModel } from '../../../../test/support/read-model-databases';
import { Peilmoment } from './register-stand';
import { LICHT, TijdreisAntwoord, TijdreisOpdracht, TijdreisVraag, werk } from './tijdreis.worker';

jest.setTimeout(120_000);

/** A small seeded generator: the same store on every run, so that a failure can be replayed. */
function willekeur(seed: number) {
  let s = seed >>> 0;
  const getal = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { getal, kies: <T>(xs: readonly T[]): T => xs[Math.floor(getal() * xs.length)], tot: (n: number) => Math.floor(getal() * n) };
}

const dag = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** The worker in this thread, over a message channel: the same code the service starts on a thread. */
function werker(opdracht: TijdreisOpdracht) {
  const { port1, port2 } = new MessageChannel();
  werk(opdracht, port1);
  const wachtend = new Map<number, (a: TijdreisAntwoord) => void>();
  port2.on('message', (a: TijdreisAntwoord) => wachtend.get(a.id)?.(a));
  let id = 0;
  return {
    vraag(v: Omit<TijdreisVraag, 'id'>): Promise<TijdreisAntwoord> {
      return new Promise((resolve) => {
        wachtend.set(++id, resolve);
        port2.postMessage({ id, ...v });
      });
    },
    sluit() {
      port2.close();
    },
  };
}

/**
 * The time travel's fast path (start from the register's read model, fold only what changed after
 * the peilmoment) must give exactly what the fold of the whole log gives: for any peilmoment on
 * either axis, any filter and sort, with events the read model has not taken in yet, corrections,
 * back-dated facts and recording times out of log order.
 */
describe('the register as it was, from the read model: the same as the fold of the whole log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tijdreis-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  let db: TestDatabase;
  const revisies = new Map<string, number>();
  const items: { itemId: string; soort: Soort }[] = [];
  const datums: string[] = [];
  const momenten: string[] = [];
  const r = willekeur(19);
  let klok = Date.UTC(2024, 0, 1);

  async function voegToe(soort: Soort, event: ItemEvent): Promise<void> {
    const stream = itemStream(soort, (event.data as { itemId: string }).itemId);
    klok += (1 + r.tot(600)) * 60_000;
    // One in ten recorded with a time before the previous event's (a clock that went back, an import).
    const recordedAt = new Date(r.getal() < 0.1 ? klok - r.tot(60) * 86_400_000 : klok).toISOString();
    momenten.push(recordedAt);
    const datum = (event.data as { datum?: string }).datum;
    if (datum) datums.push(datum);
    const revisie = revisies.get(stream) ?? -1;
    await store.appendToStream(stream, [newEvent(soort, event, recordedAt)], revisie < 0 ? 'no-stream' : revisie);
    revisies.set(stream, revisie + 1);
  }

  /** One random fact about a random item, some dated before the item's last fact (back-dated). */
  async function feit(): Promise<void> {
    const { itemId, soort } = r.kies(items);
    const datum = dag(r.tot(730));
    const keuze = r.tot(10);
    const events: ItemEvent[] = [
      { feit: 'VoortgangGerapporteerd', data: { itemId, datum, tekst: r.kies(['Overleg met de politie', 'Brief in voorbereiding', 'Coördinatie met gemeenten']) } },
      { feit: 'Afgedaan', data: { itemId, datum, wijze: { soort: 'kamerstuk', referentie: 'Kamerstuk 29628, nr. 1300' }, toelichting: 'Afgedaan met de brief.' } },
      { feit: 'DeelsAfgedaan', data: { itemId, datum, deel: 'het eerste deel', bewijs: { soort: 'brief', referentie: 'Brief 2025-1' } } },
      { feit: 'Heropend', data: { itemId, datum, reden: 'De Kamer aanvaardde de afdoening niet' } },
      { feit: 'Vervallen', data: { itemId, datum, reden: 'achterhaald' } },
      { feit: 'TermijnGewijzigd', data: { itemId, datum, oud: null, nieuw: { omschrijving: 'voor het zomerreces', datum: dag(r.tot(900)) }, reden: 'uitstel' } },
      { feit: 'Overgedragen', data: { itemId, datum, van: { bewindspersoon: 'minister van Justitie en Veiligheid', ministerie: 'JenV' }, naar: { bewindspersoon: 'staatssecretaris van Justitie en Veiligheid', ministerie: 'JenV' }, reden: 'portefeuille' } },
      { feit: 'BehandelaarToegewezen', data: { itemId, datum, van: null, naar: { naam: 'A. de Vries', email: 'a.devries@minjenv.nl', directie: r.kies(['DGPenV', 'DGSenB']), afdeling: 'Politie' }, reden: 'nieuw' } },
      // A correction has no date: it counts on every business date.
      { feit: 'RegistratieGecorrigeerd', data: { itemId, wijzigingen: [{ veld: 'thema', oud: null, nieuw: r.kies(['Cybercrime', 'Demonstraties', 'Politiepersoneel en middelen']) }, { veld: 'titel', oud: null, nieuw: `Gecorrigeerd ${r.tot(100)}` }], reden: 'typefout' } },
      { feit: 'VoortgangGerapporteerd', data: { itemId, datum: dag(r.tot(60)), tekst: 'Achteraf gemeld over het begin' } },
    ] as ItemEvent[];
    await voegToe(soort, events[keuze]);
  }

  async function registreer(): Promise<void> {
    const itemId = randomUUID();
    const soort: Soort = r.getal() < 0.4 ? 'toezegging' : 'motie';
    const overrides = {
      nummer: soort === 'motie' ? `29628-${1000 + items.length}` : `TZ2025${String(items.length).padStart(4, '0')}`,
      datum: dag(r.tot(700)),
      thema: r.kies(['Cybercrime', 'Demonstraties', 'Politiepersoneel en middelen']),
      leden: [r.kies([{ naam: 'Boswijk', fractie: 'CDA' }, { naam: 'Michon-Derkzen', fractie: 'VVD' }, { naam: 'Mutluer', fractie: 'GL-PvdA' }])],
      termijn: r.getal() < 0.3 ? null : { omschrijving: 'voor de zomer', datum: dag(r.tot(900)) },
      titel: `${soort} ${items.length} over ${r.kies(['privacy', 'handhaving', 'gezichtsherkenning'])}`,
    };
    items.push({ itemId, soort });
    await voegToe(soort, soort === 'motie' ? motieGeregistreerd(itemId, overrides) : toezeggingGeregistreerd(itemId, overrides));
  }

  async function meer(n: number): Promise<void> {
    for (let i = 0; i < n; i++) await (items.length < 5 || r.getal() < 0.25 ? registreer() : feit());
  }

  const filters: RegisterFilter[] = [
    { pagina: 1, perPagina: 200 },
    { status: ['open'], pagina: 1, perPagina: 200 },
    { status: ['Afgedaan', 'Vervallen'], sorteer: 'termijn', pagina: 1, perPagina: 7 },
    { lid: 'boswijk', sorteer: 'nummer', aflopend: true, pagina: 2, perPagina: 5 },
    { thema: 'cybercrime', sorteer: 'laatsteWijziging', pagina: 1, perPagina: 25 },
    { bewindspersoon: 'staatssecretaris', pagina: 1, perPagina: 50 },
    { achterstalligOp: '2025-01-01', pagina: 1, perPagina: 50 },
    { zoek: 'gecorrigeerd', pagina: 1, perPagina: 50 },
    { directie: 'dgpenv', sorteer: 'titel', pagina: 1, perPagina: 50 },
    { soort: 'toezegging', fractie: 'vvd', sorteer: 'datum', pagina: 1, perPagina: 50 },
    { ministerie: 'jenv', behandelaar: 'A.DeVries@minjenv.nl', status: ['open'], pagina: 1, perPagina: 50 },
  ];

  const peilmoment = () =>
    fc.oneof(
      fc.constantFrom(...datums).map((datum): Peilmoment => ({ as: 'zakelijk', datum })),
      fc.integer({ min: -10, max: 800 }).map((n): Peilmoment => ({ as: 'zakelijk', datum: dag(n) })),
      fc.constantFrom(...momenten).map((moment): Peilmoment => ({ as: 'vastgelegd', moment })),
      fc.integer({ min: 0, max: momenten.length + 10 }).map((i): Peilmoment => ({ as: 'vastgelegd', moment: new Date(Date.UTC(2024, 0, 1) + i * 5 * 3_600_000).toISOString() })),
    );

  const opdracht = (): TijdreisOpdracht => ({ bestand: store.file, leesmodel: db.dataSource.options.database as string, registerVersie: new RegisterProjection().version });

  /** Both answers for each question, from fresh workers (no snapshot carried over). */
  async function vergelijk(runs: number): Promise<void> {
    await fc.assert(
      fc.asyncProperty(peilmoment(), fc.constantFrom(...filters), async (p, filter) => {
        const snel = werker(opdracht());
        const vol = werker(opdracht());
        try {
          const a = await snel.vraag({ peilmoment: p, filter, bron: 'leesmodel' });
          const b = await vol.vraag({ peilmoment: p, filter, bron: 'log' });
          if ('fout' in a || 'fout' in b) throw new Error('fout' in a ? a.fout : (b as { fout: string }).fout);
          expect(a.bron).toBe('leesmodel');
          expect(b.bron).toBe('log');
          expect(a.pagina).toEqual(b.pagina);
        } finally {
          snel.sluit();
          vol.sluit();
        }
      }),
      { numRuns: runs },
    );
  }

  /** The read model brought up to the head of the log, as the server's projections would. */
  async function bijwerken(): Promise<void> {
    const runner = new ProjectionRunner(store, db.dataSource, [new RegisterProjection()]);
    await runner.start();
    expect(await runner.waitForPosition(await store.headPosition(), 30_000)).toBe(true);
    await runner.stop();
  }

  beforeAll(async () => {
    db = await openReadModel('sqlite');
    await meer(400);
    // The read model built as a first start builds it (a rebuild), then followed live.
    const runner = new ProjectionRunner(store, db.dataSource, [new RegisterProjection()]);
    await runner.start();
    await meer(250);
    expect(await runner.waitForPosition(await store.headPosition(), 30_000)).toBe(true);
    await runner.stop();
    // Not taken in by the read model until a test says so: the tail the time travel folds from the log.
    await meer(60);
  });

  afterAll(async () => {
    await store.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the fold of the whole log on both axes, for any filter and sort', async () => {
    await vergelijk(120);
  });

  it('gives the fold of the whole log with events the read model has not taken in yet', async () => {
    await meer(120);
    await vergelijk(120);
  });

  it('keeps one snapshot across questions, events written meanwhile, the read model moving on and a search', async () => {
    const snel = werker(opdracht());
    try {
      for (const [i, p] of ([{ as: 'zakelijk', datum: '2025-03-01' }, { as: 'vastgelegd', moment: momenten[Math.floor(momenten.length / 2)] }] as Peilmoment[]).entries()) {
        for (const [j, filter] of [...filters, filters[0], filters[7], filters[1], filters[3]].entries()) {
          if (j % 3 === i) await meer(15);
          // The read model takes in what was written: rows change under the snapshot's light rows.
          if (j % 4 === 1) await bijwerken();
          const vol = werker(opdracht());
          const a = await snel.vraag({ peilmoment: p, filter, bron: 'leesmodel' });
          const b = await vol.vraag({ peilmoment: p, filter, bron: 'log' });
          vol.sluit();
          if ('fout' in a) throw new Error(a.fout);
          expect(a.bron).toBe('leesmodel');
          expect('pagina' in a && a.pagina).toEqual('pagina' in b && b.pagina);
        }
      }
    } finally {
      snel.sluit();
    }
  });

  it('names only light fields for any filter and sort', () => {
    const alle: RegisterFilter = { soort: 'motie', status: ['open'], lid: 'a', fractie: 'b', bewindspersoon: 'c', ministerie: 'd', thema: 'e', directie: 'f', behandelaar: 'g', achterstalligOp: '2025-01-01', pagina: 1, perPagina: 10 };
    for (const sorteer of Object.keys(SORTEERVELDEN) as Sorteerveld[]) {
      expect([...filterVelden({ ...alle, sorteer })!].filter((v) => !(LICHTE_VELDEN as readonly string[]).includes(v))).toEqual([]);
    }
    expect(filterVelden({ ...alle, zoek: 'agenten' })).toBeUndefined();
  });

  it('reads the light rows through one covering index', async () => {
    // As the worker asks it: whether the row holds at the peilmoment, and the light columns.
    const plan = (await db.dataSource.query(
      `EXPLAIN QUERY PLAN SELECT (vastgelegd_tot IS NOT NULL AND (gedateerd_tot IS NULL OR gedateerd_tot <= '2025-01-01')) AS tijdreis_bekend, ${LICHT.map((k) => k.kolom).join(', ')} FROM register_items`,
    )) as { detail: string }[];
    expect(plan.map((r) => r.detail)).toEqual(['SCAN register_items USING COVERING INDEX IDX_register_tijdreis']);
  });

  it('folds from the log alone when the read model is of another version, being rebuilt or ahead of the log', async () => {
    const p: Peilmoment = { as: 'zakelijk', datum: '2025-01-01' };
    const filter = { pagina: 1, perPagina: 10 };
    const andere = werker({ ...opdracht(), registerVersie: new RegisterProjection().version + 1 });
    const a = await andere.vraag({ peilmoment: p, filter, bron: 'leesmodel' });
    andere.sluit();
    expect('bron' in a && a.bron).toBe('log');

    const repo = db.dataSource.getRepository(ProjectionCheckpoint);
    await repo.insert({ name: 'register#herbouw', version: new RegisterProjection().version, position: '-1', updatedAt: new Date().toISOString() });
    const tijdensHerbouw = werker(opdracht());
    const b = await tijdensHerbouw.vraag({ peilmoment: p, filter, bron: 'leesmodel' });
    tijdensHerbouw.sluit();
    await repo.delete({ name: 'register#herbouw' });
    expect('bron' in b && b.bron).toBe('log');

    // A read model ahead of the log (the log restored from an older copy) is not this log's.
    const [{ position }] = (await repo.findBy({ name: 'register' })) as { position: string }[];
    await repo.update({ name: 'register' }, { position: String((await store.headPosition()) + 100n) });
    const voorop = werker(opdracht());
    const e = await voorop.vraag({ peilmoment: p, filter, bron: 'leesmodel' });
    voorop.sluit();
    await repo.update({ name: 'register' }, { position });
    expect('bron' in e && e.bron).toBe('log');

    const zonder = werker({ ...opdracht(), leesmodel: undefined });
    const c = await zonder.vraag({ peilmoment: p, filter, bron: 'leesmodel' });
    zonder.sluit();
    expect('bron' in c && c.bron).toBe('log');
    // And each gives what the read model gives.
    const snel = werker(opdracht());
    const d = await snel.vraag({ peilmoment: p, filter, bron: 'leesmodel' });
    snel.sluit();
    expect('bron' in d && d.bron).toBe('leesmodel');
    const paginas = [a, b, c, e].map((x) => 'pagina' in x && x.pagina);
    expect(paginas).toEqual([0, 1, 2, 3].map(() => 'pagina' in d && d.pagina));
  });
});
