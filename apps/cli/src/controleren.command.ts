import { Inject } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EVENT_STORE, EventStore } from '@register/event-store';
import { AppConfig } from '@register/platform';
import { ProjectionRunner, alleProjecties, heeftVerschillen, readModelDataSourceOptions, vergelijkLeesmodellen } from '@register/read-models';
import { IDEMPOTENTIE_MIGRATIES, IdempotentVerzoek } from '@register/application';
import { Command, CommandRunner } from 'nest-commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { progressReporter } from './progress';

/**
 * A verified rebuild: every projection is rebuilt into a shadow database (SQLite next to the live
 * one, or a scratch PostgreSQL database beside it), then compared with the live read models table by
 * table, row checksum by row checksum. Any difference is listed and the command ends with code 1.
 */
@Command({
  name: 'controleren',
  description: 'Herbouwt alle leesmodellen in een schaduwkopie en vergelijkt die rij voor rij (checksums) met de live leesmodellen. Eindigt met code 1 bij elk verschil.',
})
export class ControlerenCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly live: DataSource,
    private readonly runner: ProjectionRunner,
    private readonly config: ConfigService<AppConfig, true>,
  ) {
    super();
  }

  async run(): Promise<void> {
    await this.runner.catchUp();
    const databaseUrl = this.config.get('DATABASE_URL', { infer: true });
    const schaduwMap = mkdtempSync(join(this.config.get('DATA_DIR', { infer: true }), 'schaduw-'));
    const pgNaam = databaseUrl ? `${new URL(databaseUrl).pathname.slice(1)}_schaduw_${process.pid}` : undefined;
    const pgSchaduw = databaseUrl && pgNaam ? databaseUrl.replace(/\/[^/?]*(\?|$)/, `/${pgNaam}$1`) : undefined;
    if (pgNaam) await this.admin(databaseUrl!, `CREATE DATABASE ${pgNaam}`);
    const schaduw = new DataSource(
      readModelDataSourceOptions(
        { dataDir: schaduwMap, databaseUrl: pgSchaduw },
        { entities: [IdempotentVerzoek], migrations: IDEMPOTENTIE_MIGRATIES },
      ),
    );
    try {
      await schaduw.initialize();
      const progress = progressReporter();
      await new ProjectionRunner(this.store, schaduw, alleProjecties()).rebuild(progress.report);
      progress.done();
      const verschillen = await vergelijkLeesmodellen(this.live, schaduw);
      for (const v of verschillen) {
        const gelijk = v.alleenLive.length + v.alleenHerbouwd.length + v.anders.length === 0 && v.rijenLive === v.rijenHerbouwd;
        process.stdout.write(`${v.tabel}: ${v.rijenLive} rijen live, ${v.rijenHerbouwd} herbouwd — ${gelijk ? 'gelijk' : 'VERSCHIL'}\n`);
        for (const k of v.anders) process.stdout.write(`  anders: ${k}\n`);
        for (const k of v.alleenLive) process.stdout.write(`  alleen live: ${k}\n`);
        for (const k of v.alleenHerbouwd) process.stdout.write(`  alleen herbouwd: ${k}\n`);
      }
      if (heeftVerschillen(verschillen)) process.exitCode = 1;
      else process.stdout.write('Geen verschillen: de live leesmodellen zijn gelijk aan een herbouw uit het log.\n');
    } finally {
      if (schaduw.isInitialized) await schaduw.destroy();
      rmSync(schaduwMap, { recursive: true, force: true });
      if (pgNaam) await this.admin(databaseUrl!, `DROP DATABASE IF EXISTS ${pgNaam} WITH (FORCE)`);
    }
  }

  private async admin(databaseUrl: string, sql: string): Promise<void> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}
