import { AfdoeningWijze, Feit, ItemEvent, leesHalfjaarberichtEvent, leesItemEvent, parseEventType } from '@register/domain';
import { StoredEvent } from '@register/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projections/projection';
import { OpenbareGegevens, OpenbareWijze, OpenbareWijzigingRow, positieSleutel } from './openbare-wijziging.entity';

/** The item facts the public follows. Corrections, progress notes, links and behandelaars are not among them. */
const OPENBARE_FEITEN: ReadonlySet<Feit> = new Set(['Geregistreerd', 'TermijnGewijzigd', 'Afgedaan', 'DeelsAfgedaan', 'Heropend', 'Vervallen', 'Overgedragen']);

/**
 * The public's view of what changed: one row per public change (OpenbareWijzigingRow). Each row
 * copies named fields of its event and nothing else; the reasons given for a termijn change or a
 * transfer are record-keeping and stay out, as do who recorded it and from where.
 */
export class OpenbaarProjection implements Projection {
  readonly name = 'openbare-wijzigingen';
  readonly version = 1;
  readonly eventTypePrefixes = ['Motie', 'Toezegging', 'HalfjaarberichtVerzonden'];

  handles(eventType: string): boolean {
    if (eventType === 'HalfjaarberichtVerzonden') return true;
    const feit = parseEventType(eventType)?.feit;
    return feit !== undefined && OPENBARE_FEITEN.has(feit);
  }

  async applyBatch(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    const rows: OpenbareWijzigingRow[] = [];
    for (const stored of events) {
      const row = openbareWijziging(stored);
      if (row) rows.push(row);
    }
    for (let i = 0; i < rows.length; i += 500) await manager.insert(OpenbareWijzigingRow, rows.slice(i, i + 500));
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM openbare_wijzigingen');
  }
}

function openbareWijziging(stored: StoredEvent): OpenbareWijzigingRow | undefined {
  const basis = { positie: positieSleutel(stored.position), eventId: stored.eventId, vastgelegdOp: stored.metadata.recordedAt };
  if (stored.type === 'HalfjaarberichtVerzonden') {
    const event = leesHalfjaarberichtEvent(stored);
    if (event?.feit !== 'HalfjaarberichtVerzonden') return undefined;
    return { ...basis, soort: 'bericht-verzonden', itemId: null, berichtId: event.data.berichtId, datum: event.data.datum, gegevens: { soort: 'bericht-verzonden', kenmerk: event.data.kenmerk } };
  }
  const event = leesItemEvent(stored);
  if (!event || !OPENBARE_FEITEN.has(event.feit)) return undefined;
  const gegevens = openbareGegevens(event);
  if (!gegevens) return undefined;
  const datum = 'datum' in event.data ? event.data.datum : undefined;
  if (typeof datum !== 'string') return undefined;
  return { ...basis, soort: gegevens.soort, itemId: event.data.itemId, berichtId: null, datum, gegevens };
}

const wijze = (w: AfdoeningWijze): OpenbareWijze => ({ soort: w.soort, referentie: w.referentie, ...(w.soort === 'brief-ander-ministerie' ? { ministerie: w.ministerie } : {}) });

function openbareGegevens(e: ItemEvent): OpenbareGegevens | undefined {
  switch (e.feit) {
    case 'Geregistreerd':
      return { soort: 'geregistreerd' };
    case 'TermijnGewijzigd':
      return { soort: 'termijn-gewijzigd', termijn: { omschrijving: e.data.nieuw.omschrijving, datum: e.data.nieuw.datum } };
    case 'Afgedaan':
      return { soort: 'afgedaan', wijze: wijze(e.data.wijze), toelichting: e.data.toelichting };
    case 'DeelsAfgedaan':
      return { soort: 'deels-afgedaan', deel: e.data.deel, bewijs: wijze(e.data.bewijs) };
    case 'Heropend':
      return { soort: 'heropend', reden: e.data.reden };
    case 'Vervallen':
      return { soort: 'vervallen', reden: e.data.reden };
    case 'Overgedragen':
      return { soort: 'overgedragen', naar: { bewindspersoon: e.data.naar.bewindspersoon, ministerie: e.data.naar.ministerie } };
    default:
      return undefined;
  }
}
