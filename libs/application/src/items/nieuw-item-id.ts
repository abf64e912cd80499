import { randomUUID } from 'node:crypto';
import { CommandMetadata } from '../command-metadata';
import { deterministicId } from './item-event-store';

/** A new item's identity; derived from the Idempotency-Key when there is one, so a retry lands on the same stream. */
export function nieuwItemId(meta: CommandMetadata): string {
  return meta.idempotencyKeyId ? deterministicId(meta.idempotencyKeyId, 'item') : randomUUID();
}
