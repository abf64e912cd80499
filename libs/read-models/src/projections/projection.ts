import { StoredEvent } from '@register/event-store';
import { EntityManager } from 'typeorm';

/**
 * A read model fed from the log: a name, a version (bump it and the runner rebuilds it), and how
 * to apply a batch of events inside the transaction that also moves its checkpoint.
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

export interface BatchContext {
  /** True while a rebuild replays the log: work that can be done once at the end may be deferred. */
  readonly rebuilding: boolean;
}

export function isPostgres(manager: EntityManager): boolean {
  return manager.connection.options.type === 'postgres';
}
