import { Feit, leesItemEvent, parseEventType } from '@register/domain';
import { StoredEvent } from '@register/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projections/projection';
import { OpenVerloopRow } from './open-verloop.entity';
import { OpenPerMaand, openPerMaandUit } from './open-per-maand';

export * from './open-per-maand';

/**
 * When items opened and closed, by business date: the source of "open items at the end of each
 * month". The decider guarantees the deltas: afdoen and laten vervallen only happen to an open item,
 * heropenen only to an afgedaan one. A corrected registration date moves the registration's row.
 */
/** The facts that open or close an item, or move its registration date. */
const TELLENDE_FEITEN: ReadonlySet<Feit> = new Set(['Geregistreerd', 'RegistratieGecorrigeerd', 'Afgedaan', 'Heropend', 'Vervallen']);

export class OpenVerloopProjection implements Projection {
  readonly name = 'open-verloop';
  /** 2: the sums per month (open_verloop_maanden). */
  readonly version = 2;
  readonly categories = ['motie', 'toezegging'];
  readonly eventTypePrefixes = ['Motie', 'Toezegging'];

  handles(eventType: string): boolean {
    const feit = parseEventType(eventType)?.feit;
    return feit !== undefined && TELLENDE_FEITEN.has(feit);
  }

  async applyBatch(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    const rows: OpenVerloopRow[] = [];
    // Beside the rows, their sum per month: the dashboard reads a few hundred sums, not every row.
    const perMaand = new Map<string, number>();
    const tel = (datum: string, delta: number) => perMaand.set(datum.slice(0, 7), (perMaand.get(datum.slice(0, 7)) ?? 0) + delta);
    const flush = async () => {
      for (let i = 0; i < rows.length; i += 500) await manager.insert(OpenVerloopRow, rows.slice(i, i + 500));
      rows.length = 0;
    };
    const voeg = (row: OpenVerloopRow) => {
      rows.push(row);
      tel(row.datum, row.delta);
    };
    for (const stored of events) {
      const event = leesItemEvent(stored);
      if (!event) continue;
      const itemId = event.data.itemId;
      switch (event.feit) {
        case 'Geregistreerd':
          voeg({ itemId, revisie: stored.revision, datum: event.data.datum, delta: 1 });
          break;
        case 'Heropend':
          voeg({ itemId, revisie: stored.revision, datum: event.data.datum, delta: 1 });
          break;
        case 'Afgedaan':
        case 'Vervallen':
          voeg({ itemId, revisie: stored.revision, datum: event.data.datum, delta: -1 });
          break;
        case 'RegistratieGecorrigeerd': {
          const datum = event.data.wijzigingen.find((w) => w.veld === 'datum');
          if (!datum) break;
          await flush();
          const registratie = await manager.findOneBy(OpenVerloopRow, { itemId, delta: 1, revisie: 0 });
          if (!registratie) break;
          await manager.update(OpenVerloopRow, { itemId, delta: 1, revisie: 0 }, { datum: String(datum.nieuw) });
          tel(registratie.datum, -1);
          tel(String(datum.nieuw), 1);
          break;
        }
        default:
          break;
      }
    }
    await flush();
    const maanden = [...perMaand].filter(([, delta]) => delta !== 0);
    if (maanden.length === 0) return;
    const pg = manager.connection.options.type === 'postgres';
    const plaatsen = maanden.map((_, i) => (pg ? `($${2 * i + 1}, $${2 * i + 2}::int)` : '(?, ?)')).join(', ');
    await manager.query(
      `INSERT INTO open_verloop_maanden (maand, delta) VALUES ${plaatsen} ON CONFLICT (maand) DO UPDATE SET delta = open_verloop_maanden.delta + excluded.delta`,
      maanden.flat(),
    );
    // A month whose items all closed again sums to 0: it goes, as a rebuild would never write it.
    if (maanden.some(([, delta]) => delta < 0)) await manager.query('DELETE FROM open_verloop_maanden WHERE delta = 0');
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM open_verloop');
    await manager.query('DELETE FROM open_verloop_maanden');
  }
}

/**
 * Open items at the end of each month from `vanaf` to `tot` (both `JJJJ-MM`), from the rows above
 * (see openPerMaandUit).
 */
export function openPerMaand(manager: EntityManager, vanaf: string, tot: string): Promise<OpenPerMaand[]> {
  return openPerMaandUit((sql, waarden) => manager.query(sql, [...waarden]), manager.connection.options.type === 'postgres', vanaf, tot);
}
