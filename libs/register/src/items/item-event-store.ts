import { Inject, Injectable } from '@nestjs/common';
import {
  ITEM_EVENT_SCHEMA_VERSION,
  ItemEvent,
  ItemState,
  Soort,
  eventType,
  evolve,
  initialState,
  itemStream,
  itemEventFrom,
} from '@register/domain';
import { AppendResult, EVENT_STORE, EventStore, ExpectedRevision, NewEvent } from '@register/event-store';
import { Clock } from '@register/platform';
import { randomUUID } from 'node:crypto';
import { CommandMetadata } from './command-metadata';

export interface LoadedItem {
  readonly soort: Soort;
  readonly state: ItemState;
  readonly revision: number;
}

/** Reads an item's stream and folds it; writes the decider's events with full metadata. */
@Injectable()
export class ItemEventStore {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  /** An item's id does not say its kind, so both categories are tried; undefined when neither exists. */
  async load(itemId: string): Promise<LoadedItem | undefined> {
    for (const soort of ['motie', 'toezegging'] as const) {
      const loaded = await this.loadAs(soort, itemId);
      if (loaded.revision >= 0) return loaded;
    }
    return undefined;
  }

  async loadAs(soort: Soort, itemId: string): Promise<LoadedItem> {
    const { revision, events } = await this.store.readStream(itemStream(soort, itemId));
    const state = events.reduce<ItemState>((s, e) => {
      const event = itemEventFrom(e.type, e.data);
      return event ? evolve(s, event) : s;
    }, initialState);
    return { soort, state, revision };
  }

  async append(soort: Soort, itemId: string, events: ItemEvent[], expected: ExpectedRevision, meta: CommandMetadata): Promise<AppendResult> {
    return this.store.appendToStream(itemStream(soort, itemId), events.map((e) => this.toNewEvent(eventType(soort, e.feit), e.data, meta)), expected);
  }

  toNewEvent(type: string, data: object, meta: CommandMetadata): NewEvent {
    const eventId = randomUUID();
    return {
      eventId,
      type,
      data: data as Record<string, unknown>,
      metadata: {
        eventId,
        commandId: meta.commandId,
        correlationId: meta.correlationId,
        causationId: meta.causationId,
        actor: meta.actor,
        recordedAt: this.clock.now().toISOString(),
        schemaVersion: ITEM_EVENT_SCHEMA_VERSION,
      },
    };
  }
}
