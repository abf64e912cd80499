import { StoredEvent } from '@register/event-store';
import { EntityManager } from 'typeorm';

/**
 * A read model fed from the log: a name, a version (bump it and the runner rebuilds it), and how
 * to apply a batch of events inside the transaction that also moves its checkpoint. It has no effect
 * outside its own tables, so it may be emptied and replayed at any time.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  /** Empties the tables it owns. */
  reset(manager: EntityManager): Promise<void>;
  handles(eventType: string): boolean;
  applyBatch(events: readonly StoredEvent[], manager: EntityManager, context?: BatchContext): Promise<void>;
  /**
   * When each row depends on one stream only: the stream categories it reads. A rebuild may then
   * read the log stream by stream instead of in global order.
   */
  readonly categories?: readonly string[];
  /** When it handles few event types: their type prefixes, so catching up reads only those. */
  readonly eventTypePrefixes?: readonly string[];
  /** After a rebuild has replayed the whole log: build what was deferred (e.g. a full-text index). */
  finishRebuild?(manager: EntityManager): Promise<void>;
}

/**
 * Acts on events by issuing commands (a process manager), so its work is new events, not rows. It
 * keeps its own checkpoint and only ever goes forward from it: a rebuild, a new version or an
 * emptied read-model database never resets or replays it, because acting on an old event again
 * would append events now. Hence no version, no reset and no place in a rebuild.
 */
export interface Reactor {
  readonly name: string;
  handles(eventType: string): boolean;
  /** Acts on one event. After a crash it may see the same event again, so it must be idempotent. */
  react(event: StoredEvent): Promise<void>;
  /** When it handles few event types: their type prefixes, so catching up reads only those. */
  readonly eventTypePrefixes?: readonly string[];
}

export interface BatchContext {
  /** True while a rebuild replays the log: work that can be done once at the end may be deferred. */
  readonly rebuilding: boolean;
}

export function isPostgres(manager: EntityManager): boolean {
  return manager.connection.options.type === 'postgres';
}
