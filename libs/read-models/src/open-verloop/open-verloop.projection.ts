import { Feit, leesItemEvent, parseEventType } from '@register/domain';
import { StoredEvent } from '@register/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projections/projection';
import { OpenVerloopRow } from './open-verloop.entity';

/**
 * When items opened and closed, by business date: the source of "open items at the end of each
 * month". The decider guarantees the deltas: afdoen and laten vervallen only happen to an open item,
 * heropenen only to an afgedaan one. A corrected registration date moves the registration's row.
 */
/** The facts that open or close an item, or move its registration date. */
const TELLENDE_FEITEN: ReadonlySet<Feit> = new Set(['Geregistreerd', 'RegistratieGecorrigeerd', 'Afgedaan', 'Heropend', 'Vervallen']);

export class OpenVerloopProjection implements Projection {
  readonly name = 'open-verloop';
  readonly version = 1;
  readonly categories = ['motie', 'toezegging'];
  readonly eventTypePrefixes = ['Motie', 'Toezegging'];

  handles(eventType: string): boolean {
    const feit = parseEventType(eventType)?.feit;
    return feit !== undefined && TELLENDE_FEITEN.has(feit);
  }

  async applyBatch(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    const rows: OpenVerloopRow[] = [];
    const flush = async () => {
      for (let i = 0; i < rows.length; i += 500) await manager.insert(OpenVerloopRow, rows.slice(i, i + 500));
      rows.length = 0;
    };
    for (const stored of events) {
      const event = leesItemEvent(stored);
      if (!event) continue;
      const itemId = event.data.itemId;
      switch (event.feit) {
        case 'Geregistreerd':
          rows.push({ itemId, revisie: stored.revision, datum: event.data.datum, delta: 1 });
          break;
        case 'Heropend':
          rows.push({ itemId, revisie: stored.revision, datum: event.data.datum, delta: 1 });
          break;
        case 'Afgedaan':
        case 'Vervallen':
          rows.push({ itemId, revisie: stored.revision, datum: event.data.datum, delta: -1 });
          break;
        case 'RegistratieGecorrigeerd': {
          const datum = event.data.wijzigingen.find((w) => w.veld === 'datum');
          if (!datum) break;
          await flush();
          await manager.update(OpenVerloopRow, { itemId, delta: 1, revisie: 0 }, { datum: String(datum.nieuw) });
          break;
        }
        default:
          break;
      }
    }
    await flush();
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM open_verloop');
  }
}

export interface OpenPerMaand {
  /** `JJJJ-MM` */
  readonly maand: string;
  /** Open at the end of that month (by business date). */
  readonly open: number;
}

/**
 * Open items at the end of each month from `vanaf` to `tot` (both `JJJJ-MM`), from the rows above:
 * everything before `vanaf` counts towards the first month.
 */
export async function openPerMaand(manager: EntityManager, vanaf: string, tot: string): Promise<OpenPerMaand[]> {
  // Grouped by day, the order of the (datum, delta) index, so that the rows are summed as the index
  // is read; the days are then added up per month here. Grouped by month in SQL, every row went
  // through a temporary B-tree first: 100 ms at national scale instead of 15.
  const rows: { datum: string; delta: string | number }[] = await manager.query(
    `SELECT datum, SUM(delta) AS delta FROM open_verloop WHERE datum < $1 GROUP BY datum ORDER BY datum`.replace('$1', manager.connection.options.type === 'postgres' ? '$1' : '?'),
    [volgendeMaand(tot) + '-01'],
  );
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
