import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { GelezenDocument, ImportFout, ImportFoutCode, Kolomindeling } from '@register/import';
import { startWerker } from '@register/platform';
import { extname, join } from 'node:path';

/** A document that takes longer than this to read is refused rather than holding a thread. */
const MAX_LEESTIJD_MS = 60_000;
const WERKER_GEHEUGEN_MB = 768;
/** Documents read at once (each on its own worker, with its own memory), and how many may wait for a turn. */
const TEGELIJK = 2;
const WACHTRIJ = 8;

type Antwoord = { document: GelezenDocument } | { fout: { code: ImportFoutCode; message: string } } | { onverwacht: string };

/**
 * Reads an uploaded document on a worker thread of its own: parsing a 20 MB Word file or PDF takes
 * seconds of CPU, which must not hold the server's event loop (every other request waits on it),
 * and a document built to exhaust memory only takes its worker down.
 */
@Injectable()
export class DocumentLezer {
  private bezig = 0;
  private readonly wachtend: (() => void)[] = [];

  /** Reads a document when a worker is free; refuses at once (503) when too many are waiting already. */
  async lees(bytes: Buffer, kolommen?: Kolomindeling): Promise<GelezenDocument> {
    if (this.bezig < TEGELIJK) this.bezig++;
    else if (this.wachtend.length >= WACHTRIJ) throw new ServiceUnavailableException('Er worden nu te veel documenten tegelijk gelezen. Probeer het over een minuut opnieuw.');
    // A finished read hands its turn straight to the first one waiting.
    else await new Promise<void>((beurt) => this.wachtend.push(beurt));
    try {
      return await this.leesOpWerker(bytes, kolommen);
    } finally {
      const volgende = this.wachtend.shift();
      if (volgende) volgende();
      else this.bezig--;
    }
  }

  private leesOpWerker(bytes: Buffer, kolommen?: Kolomindeling): Promise<GelezenDocument> {
    const werker = startWerker(join(__dirname, `document-lezer.worker${extname(__filename)}`), { bytes, kolommen }, { maxOldGenerationSizeMb: WERKER_GEHEUGEN_MB });
    return new Promise<GelezenDocument>((resolve, reject) => {
      const klaar = (uitkomst: () => void) => {
        clearTimeout(timer);
        void werker.terminate();
        uitkomst();
      };
      const timer = setTimeout(() => klaar(() => reject(new ImportFout('beschadigd-bestand', `Het lezen van het document duurde langer dan ${MAX_LEESTIJD_MS / 1000} seconden en is afgebroken.`))), MAX_LEESTIJD_MS);
      werker.once('message', (antwoord: Antwoord) =>
        klaar(() => {
          if ('document' in antwoord) resolve(antwoord.document);
          else if ('fout' in antwoord) reject(new ImportFout(antwoord.fout.code, antwoord.fout.message));
          else reject(new Error(`Het document kon niet worden gelezen: ${antwoord.onverwacht}`));
        }),
      );
      werker.once('error', (error) =>
        klaar(() => reject(/memory/i.test(error.message) ? new ImportFout('beschadigd-bestand', 'Het document vraagt te veel geheugen om te lezen.') : error)),
      );
      werker.once('exit', (code) => klaar(() => reject(new Error(`De lezer van het document stopte onverwacht (code ${code}).`))));
    });
  }
}
