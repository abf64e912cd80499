import { AllStreamResolvedEvent, ResolvedEvent } from '@kurrent/kurrentdb-client';
import { ChainedEvent } from '../hash-chain';
import { EventMetadata } from '../event-store.port';
import { checkpointOf, positionOf } from './log-position';

/**
 * The hash chain on KurrentDB. The server has no column for it, so each event carries its stream
 * hash (hash-chain.ts `eventHash`, the same definition and so the same value as the embedded store's
 * `hash` column) in its metadata under this key. The hash covers the metadata as the application
 * wrote it, without this key; reads hand the metadata back without it.
 *
 * The log chain is not stored on KurrentDB: a link would cover the previous event in the whole log,
 * and an append cannot know which event that will be (another instance may append to another stream
 * in between; the server has no transaction over streams). Verification lays it over the stored
 * stream hashes in the log's own order ($all, by commit position), which the server never reorders;
 * its head is the anchor (`mtr-anker:…`), and a later check against that anchor proves the log up to
 * there still holds exactly those events, also after every stream hash was recomputed.
 */
export const STREAM_HASH = 'streamHash';

/** The metadata to store: the application's, with the event's stream hash. */
export function metadataWithHash(metadata: EventMetadata, hash: string): Record<string, unknown> {
  if (STREAM_HASH in metadata) throw new Error(`De metadata van event ${metadata.eventId} bevat al ${STREAM_HASH}; die sleutel is van de event store.`);
  return { ...metadata, [STREAM_HASH]: hash };
}

/** Stored metadata split into the application's metadata and the stream hash (null when absent). */
export function splitHash(metadata: Record<string, unknown>): { metadata: Record<string, unknown>; hash: string | null } {
  if (!(STREAM_HASH in metadata)) return { metadata, hash: null };
  const { [STREAM_HASH]: hash, ...rest } = metadata;
  return { metadata: rest, hash: typeof hash === 'string' ? hash : null };
}

/**
 * An event read from the server as verification checks it. Never throws for what is wrong with the
 * event itself: an event that is not JSON, or whose data or metadata no longer parses, is reported
 * (`onleesbaar`), as the embedded store's verification reports a row that is no longer valid JSON.
 */
export function chainedEventOf(resolved: AllStreamResolvedEvent | ResolvedEvent): ChainedEvent {
  const event = resolved.event;
  const positie = checkpointOf(positionOf(resolved)).toString();
  if (!event) return { positie, stream: '?', revisie: -1, eventId: '?', type: '?', data: null, metadata: null, hash: null, keten: null, onleesbaar: true };
  const basis = { positie, stream: event.streamId, revisie: Number(event.revision), eventId: event.id, type: event.type, keten: null };
  const metadata = isJsonObject(event.metadata) ? splitHash(event.metadata) : undefined;
  const hash = metadata?.hash ?? null;
  if (!event.isJson || !isJsonObject(event.data) || !metadata) return { ...basis, data: null, metadata: null, hash, onleesbaar: true };
  return { ...basis, data: event.data, metadata: metadata.metadata, hash };
}

/** The stream hash an event carries, or null (an event written before the chain, or not readable). */
export function hashOf(resolved: AllStreamResolvedEvent | ResolvedEvent): string | null {
  const metadata = resolved.event?.metadata;
  return isJsonObject(metadata) ? splitHash(metadata).hash : null;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
