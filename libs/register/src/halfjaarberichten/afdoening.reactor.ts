import { Injectable, Logger } from '@nestjs/common';
import { DomainError, HalfjaarberichtState } from '@register/domain';
import { StoredEvent } from '@register/event-store';
import { Projection } from '@register/read-models';
import { ItemCommandService } from '../items/item-command.service';
import { deterministicId } from '../items/item-event-store';
import { HalfjaarberichtService } from './halfjaarbericht.service';

/**
 * When a halfjaarbericht is sent, every item it declares afgedaan (or deels afgedaan) gets its own
 * afdoening event, with the report as the evidence. Runs as a checkpointed subscriber: after a crash
 * it resumes at the report it was on, and its commands carry ids derived from report and item, so a
 * report handled twice never doubles an event.
 */
@Injectable()
export class AfdoeningReactor implements Projection {
  readonly name = 'reactor:halfjaarbericht-afdoeningen';
  readonly version = 1;
  readonly eventTypePrefixes = ['HalfjaarberichtVerzonden'];
  private readonly logger = new Logger('Halfjaarbericht');

  constructor(
    private readonly berichten: HalfjaarberichtService,
    private readonly items: ItemCommandService,
  ) {}

  handles(eventType: string): boolean {
    return eventType === 'HalfjaarberichtVerzonden';
  }

  async applyBatch(events: readonly StoredEvent[]): Promise<void> {
    for (const event of events) await this.verwerk(event);
  }

  async reset(): Promise<void> {
    // Nothing of its own to empty: what it wrote are events, and replaying them is idempotent.
  }

  async verwerk(event: StoredEvent): Promise<void> {
    const data = event.data as { berichtId: string; datum: string; kenmerk: string };
    const { state } = await this.berichten.load(data.berichtId);
    if (state.status === 'Nieuw') return;
    const bericht = state as Exclude<HalfjaarberichtState, { status: 'Nieuw' }>;
    const referentie = `${bericht.titel} (kenmerk ${data.kenmerk})`;
    for (const item of bericht.items.values()) {
      if (item.status === 'in-behandeling') continue;
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
        // The item was afgedaan or let lapse by other means first (or the domain refuses it otherwise): the
        // report's word is then history, not a change. Logged, and the other items go on.
        if (error instanceof DomainError) {
          this.logger.warn(`${referentie}: ${item.itemId} niet afgedaan: ${error.message}`);
          continue;
        }
        throw error;
      }
    }
  }
}
