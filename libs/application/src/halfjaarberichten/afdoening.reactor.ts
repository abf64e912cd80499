import { Injectable, Logger } from '@nestjs/common';
import { DomainError, HalfjaarberichtState, ItemState, evolve, initialState, isOpen, leesItemEvent } from '@register/domain';
import { StoredEvent } from '@register/event-store';
import { Reactor } from '@register/read-models';
import { ItemCommandService } from '../items/item-command.service';
import { ItemEventStore, deterministicId } from '../items/item-event-store';
import { HalfjaarberichtService } from './halfjaarbericht.service';

/**
 * When a halfjaarbericht is sent, every item it declares afgedaan (or deels afgedaan) gets its own
 * afdoening event, with the report as the evidence. A reactor, not a projection: a rebuild never
 * runs it. It resumes from its own checkpoint after a crash, and its commands carry ids derived from
 * report and item, so a report handled twice never doubles an event.
 */
@Injectable()
export class AfdoeningReactor implements Reactor {
  /** The name its checkpoint is kept under: renaming it would act on every report again. */
  readonly name = 'reactor:halfjaarbericht-afdoeningen';
  readonly eventTypePrefixes = ['HalfjaarberichtVerzonden'];
  private readonly logger = new Logger('Halfjaarbericht');

  constructor(
    private readonly berichten: HalfjaarberichtService,
    private readonly items: ItemCommandService,
    private readonly itemEvents: ItemEventStore,
  ) {}

  handles(eventType: string): boolean {
    return eventType === 'HalfjaarberichtVerzonden';
  }

  async react(event: StoredEvent): Promise<void> {
    const data = event.data as { berichtId: string; datum: string; kenmerk: string };
    const { state } = await this.berichten.load(data.berichtId);
    if (state.status === 'Nieuw') return;
    const bericht = state as Exclude<HalfjaarberichtState, { status: 'Nieuw' }>;
    const referentie = `${bericht.titel} (kenmerk ${data.kenmerk})`;
    for (const item of bericht.items.values()) {
      if (item.status === 'in-behandeling') continue;
      if (!(await this.openBijVerzending(item.itemId, event.position))) {
        // Afgedaan or lapsed before the report was sent: its word is history, not a change. Decided
        // on the item as it stood then, so the answer is the same whenever this runs (late after a
        // crash, or from the start of the log when its checkpoint is gone), even if it was reopened since.
        this.logger.warn(`${referentie}: ${item.itemId} niet afgedaan: was bij verzending al afgedaan of vervallen.`);
        continue;
      }
      const meta = {
        commandId: deterministicId(data.berichtId, `afdoening:${item.itemId}`),
        correlationId: event.metadata.correlationId,
        causationId: event.eventId,
        actor: `halfjaarbericht:${bericht.titel}`.slice(0, 200),
        idempotencyKeyId: deterministicId(data.berichtId, `afdoening:${item.itemId}`),
      };
      try {
        await this.items.change(
          item.itemId,
          () =>
            item.status === 'afgedaan'
              ? { type: 'DoeAf', datum: data.datum, wijze: { soort: 'halfjaarbericht', referentie }, toelichting: item.tekst }
              : { type: 'DoeDeelsAf', datum: data.datum, deel: item.deel ?? '', bewijs: { soort: 'halfjaarbericht', referentie } },
          meta,
        );
      } catch (error) {
        // The item was afgedaan or let lapse by other means since the report was sent (or the domain
        // refuses it otherwise): logged, and the other items go on.
        if (error instanceof DomainError) {
          this.logger.warn(`${referentie}: ${item.itemId} niet afgedaan: ${error.message}`);
          continue;
        }
        throw error;
      }
    }
  }

  /** Whether the item was open just before the report was sent (at `positie` in the log). */
  private async openBijVerzending(itemId: string, positie: bigint): Promise<boolean> {
    const item = await this.itemEvents.load(itemId);
    if (!item) return false;
    const toen = item.events
      .filter((e) => e.position < positie)
      .reduce<ItemState>((state, e) => {
        const event = leesItemEvent(e);
        return event ? evolve(state, event) : state;
      }, initialState);
    return isOpen(toen);
  }
}
