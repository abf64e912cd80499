import { Command } from '@nestjs/cqrs';
import { CommandMetadata } from '../command-metadata';
import { HerinneringenOpties, HerinneringenResultaat } from './herinneringen.service';

/**
 * Sends the reminders due on `datum` (see HerinneringenService): sent alike by the daily schedule
 * and the CLI's `herinneringen-versturen`.
 */
export class VerstuurHerinneringenCommand extends Command<HerinneringenResultaat> {
  constructor(
    readonly datum: string,
    readonly meta: CommandMetadata,
    readonly opties: HerinneringenOpties = {},
  ) {
    super();
  }
}
