import { AllStreamResolvedEvent, ResolvedEvent } from '@kurrent/kurrentdb-client';
import { EventMetadata, StoredEvent } from '../event-store.port';
import { LogPosition, checkpointOf, positionOf } from './log-position';
import { splitHash } from './stream-hash';
import { UnreadableEventError } from './unreadable-event.error';

/** A stored event together with its full position in the log. */
export interface LoggedEvent {
  readonly stored: StoredEvent;
  readonly log: LogPosition;
  /** Its stream hash from the metadata (stream-hash.ts); null for an event written without one. */
  readonly hash: string | null;
}

/**
 * The client's resolved event as a stored event, or an UnreadableEventError. What the client hands
 * over (dist/utils/convertRustEvent.js and convertGrpcEvent.js, `convertRustRecord` and
 * `convertGrpcRecord`): `isJson` from the content type; for a JSON event `data` is the parsed value,
 * or the raw string when it does not parse (`safeParseJSON` falls back to it); `metadata` is the
 * parsed value, the raw bytes when it does not parse, or undefined when there is none. The stream
 * hash the adapter keeps in the metadata is taken out of it: the stored event's metadata is the
 * application's own.
 */
export function toLoggedEvent(resolved: AllStreamResolvedEvent | ResolvedEvent): LoggedEvent {
  const event = resolved.event;
  if (!event) throw new UnreadableEventError('?', -1, resolved.commitPosition?.toString() ?? '?', 'de server stuurde een verwijzing zonder event');
  const log = positionOf(resolved);
  const unreadable = (reden: string) => new UnreadableEventError(event.streamId, Number(event.revision), checkpointOf(log).toString(), reden);
  if (!event.isJson) throw unreadable(`het is geen JSON (type ${event.type}, binaire inhoud)`);
  if (!isJsonObject(event.data)) throw unreadable(typeof event.data === 'string' ? 'de data is geen geldige JSON' : 'de data is geen JSON-object');
  if (!isJsonObject(event.metadata)) throw unreadable(event.metadata === undefined ? 'het heeft geen metadata' : 'de metadata is geen JSON-object');
  const { metadata, hash } = splitHash(event.metadata);
  return {
    log,
    hash,
    stored: {
      eventId: event.id,
      stream: event.streamId,
      revision: Number(event.revision),
      position: checkpointOf(log),
      type: event.type,
      data: event.data,
      metadata: metadata as EventMetadata,
    },
  };
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
