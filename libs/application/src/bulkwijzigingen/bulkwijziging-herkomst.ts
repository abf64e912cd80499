import { BadRequestException } from '@nestjs/common';
import { BulkOpdracht } from '@register/domain';
import { canonicalJson } from '@register/event-store';
import { createHash } from 'node:crypto';
import { sleutelIdVan } from '../idempotency/idempotency.interceptor';
import { deterministicId } from '../items/item-event-store';

/** Which bulk change a request is: its id, and the hash of what it asks (to refuse a key used for another request). */
export interface BulkHerkomst {
  readonly bulkwijzigingId: string;
  readonly verzoekHash: string;
}

/** The Idempotency-Key's form, as the idempotency interceptor takes it. */
const SLEUTEL = /^[\x21-\x7e]{1,200}$/;

/**
 * A bulk change's id is derived, never drawn: from the client's Idempotency-Key when it sends one
 * (scoped per user, as every key is), otherwise from what the request asks. The same request sent
 * twice, at the same moment or after a crash, is therefore the same bulk change, and the first
 * thing it records (its decision) can be recorded only once.
 */
export function bulkHerkomst(opdracht: BulkOpdracht, actor: string, sleutel: string | undefined): BulkHerkomst {
  // A selection is a set: the same items in another order are the same request.
  const inhoud = { ...opdracht, itemIds: opdracht.itemIds === null ? null : [...opdracht.itemIds].sort() };
  const verzoekHash = createHash('sha256').update(canonicalJson(inhoud)).digest('hex');
  if (sleutel === undefined) return { bulkwijzigingId: deterministicId(verzoekHash, 'bulkwijziging:inhoud'), verzoekHash };
  if (!SLEUTEL.test(sleutel)) throw new BadRequestException({ fouten: [{ veld: 'Idempotency-Key', melding: 'moet 1 tot 200 zichtbare ASCII-tekens zijn' }] });
  return { bulkwijzigingId: deterministicId(sleutelIdVan(actor, sleutel), 'bulkwijziging'), verzoekHash };
}
