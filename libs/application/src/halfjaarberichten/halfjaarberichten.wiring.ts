import { Wiring } from '../wiring';
import { AfdoeningReactor } from './afdoening.reactor';
import { BijlageService } from './bijlage/bijlage.service';
import { HalfjaarberichtOverzichtService } from './halfjaarbericht-overzicht.service';
import { WijzigHalfjaarberichtHandler } from './halfjaarbericht.command';
import { HalfjaarberichtService } from './halfjaarbericht.service';
import { HalfjaarberichtenHttpController } from './halfjaarberichten.http.controller';

/** The half-yearly report: drafting, sending, its annex, and the afdoening it sets off. */
export const HALFJAARBERICHTEN: Wiring = {
  controllers: [HalfjaarberichtenHttpController],
  handlers: [WijzigHalfjaarberichtHandler],
  services: [HalfjaarberichtService, HalfjaarberichtOverzichtService, BijlageService],
  reactors: [AfdoeningReactor],
};
