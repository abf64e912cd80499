/**
 * Base of every rule the domain enforces. `code` is stable for clients; `message` is Dutch and
 * written for the clerk who reads it.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
