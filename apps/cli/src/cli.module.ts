import { DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from '@register/access';
import { InfrastructureModule, ApplicationModule } from '@register/application';
import { GebruikerIntrekkenCommand, GebruikerToevoegenCommand, GebruikersCommand, TokenMakenCommand } from './gebruikers.command';
import { HistorieCommand, VerifierenCommand } from './audit.command';
import { BijlageCommand } from './bijlage.command';
import { BijlageLezenCommand } from './bijlage-lezen.command';
import { ControlerenCommand } from './controleren.command';
import { ExporterenCommand, ImporterenCommand } from './export.command';
import { DemoLadenCommand } from './demo/demo-laden.command';
import { BijwerkenCommand, HerbouwenCommand } from './herbouwen.command';
import { ImporterenBijlageCommand } from './importeren-bijlage.command';
import { HerinneringenVersturenCommand } from './herinneringen-versturen.command';
import { KamerSynchroniserenCommand } from './kamer-synchroniseren.command';

@Module({})
export class CliModule {
  static forRoot(): DynamicModule {
    return {
      module: CliModule,
      imports: [InfrastructureModule.forRoot({ liveProjections: false }), AccessModule, ApplicationModule],
      providers: [ControlerenCommand, ExporterenCommand, ImporterenCommand, VerifierenCommand, HistorieCommand, BijlageCommand, BijlageLezenCommand, HerbouwenCommand, BijwerkenCommand, DemoLadenCommand, ImporterenBijlageCommand, HerinneringenVersturenCommand, KamerSynchroniserenCommand, GebruikerToevoegenCommand, GebruikerIntrekkenCommand, TokenMakenCommand, GebruikersCommand],
    };
  }
}
