import { ImportFout, Kolomindeling, leesDocument } from '@register/import';
import type { MessagePort } from 'node:worker_threads';

export interface LeesVraag {
  readonly bytes: Uint8Array;
  readonly kolommen?: Kolomindeling;
}

/** On a worker thread: reads one document and posts what it found, or why it could not. */
export function werk({ bytes, kolommen }: LeesVraag, port: MessagePort): void {
  leesDocument(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { kolommen }).then(
    (document) => port.postMessage({ document }),
    (error: unknown) => port.postMessage(error instanceof ImportFout ? { fout: { code: error.code, message: error.message } } : { onverwacht: error instanceof Error ? error.message : String(error) }),
  );
}
