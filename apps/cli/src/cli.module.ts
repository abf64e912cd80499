import { DynamicModule, Module } from '@nestjs/common';
import { InfrastructureModule, RegisterModule } from '@register/register';
import { DemoLadenCommand } from './demo/demo-laden.command';
import { BijwerkenCommand, HerbouwenCommand } from './herbouwen.command';

@Module({})
export class CliModule {
  static forRoot(): DynamicModule {
    return {
      module: CliModule,
      imports: [InfrastructureModule.forRoot({ liveProjections: false }), RegisterModule],
      providers: [HerbouwenCommand, BijwerkenCommand, DemoLadenCommand],
    };
  }
}
