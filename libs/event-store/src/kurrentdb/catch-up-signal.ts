/**
 * When to tell a subscriber it has caught up. The client's Subscription is a Transform stream that
 * emits `caughtUp` from `_transform` as the server's CaughtUp message passes through it
 * (`@kurrent/kurrentdb-client` dist/streams/utils/Subscription.js: `this.emit("caughtUp", info)`),
 * while the events before that message may still sit in its readable buffer, not yet read, let alone
 * handled. So the signal is due only once every event that came before it has been handled: those
 * already taken from the stream plus those still buffered (`readableLength`) at that moment.
 */
export class CatchUpSignal {
  private received = 0;
  private handled = 0;
  private target: number | undefined;
  private given = false;

  /** An event was taken from the stream. */
  eventReceived(): void {
    this.received++;
  }

  /** Events were handled (or dropped as not after the start position). */
  eventsHandled(count: number): void {
    this.handled += count;
  }

  /** The stream emitted `caughtUp`; `buffered` is its readableLength at that moment. */
  serverCaughtUp(buffered: number): void {
    this.target ??= this.received + buffered;
  }

  /** The last event before the caught-up message is the one just taken (or none was pending). */
  get atCaughtUpPoint(): boolean {
    return !this.given && this.target !== undefined && this.received === this.target;
  }

  /** True once, when the signal may be given: every event before it handled. */
  due(): boolean {
    if (this.given || this.target === undefined || this.handled < this.target) return false;
    this.given = true;
    return true;
  }
}
