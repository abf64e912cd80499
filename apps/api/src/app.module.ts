import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TerminusModule } from '@nestjs/terminus';
import { AccessModule } from '@register/access';
import { HerinneringenJob, IdempotencyInterceptor, InfrastructureModule, ApplicationModule, KamerSynchronisatieJob } from '@register/application';
import { GebruikersHttpController } from './beheer/gebruikers.http.controller';
import { HerbouwenHttpController } from './beheer/herbouwen.http.controller';
import { HerinneringenVerzendingHttpController } from './beheer/herinneringen-verzending.http.controller';
import { KamerKoppelingHttpController } from './beheer/kamer-koppeling.http.controller';
import { HealthController } from './health/health.controller';

/** Built per call, so that configuration is read from the environment when the app is created. */
@Module({})
export class AppModule {
  static forRoot(): DynamicModule {
    return {
      module: AppModule,
      imports: [InfrastructureModule.forRoot({ liveProjections: true, leesgeheugenMB: 2048 }), AccessModule, ApplicationModule, TerminusModule, ScheduleModule.forRoot()],
      controllers: [HealthController, GebruikersHttpController, HerbouwenHttpController, HerinneringenVerzendingHttpController, KamerKoppelingHttpController],
      providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }, HerinneringenJob, KamerSynchronisatieJob],
    };
  }
}
