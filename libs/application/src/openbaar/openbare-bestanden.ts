import { ExecutionContext, Injectable, ServiceUnavailableException, applyDecorators } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';

/** Files made or sent at once, for everyone together: more would hold the event loop and the disk. */
export const BESTANDEN_TEGELIJK = 4;

/**
 * The public pages are counted in the throttler "default", a public file (the CSV, a dump) in
 * "bestanden" only, with its own lower limit (OPENBAAR_BESTANDEN_PER_MINUUT).
 */
export const OpenbarePaginas = () => SkipThrottle({ bestanden: true });
export const OpenbaarBestand = () => applyDecorators(SkipThrottle({ default: true, bestanden: false }));

/** The throttler's guard, with a plain Retry-After for whichever count ran out (the library names it per count). */
@Injectable()
export class OpenbaarThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    return super.throwThrottlingException(context, detail);
  }
}

/** The public files being written now. */
@Injectable()
export class OpenbareBestanden {
  private bezig = 0;

  /** A place for one file; the function it answers gives it back (once, however often it is called). */
  neem(): () => void {
    if (this.bezig >= BESTANDEN_TEGELIJK) throw new ServiceUnavailableException('Er worden nu te veel bestanden tegelijk gemaakt; probeer het over een minuut opnieuw.');
    this.bezig++;
    let terug = false;
    return () => {
      if (terug) return;
      terug = true;
      this.bezig--;
    };
  }
}
