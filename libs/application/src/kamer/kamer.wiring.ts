import { Wiring } from '../wiring';
import { SynchroniseerKamerHandler } from './kamer.commands';
import { KamerSynchronisatieService } from './kamer-synchronisatie.service';

/** The link with the Tweede Kamer's open data: its Toezeggingen as proposals in the import inbox. */
export const KAMER: Wiring = {
  controllers: [],
  handlers: [SynchroniseerKamerHandler],
  services: [KamerSynchronisatieService],
  reactors: [],
};
