import { HalfjaarberichtEvent, leesHalfjaarberichtEvent } from '@register/domain';
import { StoredEvent } from '@register/event-store';
import { EntityManager, In } from 'typeorm';
import { Projection } from '../projections/projection';
import { HalfjaarberichtRow } from './halfjaarbericht.entity';

/** The halfjaarberichten: one row per report with its entries, status and, once sent, the frozen items. */
export class HalfjaarberichtProjection implements Projection {
  readonly name = 'halfjaarberichten';
  readonly version = 1;
  readonly eventTypePrefixes = ['Halfjaarbericht'];

  handles(eventType: string): boolean {
    return eventType.startsWith('Halfjaarbericht');
  }

  async applyBatch(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    const ids = [...new Set(events.map((e) => (e.data as { berichtId: string }).berichtId))];
    const rows = new Map((await manager.find(HalfjaarberichtRow, { where: { berichtId: In(ids) } })).map((r) => [r.berichtId, r]));
    // Rows this batch already copied: each report's document is copied once per batch, not once per
    // event (a report of 300 items is 300 events; a copy each made its rebuild quadratic).
    const changed = new Set<string>();
    for (const stored of events) {
      const event = leesHalfjaarberichtEvent(stored);
      if (!event) continue;
      const id = event.data.berichtId;
      const row = rows.get(id);
      if (row && stored.revision <= row.revisie) continue;
      const next = apply(row, event, stored.revision, changed.has(id));
      if (next) {
        rows.set(id, next);
        changed.add(id);
      }
    }
    if (changed.size > 0) await manager.save(HalfjaarberichtRow, [...changed].map((id) => rows.get(id)!));
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM halfjaarberichten');
  }
}

/** The row after `event`. `eigen`: the row is this batch's own copy already, and is changed in place. */
function apply(row: HalfjaarberichtRow | undefined, event: HalfjaarberichtEvent, revisie: number, eigen = false): HalfjaarberichtRow | undefined {
  if (event.feit === 'HalfjaarberichtAangemaakt') {
    const d = event.data;
    return Object.assign(new HalfjaarberichtRow(), {
      berichtId: d.berichtId,
      jaar: d.jaar,
      helft: d.helft,
      titel: d.titel,
      peildatum: d.peildatum,
      status: 'Concept',
      verzondenOp: null,
      kenmerk: null,
      kamerstuk: null,
      document: { secties: [...d.secties], items: [], zaken: [], momentopnamen: [] },
      revisie,
    } satisfies HalfjaarberichtRow);
  }
  if (!row) return undefined;
  const doc = eigen ? row.document : structuredClone(row.document);
  const next = eigen ? Object.assign(row, { revisie }) : Object.assign(new HalfjaarberichtRow(), row, { document: doc, revisie });
  switch (event.feit) {
    case 'HalfjaarberichtItemOpgenomen': {
      const { berichtId: _b, ...item } = event.data;
      const i = doc.items.findIndex((x) => x.itemId === item.itemId);
      if (i >= 0) doc.items[i] = item;
      else doc.items.push(item);
      return next;
    }
    case 'HalfjaarberichtItemVerwijderd':
      doc.items = doc.items.filter((x) => x.itemId !== event.data.itemId);
      return next;
    case 'HalfjaarberichtAanvullendeZaakOpgenomen': {
      const { berichtId: _b, ...zaak } = event.data;
      const i = doc.zaken.findIndex((x) => x.zaakId === zaak.zaakId);
      if (i >= 0) doc.zaken[i] = zaak;
      else doc.zaken.push(zaak);
      return next;
    }
    case 'HalfjaarberichtAanvullendeZaakVerwijderd':
      doc.zaken = doc.zaken.filter((x) => x.zaakId !== event.data.zaakId);
      return next;
    case 'HalfjaarberichtVerzonden':
      doc.momentopnamen = event.data.items.map((m) => ({ ...m, leden: m.leden.map((l) => ({ ...l })) }));
      return Object.assign(next, { status: 'Verzonden', verzondenOp: event.data.datum, kenmerk: event.data.kenmerk });
    case 'HalfjaarberichtKamerstukToegekend':
      return Object.assign(next, { kamerstuk: event.data.kamerstuk });
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
