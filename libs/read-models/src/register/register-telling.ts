/** In behandeling and deels afgedaan: what counts as open. */
export const OPEN_STATUSSEN = ['InBehandeling', 'DeelsAfgedaan'] as const;

/** The groups of the dashboard's counts (see register-tellingen.ts). */
export type TellingGroep = 'totaal' | 'bewindspersoon' | 'thema' | 'fractie' | 'lid' | 'behandelaar';

export interface Telling {
  readonly waarde: string;
  readonly open: number;
  readonly achterstallig: number;
}


/** A grouping that also counts what falls due soon: open, termijn from the peildatum up to BINNENKORT_DAGEN after it. */
export interface TellingMetBinnenkort extends Telling {
  readonly binnenkort: number;
}

/** Per behandelaar: `waarde` is the e-mail address (lower case), with the name and directie it has in the register. */
export interface BehandelaarTelling extends TellingMetBinnenkort {
  readonly naam: string;
  readonly directie: string;
}

/** "Binnenkort": open, and the termijn lies on the peildatum or at most this many days after it. */
export const BINNENKORT_DAGEN = 30;

/** The last day that still counts as "binnenkort" for a peildatum. */
export function binnenkortTot(peildatum: string): string {
  const d = new Date(`${peildatum}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + BINNENKORT_DAGEN);
  return d.toISOString().slice(0, 10);
}

export interface RegisterTelling {
  readonly open: number;
  readonly achterstallig: number;
  readonly binnenkort: number;
  /** Open items nobody owns yet. */
  readonly zonderBehandelaar: number;
  readonly perBewindspersoon: Telling[];
  readonly perThema: Telling[];
  readonly perFractie: Telling[];
  /** The members with the most open items. */
  readonly perLid: Telling[];
  /** By the behandelaar's directie (without case); items without a behandelaar are left out. */
  readonly perDirectie: TellingMetBinnenkort[];
  readonly perBehandelaar: BehandelaarTelling[];
}

/** Runs one statement and gives its rows: TypeORM's query() on the server, a read-only connection in the dashboard's worker. */
export type Vraag = (sql: string, waarden: readonly unknown[]) => Promise<unknown[]>;

/**
 * Open and overdue items (termijn before `peildatum`) in total and grouped by bewindspersoon,
 * theme, fractie and member, most open first: the liaison's dashboard. In total and per directie
 * and behandelaar also "binnenkort" (see BINNENKORT_DAGEN).
 */
export async function registerTelling(query: Vraag, pg: boolean, peildatum: string, maxLeden = 25): Promise<RegisterTelling> {
  const p = (n: number) => `$${n}`;
  // Written with PostgreSQL's numbered parameters; SQLite gets one `?` per use, in order.
  const vraag = <R>(sql: string, waarden: readonly string[]): Promise<R[]> => {
    if (pg) return query(sql, waarden) as Promise<R[]>;
    const opVolgorde: string[] = [];
    return query(sql.replace(/\$(\d+)/g, (_, n: string) => (opVolgorde.push(waarden[Number(n) - 1]), '?')), opVolgorde) as Promise<R[]>;
  };
  const parameters = [peildatum, binnenkortTot(peildatum)];
  // From the counts per termijn date the projection keeps (see register-tellingen.ts): a few rows
  // per value, whatever the size of the register. An item without a termijn date has ''.
  const open = 'SUM(aantal) AS open';
  const achterstallig = `SUM(CASE WHEN termijn_datum <> '' AND termijn_datum < ${p(1)} THEN aantal ELSE 0 END) AS achterstallig`;
  const binnenkort = `SUM(CASE WHEN termijn_datum >= ${p(1)} AND termijn_datum <= ${p(2)} THEN aantal ELSE 0 END) AS binnenkort`;
  const groep = async (naam: TellingGroep, limiet?: number): Promise<Telling[]> => {
    const rows = await vraag<{ waarde: string | null; open: string | number | null; achterstallig: string | number | null }>(
      `SELECT waarde, ${open}, ${achterstallig} FROM register_tellingen WHERE groep = '${naam}' GROUP BY waarde ORDER BY open DESC, waarde ASC${limiet ? ` LIMIT ${limiet}` : ''}`,
      [peildatum],
    );
    return rows.map((r) => ({ waarde: r.waarde ?? '', open: Number(r.open ?? 0), achterstallig: Number(r.achterstallig ?? 0) }));
  };
  const getal = (v: string | number | null | undefined) => Number(v ?? 0);
  // Directie and e-mail are grouped without case, as the filters compare them; the name shown is
  // the first spelling in byte order on both engines (PostgreSQL's collation would put "d" before
  // "D"). LOWER() is ASCII-only on SQLite, like its NOCASE. '' is no behandelaar or no directie.
  const eerste = (kolom: string) => (pg ? `MIN(NULLIF(${kolom}, '') COLLATE "C")` : `MIN(NULLIF(${kolom}, ''))`);
  const perEigenaar = async <R>(sleutel: string, extra: string, rij: (r: Record<string, string | number | null>) => R): Promise<R[]> => {
    const rows = await vraag<Record<string, string | number | null>>(
      `SELECT LOWER(NULLIF(${sleutel}, '')) AS waarde${extra}, ${open}, ${achterstallig}, ${binnenkort} FROM register_tellingen WHERE groep = 'behandelaar' GROUP BY LOWER(NULLIF(${sleutel}, '')) ORDER BY open DESC, waarde ASC`,
      parameters,
    );
    return rows.map(rij);
  };
  const perDirectie = await perEigenaar('directie', `, ${eerste('directie')} AS directie`, (r) => ({
    waarde: r.waarde === null ? null : String(r.directie),
    open: getal(r.open),
    achterstallig: getal(r.achterstallig),
    binnenkort: getal(r.binnenkort),
  }));
  const perBehandelaar = await perEigenaar('waarde', `, ${eerste('naam')} AS naam, ${eerste('directie')} AS directie`, (r) => ({
    waarde: r.waarde === null ? null : String(r.waarde),
    naam: String(r.naam ?? ''),
    directie: String(r.directie ?? ''),
    open: getal(r.open),
    achterstallig: getal(r.achterstallig),
    binnenkort: getal(r.binnenkort),
  }));
  const [totaal = { open: 0, achterstallig: 0 }] = await groep('totaal');
  const zonder = <T extends { waarde: string | null }>(rijen: T[]) => rijen.filter((r): r is T & { waarde: string } => r.waarde !== null);
  return {
    open: totaal.open,
    achterstallig: totaal.achterstallig,
    // The groups per behandelaar (items without one included) add up to the whole register.
    binnenkort: perBehandelaar.reduce((som, r) => som + r.binnenkort, 0),
    zonderBehandelaar: perBehandelaar.find((r) => r.waarde === null)?.open ?? 0,
    perBewindspersoon: await groep('bewindspersoon'),
    perThema: await groep('thema'),
    perFractie: (await groep('fractie')).filter((t) => t.waarde !== ''),
    perLid: await groep('lid', maxLeden),
    perDirectie: zonder(perDirectie),
    perBehandelaar: zonder(perBehandelaar),
  };
}
