import { Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionRunner, Reactor } from '@register/read-models';
import { AUDIT } from './audit/audit.wiring';
import { BULKWIJZIGINGEN } from './bulkwijzigingen/bulkwijzigingen.wiring';
import { HalfjaarberichtService } from './halfjaarberichten/halfjaarbericht.service';
import { HALFJAARBERICHTEN } from './halfjaarberichten/halfjaarberichten.wiring';
import { BijlageService } from './halfjaarberichten/bijlage/bijlage.service';
import { ItemCommandService } from './items/item-command.service';
import { ItemEventStore } from './items/item-event-store';
import { ITEMS } from './items/items.wiring';
import { IMPORTEN } from './importen/importen.wiring';
import { ImportService } from './importen/import.service';
import { RAPPEL } from './rappel/rappel.wiring';
import { HERINNERINGEN } from './herinneringen/herinneringen.wiring';
import { KAMER } from './kamer/kamer.wiring';
import { KamerSynchronisatieService } from './kamer/kamer-synchronisatie.service';
import { AGENDA } from './agenda/agenda.wiring';
import { OPENBAAR } from './openbaar/openbaar.wiring';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { ModuleRef } from '@nestjs/core';
import { AppConfig } from '@register/platform';

const AGGREGATES = [ITEMS, HALFJAARBERICHTEN, AUDIT, IMPORTEN, BULKWIJZIGINGEN, RAPPEL, HERINNERINGEN, AGENDA, KAMER, OPENBAAR];

const CONTROLLERS = AGGREGATES.flatMap((a) => a.controllers);
const HANDLERS = AGGREGATES.flatMap((a) => a.handlers);
const SERVICES = AGGREGATES.flatMap((a) => a.services);
const REACTORS = AGGREGATES.flatMap((a) => a.reactors);

/** The register's use cases: commands and queries over HTTP, the command handlers behind them, and the reactors. */
@Module({
  imports: [
    CqrsModule.forRoot(),
    // Only the public side uses it (its controllers name OpenbaarThrottlerGuard): per client (req.ip, so
    // TRUST_PROXY decides; the library counts IPv6 by its /64), per instance, in memory. Two counts:
    // the pages ("default") and the files ("bestanden": the CSV and the dumps, each costing far more
    // than a page); each route is counted in one of them (see OpenbaarBestand).
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        throttlers: [
          { name: 'default', ttl: 60_000, limit: config.get('OPENBAAR_PER_MINUUT', { infer: true }) },
          { name: 'bestanden', ttl: 60_000, limit: config.get('OPENBAAR_BESTANDEN_PER_MINUUT', { infer: true }) },
        ],
        // One count per client over all the pages (the library's default key is per route).
        generateKey: (_context, client, naam) => `openbaar:${naam}:${client}`,
        errorMessage: 'Te veel verzoeken vanaf dit adres. Wacht even en probeer het dan opnieuw.',
      }),
    }),
  ],
  controllers: CONTROLLERS,
  providers: [...HANDLERS, ...SERVICES, ...REACTORS],
  exports: [ItemCommandService, ItemEventStore, BijlageService, HalfjaarberichtService, ImportService, KamerSynchronisatieService],
})
export class ApplicationModule implements OnModuleInit {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Reactors need the write path, so they join the runner here rather than where the runner is made. */
  onModuleInit(): void {
    for (const reactor of REACTORS) this.runner.addReactor(this.moduleRef.get<Reactor>(reactor));
  }
}
