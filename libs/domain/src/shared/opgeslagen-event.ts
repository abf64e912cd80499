/**
 * A stored event as the domain's decoders need it, whatever the store: its type, data and the schema
 * version it was written with. The decoders (leesItemEvent, leesHalfjaarberichtEvent) are the one way
 * from the log back to the domain's events.
 */
export interface OpgeslagenEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: { readonly schemaVersion?: number };
}
