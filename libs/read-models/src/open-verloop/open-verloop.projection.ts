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

/**
 * Open items at the end of each month from `vanaf` to `tot` (both `JJJJ-MM`), from the rows above
 * (see openPerMaandUit).
 */
export function openPerMaand(manager: EntityManager, vanaf: string, tot: string): Promise<OpenPerMaand[]> {
  return openPerMaandUit((sql, waarden) => manager.query(sql, [...waarden]), manager.connection.options.type === 'postgres', vanaf, tot);
}
