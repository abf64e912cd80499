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
  const open = `status IN ('InBehandeling', 'DeelsAfgedaan')`;
  const parameters = [peildatum, binnenkortTot(peildatum)];
  // Items are counted from the items (one row each), fracties and members from the member rows,
  // which carry the item's status and termijn date: each an index-only scan (see the migration).
  const openEnAchterstallig = `COUNT(*) AS open, SUM(CASE WHEN termijn_datum < ${p(1)} THEN 1 ELSE 0 END) AS achterstallig`;
  const perItem = `${openEnAchterstallig} FROM register_items`;
  const perLidRij = `COUNT(DISTINCT item_id) AS open, COUNT(DISTINCT CASE WHEN termijn_datum < ${p(1)} THEN item_id END) AS achterstallig FROM register_item_leden`;
  const binnenkort = `SUM(CASE WHEN termijn_datum >= ${p(1)} AND termijn_datum <= ${p(2)} THEN 1 ELSE 0 END) AS binnenkort`;
  const groep = async (telling: string, kolom?: string, limiet?: number): Promise<Telling[]> => {
    const per = kolom ? ` GROUP BY ${kolom} ORDER BY open DESC, waarde ASC${limiet ? ` LIMIT ${limiet}` : ''}` : '';
    const rows = await vraag<{ waarde: string | null; open: string | number | null; achterstallig: string | number | null }>(`SELECT ${kolom ?? 'NULL'} AS waarde, ${telling} WHERE ${open}${per}`, [peildatum]);
    return rows.map((r) => ({ waarde: r.waarde ?? '', open: Number(r.open ?? 0), achterstallig: Number(r.achterstallig ?? 0) }));
  };
  const getal = (v: string | number | null | undefined) => Number(v ?? 0);
  // Directie and e-mail are grouped without case, as the filters compare them; the name shown is
  // the first spelling in byte order on both engines (PostgreSQL's collation would put "d" before
  // "D"). LOWER() is ASCII-only on SQLite, like its NOCASE.
  const eerste = (kolom: string) => (pg ? `MIN(${kolom} COLLATE "C")` : `MIN(${kolom})`);
  const perEigenaar = async <R>(sleutel: string, extra: string, rij: (r: Record<string, string | number | null>) => R): Promise<R[]> => {
    const rows = await vraag<Record<string, string | number | null>>(
      `SELECT ${sleutel} AS waarde${extra}, ${openEnAchterstallig}, ${binnenkort} FROM register_items WHERE ${open} GROUP BY ${sleutel} ORDER BY open DESC, waarde ASC`,
      parameters,
    );
    return rows.map(rij);
  };
  const perDirectie = await perEigenaar('LOWER(behandelaar_directie)', `, ${eerste('behandelaar_directie')} AS directie`, (r) => ({
    waarde: r.waarde === null ? null : String(r.directie),
    open: getal(r.open),
    achterstallig: getal(r.achterstallig),
    binnenkort: getal(r.binnenkort),
  }));
  const perBehandelaar = await perEigenaar('LOWER(behandelaar_email)', `, ${eerste('behandelaar_naam')} AS naam, ${eerste('behandelaar_directie')} AS directie`, (r) => ({
    waarde: r.waarde === null ? null : String(r.waarde),
    naam: String(r.naam ?? ''),
    directie: String(r.directie ?? ''),
    open: getal(r.open),
    achterstallig: getal(r.achterstallig),
    binnenkort: getal(r.binnenkort),
  }));
  const [totaal] = await groep(perItem);
  const zonder = <T extends { waarde: string | null }>(rijen: T[]) => rijen.filter((r): r is T & { waarde: string } => r.waarde !== null);
  return {
    open: totaal.open,
    achterstallig: totaal.achterstallig,
    // The groups per behandelaar (items without one included) add up to the whole register.
    binnenkort: perBehandelaar.reduce((som, r) => som + r.binnenkort, 0),
    zonderBehandelaar: perBehandelaar.find((r) => r.waarde === null)?.open ?? 0,
    perBewindspersoon: await groep(perItem, 'bewindspersoon'),
    perThema: await groep(perItem, 'thema'),
    perFractie: (await groep(perLidRij, 'fractie')).filter((t) => t.waarde !== ''),
    perLid: await groep(perLidRij, 'naam', maxLeden),
    perDirectie: zonder(perDirectie),
    perBehandelaar: zonder(perBehandelaar),
  };
}
