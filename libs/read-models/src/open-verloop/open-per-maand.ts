import type { Vraag } from '../register/register-telling';

export interface OpenPerMaand {
  /** `JJJJ-MM` */
  readonly maand: string;
  /** Open at the end of that month (by business date). */
  readonly open: number;
}

/**
 * Open items at the end of each month from `vanaf` to `tot` (both `JJJJ-MM`), from open_verloop_maanden:
 * everything before `vanaf` counts towards the first month.
 */
export async function openPerMaandUit(query: Vraag, pg: boolean, vanaf: string, tot: string): Promise<OpenPerMaand[]> {
  // The sums per month the projection keeps: a few hundred rows over twenty years. Summed from the
  // rows themselves this took 100 to 165 ms at national scale, and 51 grouped per day.
  const rows = (await query(`SELECT maand, delta FROM open_verloop_maanden WHERE maand <= ${pg ? '$1' : '?'} ORDER BY maand`, [tot])) as { maand: string; delta: string | number }[];
  const perMaand = new Map(rows.map((r) => [r.maand, Number(r.delta)]));
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
