import { Wiring } from '../wiring';
import { VerstuurHerinneringenHandler } from './herinneringen.handlers';
import { HerinneringenHttpController } from './herinneringen.http.controller';
import { HerinneringenService } from './herinneringen.service';

/** Reminder mails to owners and bewindspersonen's offices, and who was told what; the schedule is the server's (HerinneringenJob). */
export const HERINNERINGEN: Wiring = {
  controllers: [HerinneringenHttpController],
  handlers: [VerstuurHerinneringenHandler],
  services: [HerinneringenService],
  reactors: [],
};
