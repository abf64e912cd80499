import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@register/platform';
import { PostgresAdvisoryLease, ProjectionLease, SqliteFileLease, instanceName } from '@register/read-models';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

/**
 * The lock one kind of run holds while it goes (the reminders, the Kamer link), so that of several
 * instances and the CLI one runs and the others find it taken: a PostgreSQL advisory lock when the
 * read models are in PostgreSQL, else a lock file in DATA_DIR (one machine).
 */
export function runSlot(naam: string, dataSource: DataSource, config: ConfigService<AppConfig, true>): ProjectionLease {
  if (dataSource.options.type === 'postgres') return new PostgresAdvisoryLease(config.get('DATABASE_URL', { infer: true })!, instanceName(), 1000, 5000, 10_000, `register:${naam}`);
  return new SqliteFileLease(join(config.get('DATA_DIR', { infer: true }), `${naam}.lock`));
}
