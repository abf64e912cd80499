/** Dutch calendar days; made once: building an Intl formatter costs more than formatting with it. */
const NEDERLANDSE_DAG = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' });

/** The only source of "now" on the write path, so tests can fix time. */
export abstract class Clock {
  abstract now(): Date;

  /** Today's business date in the Netherlands (Europe/Amsterdam), as `YYYY-MM-DD`. */
  today(): string {
    return NEDERLANDSE_DAG.format(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
