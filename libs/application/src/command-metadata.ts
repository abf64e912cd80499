/** Who asked for a change and in which chain of requests; copied into every event's metadata. */
export interface CommandMetadata {
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: string;
  /** Set when the client sent an Idempotency-Key: event and item ids are then derived from it. */
  readonly idempotencyKeyId?: string;
  /** Where the change came from when not typed by hand ("import: <document>, voorstel 12"), for the item's history. */
  readonly bron?: string;
}

/** What every command answers: the item, its stream revision, and the log position to wait for. */
export interface CommandResult {
  readonly itemId: string;
  readonly soort: 'motie' | 'toezegging';
  readonly nummer: string;
  readonly revisie: number;
  readonly positie: string;
}
