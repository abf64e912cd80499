import { Command } from '@nestjs/cqrs';
import { ItemCommand, Koppel, RegistreerMotie, RegistreerToezegging } from '@register/domain';
import { CommandMetadata, CommandResult } from '../command-metadata';

/*
 * The register's item commands as every way in sends them: the HTTP API, the CLI, an importer, a
 * scheduled job. They carry the domain's own command and who asked, nothing of a transport; the
 * HTTP controllers make them from their request DTOs (`toCommand()`).
 */

/** Registers a new motie or toezegging under the item id in the domain command. */
export class RegistreerItemCommand extends Command<CommandResult> {
  constructor(
    readonly registratie: RegistreerMotie | RegistreerToezegging,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/** Every change of an existing item that needs nothing but the item itself to be decided. */
export type ItemWijziging = Exclude<ItemCommand, RegistreerMotie | RegistreerToezegging | Koppel>;

/**
 * Changes an existing item. With `verwachteRevisie` the change is refused (409) when the item moved
 * on since the client read it; without, a conflicting write is decided again on fresh state.
 */
export class WijzigItemCommand extends Command<CommandResult> {
  constructor(
    readonly itemId: string,
    readonly wijziging: ItemWijziging,
    readonly meta: CommandMetadata,
    readonly verwachteRevisie?: number,
  ) {
    super();
  }
}

/** Links an item to another one by id; the other item's number is looked up when it is decided. */
export class KoppelItemCommand extends Command<CommandResult> {
  constructor(
    readonly itemId: string,
    readonly koppeling: Pick<Koppel, 'datum' | 'relatie' | 'doelItemId'>,
    readonly meta: CommandMetadata,
    readonly verwachteRevisie?: number,
  ) {
    super();
  }
}
