import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { VerstuurHerinneringenCommand } from './herinneringen.commands';
import { HerinneringenResultaat, HerinneringenService } from './herinneringen.service';

@CommandHandler(VerstuurHerinneringenCommand)
export class VerstuurHerinneringenHandler implements ICommandHandler<VerstuurHerinneringenCommand, HerinneringenResultaat> {
  constructor(private readonly herinneringen: HerinneringenService) {}

  execute({ datum, meta, opties }: VerstuurHerinneringenCommand): Promise<HerinneringenResultaat> {
    return this.herinneringen.verstuur(datum, meta, opties);
  }
}
