import { Module } from '@nestjs/common';
import { BijlageLezenCommand } from './bijlage-lezen.command';

/** `bijlage-lezen` alone: no event store, no read models, no data directory — it only reads a file. */
@Module({ providers: [BijlageLezenCommand] })
export class BijlageLezenModule {}
