import { Command } from '@nestjs/cqrs';
import { BulkOpdracht } from '@register/domain';
import { CommandMetadata } from '../command-metadata';
import { BulkHerkomst } from './bulkwijziging-herkomst';
import { BulkResultaat } from './bulkwijziging.resultaat';

/** What carrying out a bulk change answers: its result, and whether it had been finished before this request. */
export interface BulkUitvoering {
  readonly resultaat: BulkResultaat;
  readonly herhaald: boolean;
}

/**
 * Carries out a bulk change (an overdracht, a termijnwijziging): the decision is recorded under the
 * derived id, then every covered item gets the register's own item command, then the outcome.
 * Sent alike by the HTTP API and any other way in.
 */
export class VoerBulkwijzigingUitCommand extends Command<BulkUitvoering> {
  constructor(
    readonly opdracht: BulkOpdracht,
    readonly herkomst: BulkHerkomst,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}
