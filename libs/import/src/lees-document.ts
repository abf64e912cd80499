import { GelezenDocument } from './bijlage';
import { ImportFout } from './import-fout';

/** The largest document the readers accept; the API answers 413 above it. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** Spreadsheet column mapping: register field → the column heading the clerk chose. */
export type Kolomindeling = Readonly<Record<string, string>>;

export interface LeesOpties {
  /** For XLSX and CSV: which column holds which field (see the library README). */
  readonly kolommen?: Kolomindeling;
}

/**
 * Reads a document of any supported kind — recognised by its content, not its name — and extracts
 * what it proposes. Throws ImportFout with a Dutch message when it cannot. Writes nothing.
 */
export async function leesDocument(bytes: Uint8Array, opties: LeesOpties = {}): Promise<GelezenDocument> {
  void opties;
  if (bytes.length === 0) throw new ImportFout('leeg-bestand', 'Het bestand is leeg.');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new ImportFout('te-groot', 'Het bestand is groter dan 20 MB.');
  throw new ImportFout('onbekend-formaat', 'Nog niet gebouwd.');
}
