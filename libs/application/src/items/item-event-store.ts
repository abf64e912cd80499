import { Inject, Injectable } from '@nestjs/common';
import {
  ItemEvent,
  ItemState,
  Soort,
  eventType,
  evolve,
  initialState,
  itemStream,
  schemaVersieVan,
  leesItemEvent,
} from '@register/domain';
import { AppendResult, EVENT_STORE, EventStore, ExpectedRevision, NewEvent, StoredEvent } from '@register/event-store';
import { v5 as uuidv5 } from 'uuid';
import { Clock } from '@register/platform';
import { randomUUID } from 'node:crypto';
import { CommandMetadata } from '../command-metadata';

export interface LoadedItem {
  readonly soort: Soort;
  readonly state: ItemState;
  readonly revision: number;
  readonly events: readonly StoredEvent[];
}

/** Namespace for ids derived from an Idempotency-Key, so that a retry writes the very same ids. */
const IDEMPOTENCY_NAMESPACE = '5b0f6d0e-8a9c-4c55-9a6e-0d3f1b7e2a41';

export function deterministicId(keyId: string, purpose: string): string {
  return uuidv5(`${keyId}:${purpose}`, IDEMPOTENCY_NAMESPACE);
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
      const event = leesItemEvent(e);
      return event ? evolve(s, event) : s;
    }, initialState);
    return { soort, state, revision, events };
  }

  async append(soort: Soort, itemId: string, events: ItemEvent[], expected: ExpectedRevision, meta: CommandMetadata): Promise<AppendResult> {
    const stream = itemStream(soort, itemId);
    return this.store.appendToStream(stream, events.map((e, i) => this.toNewEvent(eventType(soort, e.feit), e.data, meta, `${stream}:${i}`)), expected);
  }

  /** `slot` names the event's place (stream and index) so that an idempotent retry derives the same id. */
  toNewEvent(type: string, data: object, meta: CommandMetadata, slot: string): NewEvent {
    const eventId = meta.idempotencyKeyId ? deterministicId(meta.idempotencyKeyId, slot) : randomUUID();
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
        schemaVersion: schemaVersieVan(type),
        ...(meta.idempotencyKeyId ? { idempotencyKeyId: meta.idempotencyKeyId } : {}),
        ...(meta.bron ? { bron: meta.bron } : {}),
      },
    };
  }
}
