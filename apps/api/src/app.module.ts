import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { InfrastructureModule, RegisterModule } from '@register/register';
import { HealthController } from './health/health.controller';

@Module({
  imports: [InfrastructureModule.forRoot({ liveProjections: true }), RegisterModule, TerminusModule],
  controllers: [HealthController],
})
export class AppModule {}
