import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EVENT_STORE, EventStore, Hoofdverbinding, SqliteEventStore, WalCheckpointer, createEventStore } from '@register/event-store';
import { AppConfig, Clock, SystemClock, validateConfig } from '@register/platform';
import { MISLUKTE_POGINGEN_MIGRATIES, MisluktePoging } from '@register/access';
import {
  LEIDING_MIGRATIES,
  PostgresAdvisoryLease,
  ProjectionLeadership,
  ProjectionLeadershipRecord,
  ProjectionLease,
  ProjectionRunner,
  RegisterQuery,
  SqliteFileLease,
  alleProjecties,
  instanceName,
  readModelDataSourceOptions,
} from '@register/read-models';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';
import { IdempotentVerzoek } from './idempotency/idempotent-verzoek.entity';
import { IDEMPOTENTIE_MIGRATIES } from './idempotency/idempotency.migrations';
import { AgendaAbonnement } from './agenda/agenda-abonnement.entity';
import { AGENDA_MIGRATIES } from './agenda/agenda.migrations';

export interface InfrastructureOptions {
  /** The server follows the log live; the CLI drives the runner itself (rebuild, catch-up). */
  readonly liveProjections: boolean;
  /**
   * SQLite files (read models, embedded event log): how much of each the process maps into memory
   * for reading (MB). The server reads them without a system call per page; the CLI's rebuild
   * keeps 0, so its peak memory is its own work.
   */
  readonly leesgeheugenMB?: number;
}

const LIVE_PROJECTIONS = Symbol('LIVE_PROJECTIONS');
const LEESMODEL_CHECKPOINTER = Symbol('LEESMODEL_CHECKPOINTER');

@Injectable()
class ProjectionLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly leadership: ProjectionLeadership,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LIVE_PROJECTIONS) private readonly live: boolean,
    @Inject(LEESMODEL_CHECKPOINTER) private readonly checkpointer: WalCheckpointer | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Only the instance that holds the lease runs the projections; a single instance always gets it.
    if (this.live) await this.leadership.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.leadership.stop();
    await this.runner.stop();
    await this.store.close();
    await this.checkpointer?.stop();
  }
}

/** The event store, the read-model database and the projection runner, chosen by configuration. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(options: InfrastructureOptions): DynamicModule {
    return {
      module: InfrastructureModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateConfig }),
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<AppConfig, true>) =>
            readModelDataSourceOptions(
              {
                dataDir: config.get('DATA_DIR', { infer: true }),
                databaseUrl: config.get('DATABASE_URL', { infer: true }),
                leesgeheugenMB: options.leesgeheugenMB,
                checkpointOpAchtergrond: true,
              },
              {
                // Shared by every instance: idempotency records, failed sign-ins, who runs the projections, calendar subscriptions.
                entities: [IdempotentVerzoek, MisluktePoging, ProjectionLeadershipRecord, AgendaAbonnement],
                migrations: {
                  sqlite: [...IDEMPOTENTIE_MIGRATIES.sqlite, ...MISLUKTE_POGINGEN_MIGRATIES.sqlite, ...LEIDING_MIGRATIES.sqlite, ...AGENDA_MIGRATIES.sqlite],
                  postgres: [...IDEMPOTENTIE_MIGRATIES.postgres, ...MISLUKTE_POGINGEN_MIGRATIES.postgres, ...LEIDING_MIGRATIES.postgres, ...AGENDA_MIGRATIES.postgres],
                },
              },
            ),
        }),
      ],
      providers: [
        { provide: LIVE_PROJECTIONS, useValue: options.liveProjections },
        {
          // SQLite read models checkpoint on a worker thread, not in the projection's commit.
          provide: LEESMODEL_CHECKPOINTER,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => {
            if (dataSource.options.type !== 'better-sqlite3') return null;
            const logger = new Logger('Leesmodellen');
            // The connection that commits cuts a WAL grown past its bound back itself (see WalCheckpointer).
            const hoofdverbinding = (dataSource.driver as BetterSqlite3Driver).databaseConnection as Hoofdverbinding;
            return new WalCheckpointer(dataSource.options.database, { hoofdverbinding, bijFout: (m) => logger.warn(`Checkpoint van het WAL mislukt: ${m}`) });
          },
        },
        { provide: Clock, useClass: SystemClock },
        {
          provide: EVENT_STORE,
          inject: [ConfigService],
          useFactory: (config: ConfigService<AppConfig, true>) => {
            const store = createEventStore({
              dataDir: config.get('DATA_DIR', { infer: true }),
              eventStoreConnectionString: config.get('EVENTSTORE_CONNECTION_STRING', { infer: true }),
              leesgeheugenMB: options.leesgeheugenMB,
            });
            if (store instanceof SqliteEventStore && store.logketenAangelegd) {
              new Logger('Eventlog').warn(
                `De logketen is nu aangelegd over ${store.logketenAangelegd} bestaande events (een store van vóór de logketen). ` +
                  'Dat zegt niets over wat er eerder met die events gebeurde: controleer ze met een anker van vóór deze start, als dat er is, en bewaar het nieuwe anker (verifieren --anker).',
              );
            }
            return store;
          },
        },
        {
          provide: ProjectionRunner,
          inject: [EVENT_STORE, DataSource],
          useFactory: (store: EventStore, dataSource: DataSource) => {
            const logger = new Logger('Projecties');
            return new ProjectionRunner(store, dataSource, alleProjecties(), (m) => logger.warn(m));
          },
        },
        {
          // The lease: on PostgreSQL read models an advisory lock, on the embedded default a file lock
          // in the data directory. The CLI never asks for it (it is not live).
          provide: ProjectionLeadership,
          inject: [ConfigService, ProjectionRunner, DataSource],
          useFactory: (config: ConfigService<AppConfig, true>, runner: ProjectionRunner, dataSource: DataSource) => {
            const logger = new Logger('Leiding');
            const instance = instanceName();
            const lease: ProjectionLease =
              dataSource.options.type === 'postgres'
                ? new PostgresAdvisoryLease(config.get('DATABASE_URL', { infer: true })!, instance)
                : new SqliteFileLease(join(config.get('DATA_DIR', { infer: true }), 'projecties.lock'));
            return new ProjectionLeadership(runner, lease, dataSource, instance, (m, level) => (level === 'log' ? logger.log(m) : logger.warn(m)));
          },
        },
        { provide: RegisterQuery, inject: [DataSource], useFactory: (dataSource: DataSource) => new RegisterQuery(dataSource) },
        ProjectionLifecycle,
      ],
      exports: [Clock, EVENT_STORE, ProjectionRunner, ProjectionLeadership, RegisterQuery],
    };
  }
}
