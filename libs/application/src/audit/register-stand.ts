import { parseEventType } from '@register/domain';
import type { StoredEvent } from '@register/event-store';
// The files themselves, not the lib's index: the time-travel worker loads this too.
import type { RegisterItem } from '@register/read-models/register/register-item.entity';
import { applyToRegisterRow, zakelijkeDatum } from '@register/read-models/register/register-row';

/**
 * Two axes of time travel. `vastgelegd`: what the register said at a past moment, from the events
 * recorded by then. `zakelijk`: which state held on a business date, knowing what we know now: every
 * fact dated up to that day, and every correction (a correction fixes the record, it has no date).
 */
export type Peilmoment = { readonly as: 'vastgelegd'; readonly moment: string } | { readonly as: 'zakelijk'; readonly datum: string };

export function telt(event: StoredEvent, p: Peilmoment): boolean {
  if (p.as === 'vastgelegd') return event.metadata.recordedAt <= p.moment;
  // A correction has no date of its own and always counts; every other fact (an item's
  // registration included, and a report's) counts from its business date.
  const datum = zakelijkeDatum(event);
  return datum === null || datum <= p.datum;
}

/**
 * The register rows as they stood at a peilmoment, folded from the log up to a position. Later
 * events are folded on top in log order (an event that does not count for the peilmoment is
 * skipped), so a snapshot can be brought up to date instead of folded again.
 */
export class RegisterStand {
  readonly rows = new Map<string, RegisterItem>();
  /** The last log position folded in. */
  tot = -1n;

  constructor(readonly peilmoment: Peilmoment) {}

  pasToe(events: readonly StoredEvent[]): void {
    for (const e of events) {
      this.tot = e.position;
      if (!parseEventType(e.type) || !telt(e, this.peilmoment)) continue;
      const id = (e.data as { itemId: string }).itemId;
      const next = applyToRegisterRow(this.rows.get(id), e);
      if (next) this.rows.set(id, next);
    }
  }
}
