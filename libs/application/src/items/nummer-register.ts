import { Inject, Injectable } from '@nestjs/common';
import { Soort, itemStream, nummerStream } from '@register/domain';
import { EVENT_STORE, EventStore, StreamRevisionConflictError } from '@register/event-store';
import { CommandMetadata } from '../command-metadata';
import { ItemEventStore } from './item-event-store';
import { NummerInGebruikError } from './register.errors';

/**
 * The place of a claim or release, for the event id an Idempotency-Key derives: the number stream's
 * next revision is part of it, so a command that claims, frees and claims a number again (a retry
 * after a conflict) writes a new event each time, while a repeat of the very same step keeps its id.
 */
function slot(nummer: string, revision: number, stap: 'reserveer' | 'vrijgeven'): string {
  return `${nummerStream(nummer)}@${revision + 1}:${stap}`;
}

/** A claim without its item for this long was left by a crash between the two appends. */
const VERWEESD_NA_MS = 60_000;

interface Reservering {
  readonly nummer: string;
  readonly itemId: string;
  readonly soort: Soort;
  readonly titel: string;
}

/**
 * Keeps Kamer numbers unique across items. Each number has its own stream; holding it is the last
 * event there being `NummerGereserveerd` for that item. Appends use the stream revision, so two
 * clerks claiming one number at once cannot both win.
 */
@Injectable()
export class NummerRegister {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly items: ItemEventStore,
  ) {}

  async reserve(reservering: Reservering, meta: CommandMetadata): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const { revision, events } = await this.store.readStream(nummerStream(reservering.nummer));
      const last = events[events.length - 1];
      if (last?.type === 'NummerGereserveerd') {
        const houder = last.data as unknown as Reservering;
        if (houder.itemId === reservering.itemId) {
          // Still this item's claim. When the item does not hold the number now (it is being
          // corrected back to it while the claim of an earlier correction away from it is still to
          // be freed), the claim is made afresh: that moves the stream on, so the stale release of
          // the earlier claim conflicts instead of freeing the number the item is about to hold.
          const item = await this.items.loadAs(reservering.soort, reservering.itemId);
          if (item.state.status === 'Nieuw' || item.state.registratie.nummer === reservering.nummer) return;
        } else {
        // A claim whose item never got written (a crash between the two appends) may be taken over,
        // but only once it is old: a fresh claim's item may still be on its way (another request's
        // append waiting for the same group commit), and taking that over would give the number twice.
          const bestaat = (await this.store.readStream(itemStream(houder.soort, houder.itemId))).revision >= 0;
          const verweesd = !bestaat && Date.now() - Date.parse(String(last.metadata.recordedAt)) > VERWEESD_NA_MS;
          if (!verweesd) throw new NummerInGebruikError(reservering.nummer, await this.huidigeHouder(houder));
        }
      }
      try {
        await this.store.appendToStream(nummerStream(reservering.nummer), [this.items.toNewEvent('NummerGereserveerd', reservering, meta, slot(reservering.nummer, revision, 'reserveer'))], revision < 0 ? 'no-stream' : revision);
        return;
      } catch (error) {
        if (!(error instanceof StreamRevisionConflictError)) throw error;
      }
    }
    // Lost the claim three times running: name whoever holds it now, if its claim is still there.
    const { events } = await this.store.readStream(nummerStream(reservering.nummer));
    const last = events[events.length - 1];
    throw new NummerInGebruikError(reservering.nummer, last?.type === 'NummerGereserveerd' ? await this.huidigeHouder(last.data as unknown as Reservering) : null);
  }

  /**
   * Frees a number this item claimed, after its own write failed. Never frees a number the item's
   * stream holds: a request that lost a race to the same command (an idempotent retry) would
   * otherwise free the number of the item the winner wrote.
   */
  async release(nummer: string, itemId: string, meta: CommandMetadata): Promise<void> {
    const { revision, events } = await this.store.readStream(nummerStream(nummer));
    const last = events[events.length - 1];
    if (last?.type !== 'NummerGereserveerd') return;
    const houder = last.data as unknown as Reservering;
    if (houder.itemId !== itemId) return;
    const item = await this.items.loadAs(houder.soort, itemId);
    if (item.state.status !== 'Nieuw' && item.state.registratie.nummer === nummer) return;
    try {
      await this.store.appendToStream(nummerStream(nummer), [this.items.toNewEvent('NummerVrijgegeven', { nummer, itemId }, meta, slot(nummer, revision, 'vrijgeven'))], revision);
    } catch (error) {
      // The number was claimed again since it was read (by this item's next correction, or after
      // a crash): that claim is not this release's to undo.
      if (!(error instanceof StreamRevisionConflictError)) throw error;
    }
  }

  /** The item that holds this number now, read from the number's own stream (not a read model). */
  async houder(nummer: string): Promise<{ itemId: string; soort: Soort } | null> {
    const { events } = await this.store.readStream(nummerStream(nummer));
    const last = events[events.length - 1];
    if (last?.type !== 'NummerGereserveerd') return null;
    const houder = last.data as unknown as Reservering;
    const item = await this.items.loadAs(houder.soort, houder.itemId);
    return item.state.status !== 'Nieuw' && item.state.registratie.nummer === nummer ? { itemId: houder.itemId, soort: houder.soort } : null;
  }

  private async huidigeHouder(houder: Reservering): Promise<{ itemId: string; soort: string; titel: string }> {
    const loaded = await this.items.loadAs(houder.soort, houder.itemId);
    const titel = loaded.state.status === 'Nieuw' ? houder.titel : loaded.state.registratie.titel;
    return { itemId: houder.itemId, soort: houder.soort, titel };
  }
}
