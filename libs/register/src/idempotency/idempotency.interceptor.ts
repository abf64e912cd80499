import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { AuthenticatedRequest } from '@register/access';
import { canonicalJson } from '@register/event-store';
import { Clock } from '@register/platform';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { Observable, catchError, from, mergeMap, of, throwError } from 'rxjs';
import { DataSource, Repository } from 'typeorm';
import { v5 as uuidv5 } from 'uuid';
import { toProblem } from '../http/problem-details.filter';
import { IdempotentVerzoek } from './idempotent-verzoek.entity';
import { HerhaaldAntwoord, IdempotencySleutelHergebruiktError } from './idempotency.errors';

const NAMESPACE = '8f8a2c61-54e1-4a8f-9d0b-3c7e1f2a9b64';
const SLEUTEL = /^[\x21-\x7e]{1,200}$/;

/**
 * Idempotency-Key on every command: a retry with the same key and body gets the original answer
 * and appends nothing; the same key with another body gets 422. The record survives restarts; the
 * command path also derives its event and item ids from the key, so even a crash between the
 * append and the record cannot double an event.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly repo: Repository<IdempotentVerzoek>;

  constructor(
    dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.repo = dataSource.getRepository(IdempotentVerzoek);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { idempotentie?: { sleutelId: string } }>();
    const response = context.switchToHttp().getResponse<Response>();
    const header = request.headers['idempotency-key'];
    const sleutel = Array.isArray(header) ? header[0] : header;
    if (request.method !== 'POST' || sleutel === undefined || !request.identiteit) return next.handle();
    if (!SLEUTEL.test(sleutel)) {
      throw new BadRequestException({ fouten: [{ veld: 'Idempotency-Key', melding: 'moet 1 tot 200 zichtbare ASCII-tekens zijn' }] });
    }
    const sleutelId = uuidv5(`${request.identiteit.naam}|${sleutel}`, NAMESPACE);
    const verzoekHash = createHash('sha256').update(`${request.method} ${request.path}\n${canonicalJson(request.body)}`).digest('hex');

    return from(this.claim(sleutelId, verzoekHash)).pipe(
      mergeMap((eerder) => {
        if (eerder && eerder.verzoekHash !== verzoekHash) return throwError(() => new IdempotencySleutelHergebruiktError());
        if (eerder?.status != null) {
          const body = eerder.antwoord === null ? null : JSON.parse(eerder.antwoord);
          if (eerder.status >= 400) return throwError(() => new HerhaaldAntwoord(eerder.status!, body));
          response.setHeader('Idempotent-Replayed', 'true');
          return of(body);
        }
        request.idempotentie = { sleutelId };
        return next.handle().pipe(
          mergeMap((body) => from(this.bewaar(sleutelId, response.statusCode, body)).pipe(mergeMap(() => of(body)))),
          catchError((error: unknown) => {
            const problem = toProblem(error, request.originalUrl ?? request.url);
            // Server errors are not an answer to keep: the client may retry them.
            if (problem.status >= 500) return throwError(() => error);
            return from(this.bewaar(sleutelId, problem.status, problem)).pipe(mergeMap(() => throwError(() => error)));
          }),
        );
      }),
    );
  }

  /** Records the key as taken; answers the earlier record when there is one. */
  private async claim(sleutelId: string, verzoekHash: string): Promise<IdempotentVerzoek | null> {
    const eerder = await this.repo.findOneBy({ sleutelId });
    if (eerder) return eerder;
    try {
      await this.repo.insert({ sleutelId, verzoekHash, status: null, antwoord: null, aangemaaktOp: this.clock.now().toISOString() });
      return null;
    } catch {
      // Another request with this key got in first.
      return this.repo.findOneBy({ sleutelId });
    }
  }

  private async bewaar(sleutelId: string, status: number, body: unknown): Promise<void> {
    await this.repo.update({ sleutelId }, { status, antwoord: JSON.stringify(body ?? null) });
  }
}
