import { Wiring } from '../wiring';
import { OpenbaarAdressen } from './openbaar-adressen';
import { OpenbaarCache } from './openbaar-cache';
import { OpenbaarDataHttpController } from './openbaar-data.http.controller';
import { OpenbaarDumpService } from './openbaar-dump.service';
import { OpenbaarPaginasHttpController } from './openbaar-paginas.http.controller';
import { OpenbaarAanGuard } from './openbaar.guard';
import { OpenbareBestanden } from './openbare-bestanden';
import { OpenbaarService } from './openbaar.service';

/** The public side: a read-only site and open data under /openbaar/, on with OPENBAAR=aan. */
export const OPENBAAR: Wiring = {
  controllers: [OpenbaarPaginasHttpController, OpenbaarDataHttpController],
  handlers: [],
  services: [OpenbaarService, OpenbaarAdressen, OpenbaarCache, OpenbaarDumpService, OpenbaarAanGuard, OpenbareBestanden],
  reactors: [],
};
