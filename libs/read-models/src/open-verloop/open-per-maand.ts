import type { Vraag } from '../register/register-telling';

export interface OpenPerMaand {
  /** `JJJJ-MM` */
  readonly maand: string;
  /** Open at the end of that month (by business date). */
  readonly open: number;
}

/**
 * Open items at the end of each month from `vanaf` to `tot` (both `JJJJ-MM`), from open_verloop:
 * everything before `vanaf` counts towards the first month.
 */
export async function openPerMaandUit(query: Vraag, pg: boolean, vanaf: string, tot: string): Promise<OpenPerMaand[]> {
  // Grouped by day, the order of the (datum, delta) index, so that the rows are summed as the index
  // is read; the days are then added up per month here. Grouped by month in SQL, every row went
  // through a temporary B-tree first: 100 to 165 ms at national scale instead of 51.
  const rows = (await query(`SELECT datum, SUM(delta) AS delta FROM open_verloop WHERE datum < ${pg ? '$1' : '?'} GROUP BY datum ORDER BY datum`, [volgendeMaand(tot) + '-01'])) as {
    datum: string;
    delta: string | number;
  }[];
  const perMaand = new Map<string, number>();
  for (const r of rows) {
    const maand = r.datum.slice(0, 7);
    perMaand.set(maand, (perMaand.get(maand) ?? 0) + Number(r.delta));
  }
  let open = 0;
  for (const [maand, delta] of perMaand) if (maand < vanaf) open += delta;
  const uitkomst: OpenPerMaand[] = [];
  for (let maand = vanaf; maand <= tot; maand = volgendeMaand(maand)) {
    open += perMaand.get(maand) ?? 0;
    uitkomst.push({ maand, open });
  }
  return uitkomst;
}

export function volgendeMaand(maand: string): string {
  const [jaar, m] = maand.split('-').map(Number);
  return m === 12 ? `${jaar + 1}-01` : `${jaar}-${String(m + 1).padStart(2, '0')}`;
}

export function vorigeMaand(maand: string): string {
  const [jaar, m] = maand.split('-').map(Number);
  return m === 1 ? `${jaar - 1}-12` : `${jaar}-${String(m - 1).padStart(2, '0')}`;
}
