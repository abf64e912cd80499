import { ConflictException, UnprocessableEntityException } from '@nestjs/common';

/* These answers are HTTP's own (the key is a header): each carries its status and its problem code. */

export class IdempotencySleutelHergebruiktError extends UnprocessableEntityException {
  constructor() {
    super({ code: 'idempotency-key-hergebruikt', message: 'Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik per opdracht een nieuwe sleutel.' });
  }
}

/** A request with this key is still running: the client should ask again shortly and then gets its outcome. */
export class VerzoekInBehandelingError extends ConflictException {
  constructor(readonly opnieuwNaSeconden: number) {
    super({ code: 'idempotent-verzoek-in-behandeling', message: 'Een verzoek met deze Idempotency-Key wordt nog uitgevoerd. Probeer het zo opnieuw; u krijgt dan de uitkomst daarvan.' });
  }
}

/** The first answer carried a secret that is shown once and never stored, so it cannot be given again. */
export class AntwoordNietHerhaalbaarError extends ConflictException {
  constructor() {
    super({
      code: 'antwoord-niet-herhaalbaar',
      message: 'Dit verzoek is al uitgevoerd. Het antwoord bevatte een token dat maar één keer wordt getoond en niet wordt bewaard; maak een nieuw token aan als het kwijt is.',
    });
  }
}
