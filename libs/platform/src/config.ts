import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, ValidateIf, validateSync } from 'class-validator';
import { resolve } from 'node:path';

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

  @IsOptional()
  @IsString()
  OIDC_ROLE_MAP?: string;

  @IsString()
  OIDC_NAME_CLAIM = 'preferred_username';

  /** Failed authentications per address per minute before 429. */
  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt({ message: 'AUTH_MAX_MISLUKT moet een geheel getal zijn' })
  @Min(1)
  AUTH_MAX_MISLUKT = 10;

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
