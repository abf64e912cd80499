import { Wiring } from '../wiring';
import { SynchroniseerKamerHandler } from './kamer.commands';
import { KamerSynchronisatieService } from './kamer-synchronisatie.service';
import { KamerVerschillenService } from './kamer-verschillen.service';
import { KamerHttpController } from './kamer.http.controller';

/** The link with the Tweede Kamer's open data: its Toezeggingen as proposals in the import inbox. */
export const KAMER: Wiring = {
  controllers: [KamerHttpController],
  handlers: [SynchroniseerKamerHandler],
  services: [KamerSynchronisatieService, KamerVerschillenService],
  reactors: [],
};
