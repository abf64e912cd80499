import { contractNamespace, eventStoreContract } from './event-store.contract';
import { EventStore } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/**
 * The contract writes only in its run's own namespace: run it against a store that records every
 * append, then check the streams and types it wrote. Against a shared server it must not put a
 * `MotieGeregistreerd` (or any type a projection handles) into the log, nor write into a category
 * the application projects.
 */
const namespace = contractNamespace();
const written: { stream: string; type: string }[] = [];

function recording(store: EventStore): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'appendToStream') {
        return (stream: string, events: { type: string }[], expected: never) => {
          written.push(...events.map((e) => ({ stream, type: e.type })));
          return target.appendToStream(stream, events as never, expected);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

eventStoreContract('in-memory SQLite, recorded', async () => recording(new SqliteEventStore(':memory:', { pollIntervalMs: 20 })), undefined, namespace);

describe('the contract’s namespace', () => {
  it('wrote every event into its own category, with a type of its own', () => {
    expect(written.length).toBeGreaterThan(20);
    const outside = written.filter((w) => !w.stream.startsWith(`${namespace.category}-`) || !w.type.startsWith(namespace.typePrefix));
    expect(outside).toEqual([]);
    expect(written.filter((w) => /^(Motie|Toezegging|Halfjaarbericht|Item|Nummer|Import)/.test(w.type))).toEqual([]);
  });
});
