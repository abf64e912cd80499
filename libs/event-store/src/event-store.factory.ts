import { join } from 'node:path';
import { EventStore } from './event-store.port';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export interface EventStoreConfig {
  readonly dataDir: string;
  /** `esdb://...` or `kurrentdb://...`; when empty the embedded SQLite store is used. */
  readonly eventStoreConnectionString?: string;
  /** Embedded store: MB of the file mapped into memory for reading (see SqliteEventStoreOptions). */
  readonly leesgeheugenMB?: number;
}

export function createEventStore(config: EventStoreConfig): EventStore {
  const connection = config.eventStoreConnectionString?.trim();
  if (connection) {
    if (!/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|kurrent|kurrent\+discover):\/\//.test(connection)) {
      throw new Error(`EVENTSTORE_CONNECTION_STRING moet beginnen met esdb:// of kurrentdb:// (kreeg "${connection.split('://')[0]}://...").`);
    }
    return new KurrentDbEventStore(connection);
  }
  return new SqliteEventStore(join(config.dataDir, 'events.sqlite'), { checkpointOpAchtergrond: true, leesgeheugenMB: config.leesgeheugenMB });
}
