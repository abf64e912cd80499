import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { InfrastructureModule, RegisterModule } from '@register/register';
import { HealthController } from './health/health.controller';

/** Built per call, so that configuration is read from the environment when the app is created. */
@Module({})
export class AppModule {
  static forRoot(): DynamicModule {
    return {
      module: AppModule,
      imports: [InfrastructureModule.forRoot({ liveProjections: true }), RegisterModule, TerminusModule],
      controllers: [HealthController],
    };
  }
}
