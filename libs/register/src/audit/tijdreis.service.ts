import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { BerichtNietGevondenError, HalfjaarberichtState, evolveBericht, halfjaarberichtEventFrom, halfjaarberichtStream, initialBerichtState, itemStream, parseEventType } from '@register/domain';
import { EVENT_STORE, EventStore, START, StoredEvent } from '@register/event-store';
import { OPEN_STATUSSEN, RegisterItem, applyToRegisterRow } from '@register/read-models';
import { ItemEventStore } from '../items/item-event-store';
import { ItemNietGevondenError } from '../items/register.errors';

/**
 * Two axes of time travel. `vastgelegd`: what the register said at a past moment, from the events
 * recorded by then. `zakelijk`: which state held on a business date, knowing what we know now: every
 * fact dated up to that day, and every correction (a correction fixes the record, it has no date).
 */
export type Peilmoment = { readonly as: 'vastgelegd'; readonly moment: string } | { readonly as: 'zakelijk'; readonly datum: string };

export function peilmoment(opMoment?: string, opDatum?: string): Peilmoment {
  if (opMoment && opDatum) throw new BadRequestException({ fouten: [{ veld: 'opMoment', melding: 'kies één as: opMoment (vastgelegd) of opDatum (zakelijk), niet beide' }] });
  if (opMoment) {
    const t = new Date(opMoment);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(opMoment) || Number.isNaN(t.getTime())) {
      throw new BadRequestException({ fouten: [{ veld: 'opMoment', melding: 'moet een tijdstip zijn zoals 2025-07-01T09:00:00+02:00' }] });
    }
    return { as: 'vastgelegd', moment: t.toISOString() };
  }
  if (opDatum) return { as: 'zakelijk', datum: opDatum };
  throw new BadRequestException({ fouten: [{ veld: 'opMoment', melding: 'geef opMoment (vastgelegd) of opDatum (zakelijk)' }] });
}

function telt(event: StoredEvent, p: Peilmoment): boolean {
  if (p.as === 'vastgelegd') return event.metadata.recordedAt <= p.moment;
  const datum = (event.data as { datum?: unknown }).datum;
  // Registration carries the item's own date; a correction carries none and always counts.
  return event.type.endsWith('RegistratieGecorrigeerd') || typeof datum !== 'string' || datum <= p.datum;
}

@Injectable()
export class TijdreisService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly items: ItemEventStore,
  ) {}

  async item(itemId: string, p: Peilmoment): Promise<RegisterItem | null> {
    const item = await this.items.load(itemId);
    if (!item) throw new ItemNietGevondenError(itemId);
    const { events } = await this.store.readStream(itemStream(item.soort, itemId));
    return events.filter((e) => telt(e, p)).reduce<RegisterItem | undefined>((row, e) => applyToRegisterRow(row, e), undefined) ?? null;
  }

  /** A halfjaarbericht as it stood: draft or sent, with the items and zaken it held then. */
  async bericht(berichtId: string, p: Peilmoment) {
    const { events } = await this.store.readStream(halfjaarberichtStream(berichtId));
    if (events.length === 0) throw new BerichtNietGevondenError(berichtId);
    const state = events
      .filter((e) => telt(e, p))
      .reduce<HalfjaarberichtState>((s, e) => {
        const event = halfjaarberichtEventFrom(e.type, e.data);
        return event ? evolveBericht(s, event) : s;
      }, initialBerichtState);
    if (state.status === 'Nieuw') return null;
    return { titel: state.titel, status: state.status, peildatum: state.peildatum, verzondenOp: state.verzondenOp, kamerstuk: state.kamerstuk, items: [...state.items.values()], zaken: [...state.zaken.values()] };
  }

  /** The whole register at that point: folded from the log, for auditors (it reads every event). */
  async register(p: Peilmoment, filter: { soort?: string; open?: boolean }): Promise<RegisterItem[]> {
    const rows = new Map<string, RegisterItem>();
    for await (const batch of this.store.readAll(START, 5000)) {
      for (const e of batch) {
        if (!parseEventType(e.type) || !telt(e, p)) continue;
        const id = (e.data as { itemId: string }).itemId;
        const next = applyToRegisterRow(rows.get(id), e);
        if (next) rows.set(id, next);
      }
    }
    return [...rows.values()]
      .filter((r) => (!filter.soort || r.soort === filter.soort) && (!filter.open || (OPEN_STATUSSEN as readonly string[]).includes(r.status)))
      .sort((a, b) => a.nummer.localeCompare(b.nummer));
  }
}
