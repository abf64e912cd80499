import { eventStoreContract } from '../event-store.contract';
import { KurrentDbEventStore } from './kurrentdb-event-store';

/**
 * Runs the same contract against a real EventStoreDB/KurrentDB server when one is configured,
 * e.g. EVENTSTORE_CONNECTION_STRING=kurrentdb://localhost:2113?tls=false. No server can be
 * installed on the development machines (no Docker engine, no package), so without the variable
 * this suite is skipped and says so. The unit tier runs the same contract against a stand-in behind
 * the client's own conversion code (kurrentdb-event-store.unit.spec.ts); only this run says anything
 * about a real server. The contract writes only in its run's own namespace (contractNamespace), so it
 * may point at a shared server.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  eventStoreContract('KurrentDB', async () => new KurrentDbEventStore(connectionString));
} else {
  describe('EventStore contract: KurrentDB', () => {
    it.skip('needs EVENTSTORE_CONNECTION_STRING pointing at a running KurrentDB/EventStoreDB server', () => undefined);
  });
}
