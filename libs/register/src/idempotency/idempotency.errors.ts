import { DomainError } from '@register/domain';

export class IdempotencySleutelHergebruiktError extends DomainError {
  readonly code = 'idempotency-key-hergebruikt';
  constructor() {
    super('Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik per opdracht een nieuwe sleutel.');
  }
}

/** A stored error answer, given again as it was. */
export class HerhaaldAntwoord extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super('herhaald antwoord');
  }
}
