import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, ValidateIf, ValidationArguments, registerDecorator, validateSync } from 'class-validator';
import { validateCronExpression } from 'cron';
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

  /**
   * The web app's address as its users reach it (behind the proxy): links in reminder mails and
   * calendar feeds point there. Not set: this server's own address.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true }, { message: 'WEB_URL moet een http(s)-adres zijn, zoals https://register.minjenv.nl' })
  WEB_URL?: string;

  /** The mail server for reminders: smtp://gebruiker:wachtwoord@host:587 or smtps://…:465. Not set: no mail is sent. */
  @IsOptional()
  @Matches(/^(smtps?:\/\/[^\s]+)?$/, { message: 'SMTP_URL moet beginnen met smtp:// of smtps://' })
  SMTP_URL?: string;

  /** The sender of reminders, required with SMTP_URL: "Register moties en toezeggingen <register@minjenv.nl>". */
  @ValidateIf((c: AppConfig) => !!c.SMTP_URL)
  @Matches(/^([^<>\r\n]*<)?[^\s@<>]+@[^\s@<>]+>?$/, { message: 'SMTP_AFZENDER is verplicht als SMTP_URL gezet is: een adres, eventueel met naam ("Register <register@minjenv.nl>")' })
  SMTP_AFZENDER?: string;

  /** When the reminder run starts (cron, Dutch time): by default every working day at 07:00. */
  @IsCron()
  HERINNERING_CRON = '0 7 * * 1-5';

  /** "Binnenkort": a termijn at most this many days ahead. */
  @Transform(({ value }) => (value === undefined || value === '' ? 30 : Number(value)))
  @IsInt({ message: 'HERINNERING_DAGEN moet een geheel getal zijn' })
  @Min(1, { message: 'HERINNERING_DAGEN moet minstens 1 zijn' })
  @Max(366, { message: 'HERINNERING_DAGEN mag hoogstens 366 zijn' })
  HERINNERING_DAGEN = 30;

  /** The offices that get a weekly summary: "bewindspersoon=adres;bewindspersoon=adres". */
  @IsOptional()
  @IsBewindspersoonAdressen()
  HERINNERING_BEWINDSPERSONEN?: string;

  /**
   * Where reminders may go: mail domains, comma-separated (`minjenv.nl,rijksoverheid.nl`; a subdomain
   * counts). Not set: any address the register holds. Anyone who may set a behandelaar could otherwise
   * have item titles mailed daily to an address outside the ministry.
   */
  @IsOptional()
  @Matches(/^\s*([a-z0-9-]+(\.[a-z0-9-]+)+)(\s*,\s*[a-z0-9-]+(\.[a-z0-9-]+)+)*\s*$/i, { message: 'HERINNERING_DOMEINEN moet een lijst maildomeinen zijn, gescheiden door komma’s (minjenv.nl,rijksoverheid.nl)' })
  HERINNERING_DOMEINEN?: string;

  /** The day of the week the weekly summaries go out (1 maandag … 7 zondag); a run later in the week sends what was missed. */
  @Transform(({ value }) => (value === undefined || value === '' ? 1 : Number(value)))
  @IsInt({ message: 'HERINNERING_WEEKDAG moet een geheel getal zijn (1 = maandag)' })
  @Min(1, { message: 'HERINNERING_WEEKDAG moet 1 (maandag) tot en met 7 (zondag) zijn' })
  @Max(7, { message: 'HERINNERING_WEEKDAG moet 1 (maandag) tot en met 7 (zondag) zijn' })
  HERINNERING_WEEKDAG = 1;

  /**
   * The Tweede Kamer's Gegevensmagazijn (OData v4). Setting it turns the Kamer link on; TK_SYNC=aan
   * turns it on against this default, TK_SYNC=uit keeps it off whatever else is set.
   */
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true }, { message: 'TK_ODATA_URL moet een http(s)-adres zijn, zoals https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/' })
  // The Kamer's service needs no key; a user:password in the address would be shown wherever the address is.
  @Matches(/^[a-z]+:\/\/[^/@]*$|^[a-z]+:\/\/[^/@]+\/[^@]*$/i, { message: 'TK_ODATA_URL mag geen gebruikersnaam of wachtwoord bevatten (de open data van de Kamer vraagt er geen)' })
  TK_ODATA_URL?: string;

  @IsOptional()
  @IsIn(['aan', 'uit', ''], { message: 'TK_SYNC moet aan of uit zijn' })
  TK_SYNC?: string;

  /** The ministry as the Kamer writes it (Toezegging.Ministerie): "Justitie en Veiligheid". Required when the link is on. */
  @ValidateIf((c: AppConfig) => kamerKoppelingAan(c))
  @Matches(/^[^\r\n]{2,200}$/, { message: 'TK_MINISTERIE is verplicht als de koppeling met de Tweede Kamer aan staat: het ministerie zoals de Kamer het schrijft ("Justitie en Veiligheid")' })
  TK_MINISTERIE?: string;

  /**
   * The Kamerstuk dossiers the ministry answers for, comma-separated (`29628,35925-VI`: the dossier's
   * number with its toevoeging): the moties adopted in them are proposed. Not set: no moties.
   */
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsOptional()
  @Matches(/^\s*\d{1,6}(-[A-Za-z0-9]{1,10})?(\s*,\s*\d{1,6}(-[A-Za-z0-9]{1,10})?)*\s*$/, { message: 'TK_DOSSIERS moet een lijst Kamerstukdossiers zijn, gescheiden door komma’s (29628,35925-VI)' })
  TK_DOSSIERS?: string;

  /** The ministry as the register writes it on items the link registers ("JenV"); not set: TK_MINISTERIE. */
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsOptional()
  @Matches(/^[^\r\n]{1,200}$/, { message: 'TK_REGISTER_MINISTERIE moet één regel van hoogstens 200 tekens zijn' })
  TK_REGISTER_MINISTERIE?: string;

  /** The first watermark of a new link (a date): by default the start of the previous vergaderjaar. */
  @IsOptional()
  @Matches(/^(\d{4}-\d{2}-\d{2})?$/, { message: 'TK_SYNC_VANAF moet een datum zijn (JJJJ-MM-DD)' })
  TK_SYNC_VANAF?: string;

  /** Per request to the Kamer, in milliseconds. */
  @Transform(({ value }) => (value === undefined || value === '' ? 30_000 : Number(value)))
  @IsInt({ message: 'TK_TIMEOUT_MS moet een geheel getal zijn (milliseconden)' })
  @Min(100, { message: 'TK_TIMEOUT_MS moet minstens 100 zijn' })
  @Max(600_000, { message: 'TK_TIMEOUT_MS mag hoogstens 600000 (10 minuten) zijn' })
  TK_TIMEOUT_MS = 30_000;

  /** The first wait before asking the Kamer again (doubled per attempt, with jitter; a Retry-After wins), in milliseconds. */
  @Transform(({ value }) => (value === undefined || value === '' ? 1000 : Number(value)))
  @IsInt({ message: 'TK_RETRY_MS moet een geheel getal zijn (milliseconden)' })
  @Min(0, { message: 'TK_RETRY_MS mag niet negatief zijn' })
  @Max(60_000, { message: 'TK_RETRY_MS mag hoogstens 60000 zijn' })
  TK_RETRY_MS = 1000;

  /** A Kamer toezegging of this ministry nobody accepted or rejected within this many days is a discrepancy. */
  @Transform(({ value }) => (value === undefined || value === '' ? 14 : Number(value)))
  @IsInt({ message: 'TK_BEOORDEELTERMIJN moet een geheel getal zijn (dagen)' })
  @Min(0, { message: 'TK_BEOORDEELTERMIJN mag niet negatief zijn' })
  @Max(366, { message: 'TK_BEOORDEELTERMIJN mag hoogstens 366 zijn' })
  TK_BEOORDEELTERMIJN = 14;

  /** Each run reads again this many minutes before its watermark: records the Kamer made visible slightly out of order. */
  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt({ message: 'TK_SYNC_OVERLAP moet een geheel getal zijn (minuten)' })
  @Min(0, { message: 'TK_SYNC_OVERLAP mag niet negatief zijn' })
  @Max(1440, { message: 'TK_SYNC_OVERLAP mag hoogstens 1440 (een dag) zijn' })
  TK_SYNC_OVERLAP = 10;

  /** A run stops after this many minutes (what it filed stays; the next one goes on from the watermark). */
  @Transform(({ value }) => (value === undefined || value === '' ? 15 : Number(value)))
  @IsInt({ message: 'TK_SYNC_MAX_DUUR moet een geheel getal zijn (minuten)' })
  @Min(1, { message: 'TK_SYNC_MAX_DUUR moet minstens 1 zijn' })
  @Max(240, { message: 'TK_SYNC_MAX_DUUR mag hoogstens 240 (vier uur) zijn' })
  TK_SYNC_MAX_DUUR = 15;

  /** When the server asks the Kamer (cron, Dutch time): by default every hour at seven past. */
  @IsCron()
  TK_SYNC_CRON = '7 * * * *';

  /** The public site and open data under /openbaar/ (no sign-in): off unless `aan`. */
  @IsOptional()
  @IsIn(['aan', 'uit', ''], { message: 'OPENBAAR moet aan of uit zijn' })
  OPENBAAR?: string;

  /** Requests to /openbaar/ per client address per minute (per instance) before 429. */
  @Transform(({ value }) => (value === undefined || value === '' ? 600 : Number(value)))
  @IsInt({ message: 'OPENBAAR_PER_MINUUT moet een geheel getal zijn' })
  @Min(1, { message: 'OPENBAAR_PER_MINUUT moet minstens 1 zijn' })
  @Max(1_000_000, { message: 'OPENBAAR_PER_MINUUT mag hoogstens 1000000 zijn' })
  OPENBAAR_PER_MINUUT = 600;

  /** Files (the CSV, a dump) from /openbaar/ per client address per minute (per instance), counted apart from the pages. */
  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt({ message: 'OPENBAAR_BESTANDEN_PER_MINUUT moet een geheel getal zijn' })
  @Min(1, { message: 'OPENBAAR_BESTANDEN_PER_MINUUT moet minstens 1 zijn' })
  @Max(100_000, { message: 'OPENBAAR_BESTANDEN_PER_MINUUT mag hoogstens 100000 zijn' })
  OPENBAAR_BESTANDEN_PER_MINUUT = 10;

  /** The public site's address as the public reaches it (links in the feed and the data); not set: WEB_URL, else this server. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true }, { message: 'OPENBAAR_URL moet een http(s)-adres zijn, zoals https://open.minjenv.nl' })
  // It is printed in every public page and feed: no user:password, no query, no fragment.
  @Matches(/^[a-z]+:\/\/[^/@?#]+(\/[^@?#]*)?$/i, { message: 'OPENBAAR_URL mag geen gebruikersnaam, wachtwoord, ? of # bevatten: alleen het publieke adres, zoals https://open.minjenv.nl' })
  OPENBAAR_URL?: string;

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'warn';
}

function IsCron() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCron',
      target: object.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && validateCronExpression(value).valid,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} "${String(args?.value)}" is geen cron-uitdrukking (minuut uur dag maand weekdag, zoals "0 7 * * 1-5")`,
      },
    });
}

/** Whether reminders may go to this address under HERINNERING_DOMEINEN (not set: every address). */
export function magHerinneringKrijgen(email: string, domeinen: string | undefined): boolean {
  if (!domeinen?.trim()) return true;
  const domein = email.slice(email.lastIndexOf('@') + 1).trim().toLowerCase();
  return domeinen.split(',').map((d) => d.trim().toLowerCase()).some((d) => domein === d || domein.endsWith(`.${d}`));
}

/** HERINNERING_BEWINDSPERSONEN's pairs: which office gets the weekly summary of which bewindspersoon. */
export function parseBewindspersoonAdressen(value: string | undefined): { readonly bewindspersoon: string; readonly email: string }[] {
  if (!value?.trim()) return [];
  return value
    .split(';')
    .map((paar) => paar.trim())
    .filter((paar) => paar !== '')
    .map((paar) => {
      const i = paar.lastIndexOf('=');
      const bewindspersoon = i > 0 ? paar.slice(0, i).trim() : '';
      const email = i > 0 ? paar.slice(i + 1).trim().toLowerCase() : '';
      if (!bewindspersoon || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`HERINNERING_BEWINDSPERSONEN: "${paar}" is geen paar bewindspersoon=e-mailadres`);
      if (bewindspersoon.length > 200 || email.length > 254) throw new Error(`HERINNERING_BEWINDSPERSONEN: "${paar.slice(0, 60)}…" is te lang (een naam hoogstens 200 tekens, een adres 254)`);
      return { bewindspersoon, email };
    });
}

function IsBewindspersoonAdressen() {
  const fout = (value: unknown): string | undefined => {
    try {
      parseBewindspersoonAdressen(typeof value === 'string' ? value : undefined);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isBewindspersoonAdressen',
      target: object.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => fout(value) === undefined,
        defaultMessage: (args?: ValidationArguments) => fout(args?.value) ?? 'HERINNERING_BEWINDSPERSONEN is ongeldig',
      },
    });
}

/** The Kamer's service when none is configured. */
export const TK_ODATA_STANDAARD = 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/';

/** Whether the Kamer link runs: TK_SYNC=uit wins, TK_SYNC=aan or a TK_ODATA_URL turns it on. */
export function kamerKoppelingAan(c: Pick<AppConfig, 'TK_SYNC' | 'TK_ODATA_URL'>): boolean {
  if (c.TK_SYNC === 'uit') return false;
  return c.TK_SYNC === 'aan' || !!c.TK_ODATA_URL;
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
