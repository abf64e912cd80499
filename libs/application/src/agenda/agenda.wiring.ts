import { Wiring } from '../wiring';
import { AgendaAbonnementenHttpController } from './agenda-abonnementen.http.controller';
import { AgendaFeedHttpController } from './agenda-feed.http.controller';
import { AgendaService } from './agenda.service';

/** Calendar feeds of termijnen: subscriptions with a secret address, and the feed behind it. */
export const AGENDA: Wiring = {
  controllers: [AgendaAbonnementenHttpController, AgendaFeedHttpController],
  handlers: [],
  services: [AgendaService],
  reactors: [],
};
