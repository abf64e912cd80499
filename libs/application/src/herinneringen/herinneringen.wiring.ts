import { Wiring } from '../wiring';
import { VerstuurHerinneringenHandler } from './herinneringen.handlers';
import { HerinneringenService } from './herinneringen.service';

/** Reminder mails to owners and bewindspersonen's offices; the schedule is the server's (HerinneringenJob). */
export const HERINNERINGEN: Wiring = {
  controllers: [],
  handlers: [VerstuurHerinneringenHandler],
  services: [HerinneringenService],
  reactors: [],
};
