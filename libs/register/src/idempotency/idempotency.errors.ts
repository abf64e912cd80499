import { DomainError } from '@register/domain';

export class IdempotencySleutelHergebruiktError extends DomainError {
  readonly code = 'idempotency-key-hergebruikt';
  constructor() {
    super('Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik per opdracht een nieuwe sleutel.');
  }
}

/** A request with this key is still running: the client should ask again shortly and then gets its outcome. */
export class VerzoekInBehandelingError extends DomainError {
  readonly code = 'idempotent-verzoek-in-behandeling';
  constructor(readonly opnieuwNaSeconden: number) {
    super('Een verzoek met deze Idempotency-Key wordt nog uitgevoerd. Probeer het zo opnieuw; u krijgt dan de uitkomst daarvan.');
  }
}

/** The first answer carried a secret that is shown once and never stored, so it cannot be given again. */
export class AntwoordNietHerhaalbaarError extends DomainError {
  readonly code = 'antwoord-niet-herhaalbaar';
  constructor() {
    super('Dit verzoek is al uitgevoerd. Het antwoord bevatte een token dat maar één keer wordt getoond en niet wordt bewaard; maak een nieuw token aan als het kwijt is.');
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
