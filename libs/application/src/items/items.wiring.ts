import { Wiring } from '../wiring';
import { CorrigeerRegistratieHttpController } from './commands/corrigeer-registratie/corrigeer-registratie.http.controller';
import { DoeAfHttpController } from './commands/doe-af/doe-af.http.controller';
import { DoeDeelsAfHttpController } from './commands/doe-deels-af/doe-deels-af.http.controller';
import { DraagOverHttpController } from './commands/draag-over/draag-over.http.controller';
import { HeropenHttpController } from './commands/heropen/heropen.http.controller';
import { KoppelHttpController } from './commands/koppel/koppel.http.controller';
import { LaatVervallenHttpController } from './commands/laat-vervallen/laat-vervallen.http.controller';
import { RapporteerVoortgangHttpController } from './commands/rapporteer-voortgang/rapporteer-voortgang.http.controller';
import { RegistreerMotieHttpController } from './commands/registreer-motie/registreer-motie.http.controller';
import { RegistreerToezeggingHttpController } from './commands/registreer-toezegging/registreer-toezegging.http.controller';
import { WijsBehandelaarToeHttpController } from './commands/wijs-behandelaar-toe/wijs-behandelaar-toe.http.controller';
import { WijzigTermijnHttpController } from './commands/wijzig-termijn/wijzig-termijn.http.controller';
import { ItemCommandService } from './item-command.service';
import { ItemEventStore } from './item-event-store';
import { KoppelItemHandler, RegistreerItemHandler, WijzigItemHandler } from './item.handlers';
import { NummerRegister } from './nummer-register';
import { HaalItemHttpController } from './queries/haal-item/haal-item.http.controller';
import { LijstItemsHttpController } from './queries/lijst-items/lijst-items.http.controller';
import { OverzichtHttpController } from './queries/overzicht/overzicht.http.controller';
import { OverzichtService } from './queries/overzicht/overzicht.service';
import { RegisterReadService } from './queries/register-read.service';
import { SuggestiesHttpController } from './queries/suggesties/suggesties.http.controller';

/** Moties and toezeggingen: registering and changing them, and the register's queries. */
export const ITEMS: Wiring = {
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
    WijsBehandelaarToeHttpController,
    LijstItemsHttpController,
    OverzichtHttpController,
    HaalItemHttpController,
    SuggestiesHttpController,
  ],
  handlers: [RegistreerItemHandler, WijzigItemHandler, KoppelItemHandler],
  services: [ItemEventStore, NummerRegister, ItemCommandService, RegisterReadService, OverzichtService],
  reactors: [],
};
