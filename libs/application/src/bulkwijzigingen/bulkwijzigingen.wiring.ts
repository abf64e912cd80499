import { Wiring } from '../wiring';
import { VoerBulkwijzigingUitHandler } from './bulkwijziging.handlers';
import { BulkwijzigingService } from './bulkwijziging.service';
import { DraagItemsOverHttpController } from './commands/draag-items-over/draag-items-over.http.controller';
import { WijzigTermijnenHttpController } from './commands/wijzig-termijnen/wijzig-termijnen.http.controller';

/** Bulk changes: an overdracht after a cabinet change, a new termijn for a selection; each item by its own command. */
export const BULKWIJZIGINGEN: Wiring = {
  controllers: [DraagItemsOverHttpController, WijzigTermijnenHttpController],
  handlers: [VoerBulkwijzigingUitHandler],
  services: [BulkwijzigingService],
  reactors: [],
};
