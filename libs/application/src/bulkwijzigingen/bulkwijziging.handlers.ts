import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BulkUitvoering, VoerBulkwijzigingUitCommand } from './bulkwijziging.commands';
import { BulkwijzigingService } from './bulkwijziging.service';

@CommandHandler(VoerBulkwijzigingUitCommand)
export class VoerBulkwijzigingUitHandler implements ICommandHandler<VoerBulkwijzigingUitCommand, BulkUitvoering> {
  constructor(private readonly bulk: BulkwijzigingService) {}

  execute({ opdracht, herkomst, meta }: VoerBulkwijzigingUitCommand): Promise<BulkUitvoering> {
    return this.bulk.voerUit(opdracht, herkomst, meta);
  }
}
