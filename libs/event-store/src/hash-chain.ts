import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The hash of the first event's predecessor in every stream. */
export const GENESIS = '0'.repeat(64);

/**
 * Each event's hash covers the previous event's hash in its stream and a canonical serialisation of
 * the event itself, metadata included: changing, removing or reordering any event breaks every link
 * after it.
 */
export function eventHash(previous: string, event: { stream: string; revision: number; eventId: string; type: string; data: unknown; metadata: unknown }): string {
  return createHash('sha256')
    .update(previous)
    .update('\n')
    .update(canonicalJson({ stream: event.stream, revision: event.revision, eventId: event.eventId, type: event.type, data: event.data, metadata: event.metadata }))
    .digest('hex');
}

export interface VerificationProblem {
  readonly stream: string;
  readonly revision: number;
  readonly reden: string;
}

export interface VerificationReport {
  readonly streams: number;
  readonly events: number;
  /** The first broken link of each damaged stream. */
  readonly problemen: VerificationProblem[];
}
