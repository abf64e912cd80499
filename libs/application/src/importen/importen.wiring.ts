import { Wiring } from '../wiring';
import { DocumentLezer } from './document-lezer';
import { ImportMatcher } from './import-matcher';
import { ImportReadService } from './import-read.service';
import { ImportService } from './import.service';
import { ImportenHttpController } from './importen.http.controller';

/** The inbox: documents read in, their proposals, and accepting them into the register. */
export const IMPORTEN: Wiring = {
  controllers: [ImportenHttpController],
  handlers: [],
  services: [ImportService, ImportMatcher, ImportReadService, DocumentLezer],
  reactors: [],
};
