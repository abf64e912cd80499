import { Wiring } from '../wiring';
import { HistorieHttpController } from './historie.http.controller';
import { TijdreisHttpController } from './tijdreis.http.controller';
import { TijdreisService } from './tijdreis.service';
import { VerificatieHttpController } from './verificatie.http.controller';
import { VerificatieJob } from './verificatie.job';

/** The auditors' tools: history, the register as it was, and verification of the chains. */
export const AUDIT: Wiring = {
  controllers: [HistorieHttpController, VerificatieHttpController, TijdreisHttpController],
  handlers: [],
  services: [TijdreisService, VerificatieJob],
  reactors: [],
};
