/** The stream is not at the revision the writer expected: someone else wrote in between. */
export class StreamRevisionConflictError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: string,
    readonly actual: number,
  ) {
    super(`Stream ${stream} staat op revisie ${actual}, verwacht was ${expected}.`);
    this.name = 'StreamRevisionConflictError';
  }
}

/** An event with this id is already in the store. */
export class DuplicateEventIdError extends Error {
  constructor(readonly eventId: string) {
    super(`Event ${eventId} staat al in de store.`);
    this.name = 'DuplicateEventIdError';
  }
}
