import { CanActivate, ExecutionContext, ForbiddenException, HttpException, HttpStatus, Inject, Injectable, Optional, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { GebruikersStore, isRegisterToken } from './gebruikers.store';
import { MisluktePogingen } from './mislukte-pogingen';
import { OidcVerifier } from './oidc.verifier';
import { Identiteit, PUBLIEK_KEY, ROLLEN_KEY, Rol } from './rollen';

export type AuthenticatedRequest = Request & { identiteit?: Identiteit };

export const OIDC_VERIFIER = Symbol('OIDC_VERIFIER');

/**
 * Default deny: every endpoint must declare its roles (or be @Publiek). Authentication is a register
 * token (embedded default) or, when configured, an OIDC JWT.
 *
 * After repeated failures from one address, its bad tokens get 429 for a while, but a valid token is
 * still accepted: behind a proxy, or in an office behind one NAT address, a lockout of the address
 * would lock out everyone. The token is checked first, so the lockout tells a guesser nothing new
 * (429 means what 401 means: wrong token) and no longer slows guessing down. That is the trade-off
 * taken: a register token is 256 random bits and an OIDC token is signed, so guessing is hopeless
 * anyway; the lockout is there to stop the noise of a misbehaving client and tell it when to retry.
 * Good requests are not counted and do not reset the count. The count is shared by every instance
 * (application database).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly gebruikers: GebruikersStore,
    private readonly pogingen: MisluktePogingen,
    @Optional() @Inject(OIDC_VERIFIER) private readonly oidc?: OidcVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIEK_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();

    const header = request.headers.authorization;
    if (!header) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedException('Aanmelden is nodig: stuur een token als "Authorization: Bearer <token>".');
    }
    const identiteit = await this.authenticate(header);
    if (!identiteit) {
      const client = request.ip ?? request.socket.remoteAddress ?? 'onbekend';
      const wacht = await this.pogingen.geblokkeerd(client);
      if (wacht !== undefined) {
        response.setHeader('Retry-After', String(wacht));
        throw new HttpException(`Te veel mislukte aanmeldpogingen vanaf dit adres. Probeer het over ${wacht} seconden opnieuw.`, HttpStatus.TOO_MANY_REQUESTS);
      }
      await this.pogingen.registreer(client);
      response.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new UnauthorizedException('Het token is ongeldig, verlopen of ingetrokken.');
    }
    request.identiteit = identiteit;

    const toegestaan = this.reflector.getAllAndOverride<Rol[] | undefined>(ROLLEN_KEY, targets);
    if (!toegestaan || !identiteit.rollen.some((r) => toegestaan.includes(r))) {
      throw new ForbiddenException(
        toegestaan ? `Dit mag alleen met de rol ${toegestaan.join(' of ')}; u heeft ${identiteit.rollen.join(', ') || 'geen rol'}.` : 'Dit adres is voor niemand opengesteld.',
      );
    }
    return true;
  }

  private async authenticate(header: string): Promise<Identiteit | undefined> {
    const match = /^Bearer ([A-Za-z0-9._~+/=-]{10,4096})$/.exec(header);
    if (!match) return undefined;
    const token = match[1];
    if (isRegisterToken(token)) {
      const gebruiker = this.gebruikers.zoekOpToken(token);
      return gebruiker && { naam: gebruiker.naam, rollen: [gebruiker.rol], bron: 'token', ...(gebruiker.email ? { email: gebruiker.email } : {}) };
    }
    return this.oidc?.verify(token);
  }
}
