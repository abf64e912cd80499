import { Wiring } from '../wiring';
import { RappelHttpController } from './rappel.http.controller';
import { RappelService } from './rappel.service';

/** The Eerste Kamer's half-yearly rappel: the lists per bewindspersoon, as JSON and as files. */
export const RAPPEL: Wiring = {
  controllers: [RappelHttpController],
  handlers: [],
  services: [RappelService],
  reactors: [],
};
