import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
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

/** Stands in for the id of a preview without a key: one of the same length, so that its size checks are the real ones. */
export const ZONDER_ID = '00000000-0000-0000-0000-000000000000';

/** Carrying out a bulk change needs a key: without one, "the same request again" could not be told from a new one. */
export class IdempotencyKeyVereistError extends HttpException {
  constructor() {
    super(
      {
        code: 'idempotency-key-vereist',
        message:
          'Stuur een Idempotency-Key mee: een bulkwijziging wordt alleen met een eigen sleutel uitgevoerd. Met dezelfde sleutel maakt opnieuw versturen (na een verbroken verbinding of een storing) dezelfde wijziging af; een nieuwe wijziging krijgt een nieuwe sleutel. Er is niets gewijzigd.',
      },
      HttpStatus.PRECONDITION_REQUIRED,
    );
  }
}

/** Hex SHA-256 of what the request asks; a selection is a set, so the same items in another order are the same request. */
export function verzoekHash(opdracht: BulkOpdracht): string {
  const inhoud = { ...opdracht, itemIds: opdracht.itemIds === null ? null : [...opdracht.itemIds].sort() };
  return createHash('sha256').update(canonicalJson(inhoud)).digest('hex');
}

/**
 * A bulk change's id is derived, never drawn: from the client's Idempotency-Key (scoped per user, as
 * every key is). The same request sent again with its key, at the same moment or after a crash, is
 * therefore the same bulk change, and the first thing it records (its decision) can be recorded only
 * once. Without a key there is no bulk change to carry out (428); content alone cannot tell a retry
 * from the same change asked again later, so it never names one.
 */
export function bulkHerkomst(opdracht: BulkOpdracht, actor: string, sleutel: string | undefined): BulkHerkomst {
  if (sleutel === undefined) throw new IdempotencyKeyVereistError();
  if (!SLEUTEL.test(sleutel)) throw new BadRequestException({ fouten: [{ veld: 'Idempotency-Key', melding: 'moet 1 tot 200 zichtbare ASCII-tekens zijn' }] });
  return { bulkwijzigingId: deterministicId(sleutelIdVan(actor, sleutel), 'bulkwijziging'), verzoekHash: verzoekHash(opdracht) };
}

/** A preview may go without a key: it then only judges the request (null: no bulk change has its id). */
export function voorbeeldHerkomst(opdracht: BulkOpdracht, actor: string, sleutel: string | undefined): BulkHerkomst | null {
  return sleutel === undefined ? null : bulkHerkomst(opdracht, actor, sleutel);
}
