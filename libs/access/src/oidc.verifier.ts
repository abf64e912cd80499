import { JWTPayload, createRemoteJWKSet, jwtVerify } from 'jose';
import { isEmail } from './email';
import { Identiteit, Rol } from './rollen';

export interface OidcConfig {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
  /** Dotted path to the roles in the token, e.g. `roles` or `realm_access.roles`. */
  readonly roleClaim: string;
  /**
   * The IdP's role names mapped to the register's (OIDC_ROLE_MAP, parsed by parseRoleMap). Only these
   * count: an unmapped name grants nothing, even one spelled like a register role.
   */
  readonly roleMap: ReadonlyMap<string, Rol>;
  /** The claim that names the person in the audit trail. */
  readonly nameClaim: string;
}

/** Verifies OIDC access tokens (JWT) against the issuer's JWKS: signature, issuer, audience, expiry. */
export class OidcVerifier {
  private readonly jwks;

  constructor(private readonly config: OidcConfig) {
    this.jwks = createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
  }

  async verify(token: string): Promise<Identiteit | undefined> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks, { issuer: this.config.issuer, audience: this.config.audience, clockTolerance: 30 }));
    } catch {
      return undefined;
    }
    const claim = this.config.roleClaim.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), payload);
    const extern = Array.isArray(claim) ? claim.filter((r): r is string => typeof r === 'string') : typeof claim === 'string' ? claim.split(' ') : [];
    const rollen = [...new Set(extern.flatMap((r) => this.config.roleMap.get(r) ?? []))];
    const naam = payload[this.config.nameClaim] ?? payload.sub;
    if (typeof naam !== 'string' || !naam) return undefined;
    // The standard claim; an address the IdP itself calls unverified is not taken.
    const email = typeof payload.email === 'string' && payload.email_verified !== false && isEmail(payload.email.trim()) ? payload.email.trim() : undefined;
    return { naam: `oidc:${naam}`, rollen, bron: 'oidc', ...(email ? { email } : {}) };
  }
}
