import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ProjectionRunner } from '@register/read-models';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';

/** How long a public answer is reused: the public sees a change at most this much later. */
export const OPENBAAR_CACHE_MS = 5_000;

export interface CacheAntwoord {
  readonly inhoud: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Public answers, kept for a few seconds by address: a page many people open at once (the register's
 * first page on the day a halfjaarbericht goes out) is built once, not once per visitor, and the
 * clerks' commands keep the database to themselves. Bounded in entries and bytes; per instance.
 */
@Injectable()
export class OpenbaarCache {
  private readonly antwoorden = new LRUCache<string, Promise<CacheAntwoord>>({
    max: 2_000,
    maxSize: 64 * 1024 * 1024,
    // A promise's size is not known until it settles: counted at its key, its real size on settle (below).
    sizeCalculation: () => 1,
    ttl: OPENBAAR_CACHE_MS,
  });

  constructor(private readonly runner: ProjectionRunner) {}

  /** The answer for this address: kept, or built now. Never built from a register half rebuilt. */
  async haal(sleutel: string, maak: () => Promise<CacheAntwoord>): Promise<CacheAntwoord> {
    const bestaand = this.antwoorden.get(sleutel);
    if (bestaand) return bestaand;
    // The promise is shared: visitors arriving while it is built wait for the same answer.
    const nieuw = (async (): Promise<CacheAntwoord> => {
      await registerHeel(this.runner);
      const antwoord = await maak();
      // The ETag once per build, not once per visitor: Express leaves an ETag that is set alone, and
      // answers 304 to a matching If-None-Match with it.
      return antwoord.status === 200 ? { ...antwoord, headers: { ...antwoord.headers, ETag: `W/"${createHash('sha256').update(antwoord.inhoud).digest('base64url').slice(0, 32)}"` } } : antwoord;
    })();
    this.antwoorden.set(sleutel, nieuw);
    try {
      const antwoord = await nieuw;
      // Only successes and "not found" are kept; anything else is asked again.
      if (antwoord.status !== 200 && antwoord.status !== 404) this.antwoorden.delete(sleutel);
      else if (this.antwoorden.get(sleutel) === nieuw) this.antwoorden.set(sleutel, nieuw, { size: Math.max(1, antwoord.inhoud.length * 2) });
      return antwoord;
    } catch (error) {
      if (this.antwoorden.get(sleutel) === nieuw) this.antwoorden.delete(sleutel);
      throw error;
    }
  }

  leeg(): void {
    this.antwoorden.clear();
  }
}

/**
 * Refuses (503) while a rebuild runs here or is unfinished on any instance (its marker is in the
 * shared checkpoints): a register emptied and half filled again must not look whole to the public,
 * nor end up in a proxy's cache or a dump.
 */
export async function registerHeel(runner: ProjectionRunner): Promise<void> {
  if (runner.rebuilding || (await runner.rebuildMarked())) {
    throw new ServiceUnavailableException('Het register wordt op dit moment opnieuw opgebouwd; probeer het over enkele minuten opnieuw.');
  }
}
