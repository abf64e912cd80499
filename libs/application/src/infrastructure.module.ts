import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EVENT_STORE, EventStore, SqliteEventStore, WalCheckpointer, createEventStore } from '@register/event-store';
import { AppConfig, Clock, SystemClock, validateConfig } from '@register/platform';
import { ProjectionRunner, RegisterQuery, alleProjecties, readModelDataSourceOptions } from '@register/read-models';
import { DataSource } from 'typeorm';
import { IdempotentVerzoek } from './idempotency/idempotent-verzoek.entity';
import { IDEMPOTENTIE_MIGRATIES } from './idempotency/idempotency.migrations';

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
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LIVE_PROJECTIONS) private readonly live: boolean,
    @Inject(LEESMODEL_CHECKPOINTER) private readonly checkpointer: WalCheckpointer | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.live) await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
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
                entities: [IdempotentVerzoek],
                migrations: IDEMPOTENTIE_MIGRATIES,
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
            return new WalCheckpointer(dataSource.options.database, { bijFout: (m) => logger.warn(`Checkpoint van het WAL mislukt: ${m}`) });
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
        { provide: RegisterQuery, inject: [DataSource], useFactory: (dataSource: DataSource) => new RegisterQuery(dataSource) },
        ProjectionLifecycle,
      ],
      exports: [Clock, EVENT_STORE, ProjectionRunner, RegisterQuery],
    };
  }
}
