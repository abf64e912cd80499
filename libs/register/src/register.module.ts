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
import { CorrigeerRegistratieHttpController } from './items/commands/corrigeer-registratie/corrigeer-registratie.http.controller';
import { DoeAfHttpController } from './items/commands/doe-af/doe-af.http.controller';
import { DoeDeelsAfHttpController } from './items/commands/doe-deels-af/doe-deels-af.http.controller';
import { DraagOverHttpController } from './items/commands/draag-over/draag-over.http.controller';
import { HeropenHttpController } from './items/commands/heropen/heropen.http.controller';
import { KoppelHttpController } from './items/commands/koppel/koppel.http.controller';
import { LaatVervallenHttpController } from './items/commands/laat-vervallen/laat-vervallen.http.controller';
import { RapporteerVoortgangHttpController } from './items/commands/rapporteer-voortgang/rapporteer-voortgang.http.controller';
import { RegistreerMotieHttpController } from './items/commands/registreer-motie/registreer-motie.http.controller';
import { RegistreerToezeggingHttpController } from './items/commands/registreer-toezegging/registreer-toezegging.http.controller';
import { WijzigTermijnHttpController } from './items/commands/wijzig-termijn/wijzig-termijn.http.controller';
import { ItemCommandService } from './items/item-command.service';
import { ITEM_HANDLERS } from './items/item.handlers';
import { ItemEventStore } from './items/item-event-store';
import { NummerRegister } from './items/nummer-register';
import { HaalItemHttpController } from './items/queries/haal-item/haal-item.http.controller';
import { LijstItemsHttpController } from './items/queries/lijst-items/lijst-items.http.controller';
import { OverzichtHttpController } from './items/queries/overzicht/overzicht.http.controller';
import { RegisterReadService } from './items/queries/register-read.service';

const HANDLERS = [...ITEM_HANDLERS, WijzigHalfjaarberichtHandler];

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
