export * from './event-store.port';
export * from './event-store.errors';
export * from './sqlite/sqlite-event-store';
export * from './kurrentdb/kurrentdb-event-store';
export * from './event-store.factory';
export * from './hash-chain';
export * from './canonical-json';
export * from './sqlite/wal-checkpointer';
