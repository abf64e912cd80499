import type { MessagePort } from 'node:worker_threads';
import { GebruikersStore } from '../../libs/access/src/gebruikers.store';

interface Ronde {
  readonly bestand: string;
  readonly naam: string;
  /** Int32 flag: the worker waits until the test sets it, so both revocations start together. */
  readonly start: SharedArrayBuffer;
}

/**
 * A second process for the race on the last beheerder: a thread with its own connection to the
 * users' file, as the CLI has beside the server. Per round it opens the file, says it is ready,
 * waits for the start signal and revokes one user.
 */
export function werk(_data: unknown, port: MessagePort): void {
  port.on('message', (ronde: Ronde | 'stop') => {
    if (ronde === 'stop') return port.close();
    const store = new GebruikersStore(ronde.bestand);
    port.postMessage({ klaar: true });
    Atomics.wait(new Int32Array(ronde.start), 0, 0);
    try {
      store.trekIn(ronde.naam);
      port.postMessage({ naam: ronde.naam, gelukt: true });
    } catch (error) {
      port.postMessage({ naam: ronde.naam, gelukt: false, code: (error as { code?: string }).code ?? null, melding: (error as Error).message });
    } finally {
      store.close();
    }
  });
}
