/**
 * An event this register cannot read: not JSON, or data or metadata that is not a JSON object.
 * Skipping it would leave a read model silently short of an event, so reading stops there and
 * says which event it is.
 */
export class UnreadableEventError extends Error {
  constructor(
    readonly stream: string,
    readonly revision: number,
    readonly position: string,
    readonly reden: string,
  ) {
    super(`Event ${revision} van stream ${stream} (positie ${position}) is onleesbaar: ${reden}.`);
    this.name = 'UnreadableEventError';
  }
}
