import { JWTPayload, createRemoteJWKSet, jwtVerify } from 'jose';
import { ROLLEN, Rol } from './rollen';
import { Identiteit } from './rollen';

export interface OidcConfig {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
  /** Dotted path to the roles in the token, e.g. `roles` or `realm_access.roles`. */
  readonly roleClaim: string;
  /** The IdP's role names mapped to the register's: `register-griffier=griffier,...`. Unmapped names pass as they are. */
  readonly roleMap: Readonly<Record<string, string>>;
  /** The claim that names the person in the audit trail. */
  readonly nameClaim: string;
}

export function parseRoleMap(value: string | undefined): Record<string, string> {
  if (!value?.trim()) return {};
  return Object.fromEntries(
    value.split(',').map((pair) => {
      const [extern, intern] = pair.split('=').map((s) => s.trim());
      if (!extern || !intern) throw new Error(`OIDC_ROLE_MAP: "${pair}" is geen paar extern=intern.`);
      return [extern, intern];
    }),
  );
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
    const rollen = [...new Set(extern.map((r) => this.config.roleMap[r] ?? r))].filter((r): r is Rol => (ROLLEN as readonly string[]).includes(r));
    const naam = payload[this.config.nameClaim] ?? payload.sub;
    if (typeof naam !== 'string' || !naam) return undefined;
    return { naam: `oidc:${naam}`, rollen, bron: 'oidc' };
  }
}
