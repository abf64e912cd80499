import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from '@register/access';
import { canonicalJson } from '@register/event-store';
import { Clock } from '@register/platform';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { Observable, catchError, from, mergeMap, of, throwError } from 'rxjs';
import { DataSource, IsNull, Repository } from 'typeorm';
import { v5 as uuidv5 } from 'uuid';
import { HerhaaldProbleem, Problem, toProblem } from '../http/problem-details.filter';
import { ANTWOORD_BEVAT_GEHEIM } from './antwoord-bevat-geheim.decorator';
import { IDEMPOTENT_DOOR_INHOUD } from './idempotent-door-inhoud.decorator';
import { IdempotentVerzoek } from './idempotent-verzoek.entity';
import { AntwoordNietHerhaalbaarError, IdempotencySleutelHergebruiktError, VerzoekInBehandelingError } from './idempotency.errors';

const NAMESPACE = '8f8a2c61-54e1-4a8f-9d0b-3c7e1f2a9b64';
const SLEUTEL = /^[\x21-\x7e]{1,200}$/;

/**
 * How long an unanswered claim counts as a request still running. Longer than any command takes;
 * after it, the claim is taken to be left by a crash and a retry runs the command again (which the
 * ids derived from the key make safe).
 */
export const CLAIM_LEASE_MS = 30_000;

/**
 * The record's id for a user's key. Name and key as one JSON array: an OIDC name may contain any
 * character, and with a plain separator "a|b" + "c" and "a" + "b|c" would be one key.
 */
export function sleutelIdVan(naam: string, sleutel: string): string {
  return uuidv5(JSON.stringify([naam, sleutel]), NAMESPACE);
}

type Claim = { readonly eigen: true } | { readonly eigen: false; readonly eerder: IdempotentVerzoek };

/**
 * Idempotency-Key on every command: a retry with the same key and body gets the original answer
 * and appends nothing; the same key with another body gets 422; while the first request with a key
 * is still running, a second gets 409 "in behandeling" with Retry-After and runs nothing. The
 * record survives restarts; the command path also derives its event and item ids from the key, so
 * even a crash between the append and the record cannot double an event.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly repo: Repository<IdempotentVerzoek>;

  constructor(
    dataSource: DataSource,
    private readonly clock: Clock,
    private readonly reflector: Reflector,
  ) {
    this.repo = dataSource.getRepository(IdempotentVerzoek);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { idempotentie?: { sleutelId: string } }>();
    const response = context.switchToHttp().getResponse<Response>();
    const header = request.headers['idempotency-key'];
    const sleutel = Array.isArray(header) ? header[0] : header;
    // An upload's body is read after this runs, so it cannot be hashed here; such a route is
    // idempotent by its content instead (the same document makes the same import batch).
    const doorInhoud = this.reflector.getAllAndOverride<boolean>(IDEMPOTENT_DOOR_INHOUD, [context.getHandler(), context.getClass()]) === true;
    if (request.method !== 'POST' || sleutel === undefined || !request.identiteit || doorInhoud) return next.handle();
    if (!SLEUTEL.test(sleutel)) {
      throw new BadRequestException({ fouten: [{ veld: 'Idempotency-Key', melding: 'moet 1 tot 200 zichtbare ASCII-tekens zijn' }] });
    }
    const geheim = this.reflector.getAllAndOverride<boolean>(ANTWOORD_BEVAT_GEHEIM, [context.getHandler(), context.getClass()]) === true;
    const sleutelId = sleutelIdVan(request.identiteit.naam, sleutel);
    const verzoekHash = createHash('sha256').update(`${request.method} ${request.path}\n${canonicalJson(request.body)}`).digest('hex');

    return from(this.claim(sleutelId, verzoekHash)).pipe(
      mergeMap((claim) => {
        if (!claim.eigen) return this.antwoordVanEerder(claim.eerder, verzoekHash, response);
        request.idempotentie = { sleutelId };
        return next.handle().pipe(
          mergeMap((body) => from(this.bewaar(sleutelId, response.statusCode, geheim ? null : JSON.stringify(body ?? null))).pipe(mergeMap(() => of(body)))),
          catchError((error: unknown) => {
            const problem = toProblem(error, request.originalUrl ?? request.url);
            // Server errors are not an answer to keep: the key is given up, so the client may retry.
            if (problem.status >= 500) return from(this.repo.delete({ sleutelId, status: IsNull() })).pipe(mergeMap(() => throwError(() => error)));
            return from(this.bewaar(sleutelId, problem.status, JSON.stringify(problem))).pipe(mergeMap(() => throwError(() => error)));
          }),
        );
      }),
    );
  }

  private antwoordVanEerder(eerder: IdempotentVerzoek, verzoekHash: string, response: Response): Observable<unknown> {
    if (eerder.verzoekHash !== verzoekHash) return throwError(() => new IdempotencySleutelHergebruiktError());
    if (eerder.status === null) {
      response.setHeader('Retry-After', '1');
      return throwError(() => new VerzoekInBehandelingError(1));
    }
    if (eerder.antwoord === null) return throwError(() => new AntwoordNietHerhaalbaarError());
    response.setHeader('Idempotent-Replayed', 'true');
    const body: unknown = JSON.parse(eerder.antwoord);
    if (eerder.status >= 400) return throwError(() => new HerhaaldProbleem(body as Problem));
    response.status(eerder.status);
    return of(body);
  }

  /**
   * Takes the key for this request: inserted when new, or taken over when an earlier claim has gone
   * unanswered past its lease. Only one request can win either way (the primary key, or the update's
   * condition on the claim it saw); every other one gets the earlier record.
   */
  private async claim(sleutelId: string, verzoekHash: string): Promise<Claim> {
    const nu = this.clock.now();
    try {
      await this.repo.insert({ sleutelId, verzoekHash, status: null, antwoord: null, aangemaaktOp: nu.toISOString(), inBehandelingSinds: nu.toISOString() });
      return { eigen: true };
    } catch (error) {
      const eerder = await this.repo.findOneBy({ sleutelId });
      if (!eerder) throw error;
      if (eerder.status !== null || eerder.verzoekHash !== verzoekHash || !this.verlopen(eerder, nu)) return { eigen: false, eerder };
      const { affected } = await this.repo.update(
        { sleutelId, status: IsNull(), inBehandelingSinds: eerder.inBehandelingSinds ?? IsNull() },
        { inBehandelingSinds: nu.toISOString() },
      );
      return affected === 1 ? { eigen: true } : { eigen: false, eerder: (await this.repo.findOneBy({ sleutelId })) ?? eerder };
    }
  }

  private verlopen(claim: IdempotentVerzoek, nu: Date): boolean {
    return claim.inBehandelingSinds === null || nu.getTime() - Date.parse(claim.inBehandelingSinds) > CLAIM_LEASE_MS;
  }

  /** `antwoord` null: the answer carried a secret and is not kept. */
  private async bewaar(sleutelId: string, status: number, antwoord: string | null): Promise<void> {
    await this.repo.update({ sleutelId }, { status, antwoord, inBehandelingSinds: null });
  }
}
