import { Module, OnModuleInit } from '@nestjs/common';
import { HistorieHttpController } from './audit/historie.http.controller';
import { VerificatieHttpController } from './audit/verificatie.http.controller';
import { TijdreisHttpController } from './audit/tijdreis.http.controller';
import { TijdreisService } from './audit/tijdreis.service';
import { VerificatieJob } from './audit/verificatie.job';
import { ProjectionRunner } from '@register/read-models';
import { AfdoeningReactor } from './halfjaarberichten/afdoening.reactor';
import { BijlageService } from './halfjaarberichten/bijlage/bijlage.service';
import { WijzigHalfjaarberichtHandler } from './halfjaarberichten/halfjaarbericht.command';
import { HalfjaarberichtOverzichtService } from './halfjaarberichten/halfjaarbericht-overzicht.service';
import { HalfjaarberichtService } from './halfjaarberichten/halfjaarbericht.service';
import { HalfjaarberichtenHttpController } from './halfjaarberichten/halfjaarberichten.http.controller';
import { CqrsModule } from '@nestjs/cqrs';
import { CorrigeerRegistratieHandler } from './commands/corrigeer-registratie/corrigeer-registratie.handler';
import { CorrigeerRegistratieHttpController } from './commands/corrigeer-registratie/corrigeer-registratie.http.controller';
import { DoeAfHandler } from './commands/doe-af/doe-af.handler';
import { DoeAfHttpController } from './commands/doe-af/doe-af.http.controller';
import { DoeDeelsAfHandler } from './commands/doe-deels-af/doe-deels-af.handler';
import { DoeDeelsAfHttpController } from './commands/doe-deels-af/doe-deels-af.http.controller';
import { DraagOverHandler } from './commands/draag-over/draag-over.handler';
import { DraagOverHttpController } from './commands/draag-over/draag-over.http.controller';
import { HeropenHandler } from './commands/heropen/heropen.handler';
import { HeropenHttpController } from './commands/heropen/heropen.http.controller';
import { KoppelHandler } from './commands/koppel/koppel.handler';
import { KoppelHttpController } from './commands/koppel/koppel.http.controller';
import { LaatVervallenHandler } from './commands/laat-vervallen/laat-vervallen.handler';
import { LaatVervallenHttpController } from './commands/laat-vervallen/laat-vervallen.http.controller';
import { RapporteerVoortgangHandler } from './commands/rapporteer-voortgang/rapporteer-voortgang.handler';
import { RapporteerVoortgangHttpController } from './commands/rapporteer-voortgang/rapporteer-voortgang.http.controller';
import { RegistreerMotieHandler } from './commands/registreer-motie/registreer-motie.handler';
import { RegistreerMotieHttpController } from './commands/registreer-motie/registreer-motie.http.controller';
import { RegistreerToezeggingHandler } from './commands/registreer-toezegging/registreer-toezegging.handler';
import { RegistreerToezeggingHttpController } from './commands/registreer-toezegging/registreer-toezegging.http.controller';
import { WijzigTermijnHandler } from './commands/wijzig-termijn/wijzig-termijn.handler';
import { WijzigTermijnHttpController } from './commands/wijzig-termijn/wijzig-termijn.http.controller';
import { ItemCommandService } from './items/item-command.service';
import { ItemEventStore } from './items/item-event-store';
import { NummerRegister } from './items/nummer-register';
import { HaalItemHttpController } from './queries/haal-item/haal-item.http.controller';
import { LijstItemsHttpController } from './queries/lijst-items/lijst-items.http.controller';
import { OverzichtHttpController } from './queries/overzicht/overzicht.http.controller';
import { RegisterReadService } from './queries/register-read.service';

const HANDLERS = [
  RegistreerMotieHandler,
  RegistreerToezeggingHandler,
  CorrigeerRegistratieHandler,
  WijzigTermijnHandler,
  RapporteerVoortgangHandler,
  DoeAfHandler,
  DoeDeelsAfHandler,
  HeropenHandler,
  DraagOverHandler,
  KoppelHandler,
  LaatVervallenHandler,
  WijzigHalfjaarberichtHandler,
];

/** The register of moties and toezeggingen: its commands over HTTP and its queries. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [
    RegistreerMotieHttpController,
    RegistreerToezeggingHttpController,
    CorrigeerRegistratieHttpController,
    WijzigTermijnHttpController,
    RapporteerVoortgangHttpController,
    DoeAfHttpController,
    DoeDeelsAfHttpController,
    HeropenHttpController,
    DraagOverHttpController,
    KoppelHttpController,
    LaatVervallenHttpController,
    LijstItemsHttpController,
    OverzichtHttpController,
    HaalItemHttpController,
    HalfjaarberichtenHttpController,
    HistorieHttpController,
    VerificatieHttpController,
    TijdreisHttpController,
  ],
  providers: [...HANDLERS, ItemEventStore, NummerRegister, ItemCommandService, RegisterReadService, HalfjaarberichtService, HalfjaarberichtOverzichtService, BijlageService, AfdoeningReactor, TijdreisService, VerificatieJob],
  exports: [ItemCommandService, ItemEventStore, BijlageService, HalfjaarberichtService],
})
export class RegisterModule implements OnModuleInit {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly reactor: AfdoeningReactor,
  ) {}

  /** The reactor needs the write path, so it joins the runner here rather than where the runner is made. */
  onModuleInit(): void {
    this.runner.addReactor(this.reactor);
  }
}
