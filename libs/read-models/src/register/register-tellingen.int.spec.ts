import { ItemEvent } from '@register/domain';
import { SqliteEventStore } from '@register/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { motieGeregistreerd, newEvent, randomUUID } from '../../../../test/support/events';
import { TestDatabase, openReadModel } from '../../../../test/support/read-model-databases';
import { OpenVerloopProjection } from '../open-verloop/open-verloop.projection';
import { ProjectionRunner } from '../projections/projection-runner';
import { RegisterItem } from './register-item.entity';
import { RegisterProjection } from './register.projection';
import { RegisterQuery } from './register.query';
import { BINNENKORT_DAGEN, RegisterTelling, binnenkortTot } from './register-telling';

/**
 * The dashboard's counts are kept by the projection as deltas (register_tellingen). Whatever happens
 * to the items, in whatever batches, they must equal counting the register's rows themselves: that
 * count is written out here, plainly, as the definition.
 */
function geteld(rows: readonly RegisterItem[], peildatum: string): RegisterTelling {
  const open = rows.filter((r) => r.status === 'InBehandeling' || r.status === 'DeelsAfgedaan');
  const teLaat = (r: RegisterItem) => r.termijnDatum !== null && r.termijnDatum < peildatum;
  const binnen = (r: RegisterItem) => r.termijnDatum !== null && r.termijnDatum >= peildatum && r.termijnDatum <= binnenkortTot(peildatum);
  const per = (sleutels: (r: RegisterItem) => (string | null)[]) => {
    const groepen = new Map<string | null, RegisterItem[]>();
    for (const r of open) for (const s of new Set(sleutels(r))) groepen.set(s, [...(groepen.get(s) ?? []), r]);
    return groepen;
  };
  const telling = (groepen: Map<string | null, RegisterItem[]>) =>
    [...groepen].filter(([w]) => w !== null && w !== '').map(([waarde, items]) => ({ waarde: waarde!, open: items.length, achterstallig: items.filter(teLaat).length }));
  const eerste = (waarden: (string | null)[]) => waarden.filter((w): w is string => !!w).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0] ?? '';
  const laag = (s: string | null) => (s ? s.replace(/[A-Z]/g, (c) => c.toLowerCase()) : null);
  const perBehandelaar = per((r) => [laag(r.behandelaarEmail)]);
  return {
    open: open.length,
    achterstallig: open.filter(teLaat).length,
    binnenkort: open.filter(binnen).length,
    zonderBehandelaar: perBehandelaar.get(null)?.length ?? 0,
    perBewindspersoon: telling(per((r) => [r.bewindspersoon])),
    perThema: telling(per((r) => [r.thema])),
    perFractie: telling(per((r) => r.leden.map((l) => l.fractie))),
    perLid: telling(per((r) => r.leden.map((l) => l.naam))),
    perDirectie: [...per((r) => [laag(r.behandelaarDirectie)])]
      .filter(([w]) => w !== null)
      .map(([, items]) => ({ waarde: eerste(items.map((i) => i.behandelaarDirectie)), open: items.length, achterstallig: items.filter(teLaat).length, binnenkort: items.filter(binnen).length })),
    perBehandelaar: [...perBehandelaar]
      .filter(([w]) => w !== null)
      .map(([waarde, items]) => ({
        waarde: waarde!,
        naam: eerste(items.map((i) => i.behandelaarNaam)),
        directie: eerste(items.map((i) => i.behandelaarDirectie)),
        open: items.length,
        achterstallig: items.filter(teLaat).length,
        binnenkort: items.filter(binnen).length,
      })),
  };
}

/** Groups in a fixed order: the order among equal counts is the database's collation, not the point here. */
function opVolgorde(t: RegisterTelling): RegisterTelling {
  const sorteer = <T extends { waarde: string }>(rijen: readonly T[]) => [...rijen].sort((a, b) => (a.waarde < b.waarde ? -1 : a.waarde > b.waarde ? 1 : 0));
  return {
    ...t,
    perBewindspersoon: sorteer(t.perBewindspersoon),
    perThema: sorteer(t.perThema),
    perFractie: sorteer(t.perFractie),
    perLid: sorteer(t.perLid),
    perDirectie: sorteer(t.perDirectie),
    perBehandelaar: sorteer(t.perBehandelaar),
  };
}

describe.each(['sqlite', 'postgres'] as const)("the dashboard's counts on %s", (engine) => {
  let db: TestDatabase;
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    db = await openReadModel(engine);
    dir = mkdtempSync(join(tmpdir(), 'tellingen-int-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
  });

  afterEach(async () => {
    await store.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('equal counting the rows after every round of changes, live and after a rebuild', async () => {
    let zaad = 7;
    const kans = () => ((zaad = (zaad * 1103515245 + 12345) % 2147483648) / 2147483648);
    const kies = <T>(uit: readonly T[]): T => uit[Math.floor(kans() * uit.length)];
    const leden = [
      { naam: 'Boswijk', fractie: 'CDA' },
      { naam: 'Krul', fractie: 'CDA' },
      { naam: 'Six Dijkstra', fractie: 'NSC' },
      { naam: 'Michon-Derkzen', fractie: 'VVD' },
      { naam: 'Van Nispen', fractie: null },
    ];
    const termijnen = [null, { omschrijving: 'voor de zomer', datum: '2025-07-01' }, { omschrijving: 'najaar', datum: '2025-10-15' }, { omschrijving: 'eind juli', datum: '2025-07-20' }];
    const behandelaars = [
      { naam: 'A. de Vries', email: 'a.devries@minjenv.nl', directie: 'DGO', afdeling: null },
      { naam: 'a. de vries', email: 'A.deVries@minjenv.nl', directie: 'dgo', afdeling: null },
      { naam: 'B. Jansen', email: 'b.jansen@minjenv.nl', directie: 'DGSenB', afdeling: 'Politie' },
    ];
    const query = new RegisterQuery(db.dataSource);
    const runner = new ProjectionRunner(store, db.dataSource, [new RegisterProjection(), new OpenVerloopProjection()]);
    const items: { id: string; status: 'open' | 'afgedaan' | 'vervallen' }[] = [];
    const vergelijk = async () => {
      const { items: rijen } = await query.list({ pagina: 1, perPagina: 1000 }, 'volledig');
      for (const peildatum of ['2025-06-25', '2025-07-10', '2026-01-01']) expect(opVolgorde(await query.telling(peildatum, 100))).toEqual(opVolgorde(geteld(rijen, peildatum)));
      // The open items per month: the sums kept per month equal the sums of the rows per month.
      const perMaand = async (sql: string) => ((await db.dataSource.query(sql)) as { maand: string; delta: string | number }[]).map((r) => [r.maand, Number(r.delta)]);
      expect(await perMaand('SELECT maand, delta FROM open_verloop_maanden ORDER BY maand')).toEqual(
        await perMaand('SELECT substr(datum, 1, 7) AS maand, SUM(delta) AS delta FROM open_verloop GROUP BY substr(datum, 1, 7) HAVING SUM(delta) <> 0 ORDER BY maand'),
      );
    };
    for (let ronde = 0; ronde < 6; ronde++) {
      for (let i = 0; i < 25; i++) {
        const stap = kans();
        const item = items.length > 0 && stap > 0.3 ? kies(items) : undefined;
        let event: ItemEvent;
        if (!item) {
          const id = randomUUID();
          items.push({ id, status: 'open' });
          const ondertekend = Array.from({ length: 1 + Math.floor(kans() * 3) }, () => kies(leden));
          event = motieGeregistreerd(id, { nummer: `36600-${items.length}`, leden: ondertekend, termijn: kies(termijnen), thema: kies(['Politie', 'Demonstraties']) });
          await store.appendToStream(`motie-${id}`, [newEvent('motie', event)], 'no-stream');
          continue;
        }
        const datum = '2025-06-20';
        if (item.status === 'open' && stap < 0.4) {
          item.status = 'afgedaan';
          event = { feit: 'Afgedaan', data: { itemId: item.id, datum, wijze: { soort: 'kamerstuk', referentie: 'Kamerstukken II 2024/25, 29628, nr. 1260' }, toelichting: 'Gedaan.' } } as ItemEvent;
        } else if (item.status === 'afgedaan') {
          item.status = 'open';
          event = { feit: 'Heropend', data: { itemId: item.id, datum, reden: 'Toch niet af.' } } as ItemEvent;
        } else if (item.status === 'open' && stap < 0.5) {
          item.status = 'vervallen';
          event = { feit: 'Vervallen', data: { itemId: item.id, datum, reden: 'Ingetrokken' } } as ItemEvent;
        } else if (stap < 0.6) {
          event = { feit: 'TermijnGewijzigd', data: { itemId: item.id, datum, oud: null, nieuw: kies(termijnen.filter((t) => t !== null)), reden: 'Later.' } } as ItemEvent;
        } else if (stap < 0.75) {
          event = { feit: 'BehandelaarToegewezen', data: { itemId: item.id, datum, van: null, naar: kies(behandelaars), reden: 'Toegewezen.' } } as ItemEvent;
        } else if (stap < 0.85) {
          event = { feit: 'Overgedragen', data: { itemId: item.id, datum, van: { bewindspersoon: 'x', ministerie: 'JenV' }, naar: { bewindspersoon: kies(['minister van Justitie en Veiligheid', 'staatssecretaris van Justitie en Veiligheid']), ministerie: 'JenV' }, reden: 'Portefeuille.' } } as ItemEvent;
        } else {
          const wijzigingen = [
            { veld: 'leden', oud: [], nieuw: [kies(leden), kies(leden)] },
            { veld: 'thema', oud: '', nieuw: kies(['Politie', 'Rechtspraak']) },
            // A corrected registration date moves the item's opening to another month.
            ...(kans() < 0.5 ? [{ veld: 'datum', oud: '', nieuw: kies(['2025-03-14', '2025-05-28', '2025-06-02']) }] : []),
          ];
          event = { feit: 'RegistratieGecorrigeerd', data: { itemId: item.id, wijzigingen, reden: 'Verkeerd overgenomen.' } } as ItemEvent;
        }
        const { events } = await store.readStream(`motie-${item.id}`);
        await store.appendToStream(`motie-${item.id}`, [newEvent('motie', event)], events.length - 1);
      }
      await runner.catchUp();
      await vergelijk();
    }
    expect(items.filter((i) => i.status === 'open').length).toBeGreaterThan(5);
    await runner.rebuild();
    await vergelijk();
    // The counts are not padded with groups of nothing: a count that reaches 0 leaves its row.
    const nul = await db.dataSource.query('SELECT COUNT(*) AS n FROM register_tellingen WHERE aantal <= 0');
    expect(Number(nul[0].n)).toBe(0);
    expect(BINNENKORT_DAGEN).toBe(30);
  });
});
