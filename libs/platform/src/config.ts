import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, ValidateIf, ValidationArguments, registerDecorator, validateSync } from 'class-validator';
import { isIP } from 'node:net';
import { resolve } from 'node:path';

/**
 * The register's roles. They live here, below libs/access (whose ROLLEN they are), so that the start
 * can refuse an OIDC_ROLE_MAP onto a role that does not exist before anything is built.
 */
export const REGISTER_ROLLEN = ['griffier', 'auditor', 'liaison', 'beheerder'] as const;
export type RegisterRol = (typeof REGISTER_ROLLEN)[number];

/** Configuration from the environment, validated at start-up with readable messages. */
export class AppConfig {
  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt({ message: 'PORT moet een geheel getal zijn' })
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** Where the embedded event store and SQLite read models live. */
  @Transform(({ value }) => resolve(value || 'data'))
  @IsString()
  DATA_DIR = resolve('data');

  @IsOptional()
  @Matches(/^(postgres(ql)?:\/\/.*)?$/, { message: 'DATABASE_URL moet beginnen met postgres:// of postgresql://' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^((esdb|kurrentdb|kurrent)(\+discover)?:\/\/.*)?$/, { message: 'EVENTSTORE_CONNECTION_STRING moet beginnen met esdb:// of kurrentdb://' })
  EVENTSTORE_CONNECTION_STRING?: string;

  /** OIDC as an alternative to register tokens: all three of issuer, audience and JWKS URL. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'] }, { message: 'OIDC_ISSUER moet een URL zijn' })
  OIDC_ISSUER?: string;

  @ValidateIf((c: AppConfig) => !!c.OIDC_ISSUER)
  @IsString({ message: 'OIDC_AUDIENCE is verplicht als OIDC_ISSUER gezet is' })
  OIDC_AUDIENCE?: string;

  @ValidateIf((c: AppConfig) => !!c.OIDC_ISSUER)
  @IsUrl({ require_tld: false, protocols: ['https', 'http'] }, { message: 'OIDC_JWKS_URL moet een URL zijn als OIDC_ISSUER gezet is' })
  OIDC_JWKS_URL?: string;

  @IsString()
  OIDC_ROLE_CLAIM = 'roles';

  /**
   * Required with OIDC: only the IdP roles named here grant a register role. A role claim is often
   * shared (Keycloak realm roles, directory groups), so a name that happens to be "beheerder" may
   * belong to another application.
   */
  @ValidateIf((c: AppConfig) => !!c.OIDC_ISSUER)
  @IsRoleMap()
  OIDC_ROLE_MAP?: string;

  @IsString()
  OIDC_NAME_CLAIM = 'preferred_username';

  /** Failed authentications per address per minute before 429. */
  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt({ message: 'AUTH_MAX_MISLUKT moet een geheel getal zijn' })
  @Min(1)
  AUTH_MAX_MISLUKT = 10;

  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (the lockout counts per
   * address). Not set: none, so a client cannot choose its address by sending the header.
   */
  @Transform(({ value }) => (value === undefined ? 'false' : String(value)))
  @IsTrustProxy()
  TRUST_PROXY = 'false';

  /** Browser origins allowed to call the API (comma-separated); none by default. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'warn';
}

export function validateConfig(env: Record<string, unknown>): AppConfig {
  const config = plainToInstance(AppConfig, env, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}));
    throw new Error(`Ongeldige configuratie:\n- ${lines.join('\n- ')}`);
  }
  return config;
}

const LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;

/** Nest's log levels from LOG_LEVEL upwards in severity. */
export function logLevels(level: AppConfig['LOG_LEVEL']): (typeof LEVELS)[number][] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}

/** proxy-addr's names for address ranges, as Express's `trust proxy` takes them. */
const PROXY_BEREIKEN = ['loopback', 'linklocal', 'uniquelocal'];

/** What is wrong with a TRUST_PROXY value, or undefined if Express may have it. */
function trustProxyFout(value: string): string | undefined {
  const waarde = value.trim();
  if (waarde === '' || waarde === 'false' || /^\d+$/.test(waarde)) return undefined;
  if (waarde === 'true') {
    return 'TRUST_PROXY=true zou elke afzender geloven, zodat iedereen zijn adres kan kiezen met X-Forwarded-For; noem het aantal proxies (1) of hun adressen (loopback, 10.0.0.0/8)';
  }
  for (const deel of waarde.split(',').map((d) => d.trim())) {
    if (!deel) return `TRUST_PROXY bevat een leeg element: "${value}"`;
    if (PROXY_BEREIKEN.includes(deel)) continue;
    const [adres, prefix, ...rest] = deel.split('/');
    const versie = isIP(adres);
    const maxPrefix = versie === 4 ? 32 : 128;
    // A /0 would believe every sender, like `true`; proxy-addr refuses it as well.
    const prefixGoed = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= maxPrefix);
    if (versie === 0 || !prefixGoed || rest.length > 0) {
      return `TRUST_PROXY: "${deel}" is geen aantal proxies, false, ${PROXY_BEREIKEN.join(', ')}, IP-adres of adres/prefix (10.0.0.0/8)`;
    }
  }
  return undefined;
}

function IsTrustProxy() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isTrustProxy',
      target: object.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && trustProxyFout(value) === undefined,
        defaultMessage: (args?: ValidationArguments) => trustProxyFout(String(args?.value)) ?? 'TRUST_PROXY is ongeldig',
      },
    });
}

/**
 * TRUST_PROXY as Express's `trust proxy` setting takes it: false (the socket's address is the
 * client), a number of proxy hops, or the addresses and ranges of the proxies whose
 * X-Forwarded-For is believed.
 */
export function trustProxy(value: string): false | number | string[] {
  const waarde = value.trim();
  if (waarde === '' || waarde === 'false') return false;
  if (/^\d+$/.test(waarde)) return Number(waarde);
  return waarde.split(',').map((d) => d.trim());
}

/**
 * OIDC_ROLE_MAP's `extern=intern` pairs, or an error saying what is wrong: it is required with OIDC
 * (only the roles it names count), and every intern must be a register role.
 */
export function parseRoleMap(value: string | undefined): ReadonlyMap<string, RegisterRol> {
  if (!value?.trim()) {
    throw new Error(
      'OIDC_ROLE_MAP is verplicht als OIDC_ISSUER gezet is: noem welke rol van de identity provider welke rol in het register geeft (register-griffie=griffier,...); andere rollen tellen niet',
    );
  }
  return new Map(
    value.split(',').map((pair) => {
      const [extern, intern, ...rest] = pair.split('=').map((s) => s.trim());
      if (!extern || !intern || rest.length > 0) throw new Error(`OIDC_ROLE_MAP: "${pair}" is geen paar extern=intern`);
      if (!(REGISTER_ROLLEN as readonly string[]).includes(intern)) throw new Error(`OIDC_ROLE_MAP: "${intern}" is geen rol van het register (${REGISTER_ROLLEN.join(', ')})`);
      return [extern, intern as RegisterRol];
    }),
  );
}

function roleMapFout(value: unknown): string | undefined {
  try {
    parseRoleMap(typeof value === 'string' ? value : undefined);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function IsRoleMap() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isRoleMap',
      target: object.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => roleMapFout(value) === undefined,
        defaultMessage: (args?: ValidationArguments) => roleMapFout(args?.value) ?? 'OIDC_ROLE_MAP is ongeldig',
      },
    });
}
