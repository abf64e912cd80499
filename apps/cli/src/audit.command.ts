import { EVENT_STORE, EventStore } from '@register/event-store';
import { ItemEventStore, historieRegel } from '@register/register';
import { Inject } from '@nestjs/common';
import { Command, CommandRunner } from 'nest-commander';

@Command({
  name: 'verifieren',
  description: 'Controleert de hashketen van elke stream en noemt per beschadigde stream de eerste revisie waar die breekt. Eindigt met code 1 als er iets is gewijzigd of verwijderd.',
})
export class VerifierenCommand extends CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run(): Promise<void> {
    if (!this.store.verify) throw new Error(`De event store ${this.store.name} houdt geen hashketen bij.`);
    const rapport = this.store.verify((n) => process.stderr.write(`\r${n.toLocaleString('nl-NL')} events gecontroleerd`));
    process.stderr.write('\n');
    if (rapport.problemen.length === 0) {
      process.stdout.write(`In orde: ${rapport.events.toLocaleString('nl-NL')} events in ${rapport.streams.toLocaleString('nl-NL')} streams, elke hashketen sluit.\n`);
      return;
    }
    for (const p of rapport.problemen) process.stdout.write(`BESCHADIGD ${p.stream} revisie ${p.revision}: ${p.reden}\n`);
    process.exitCode = 1;
  }
}

@Command({ name: 'historie', arguments: '<itemId>', description: 'Toont elk event van een item: zakelijke datum, moment van vastleggen, wie, en wat er veranderde.' })
export class HistorieCommand extends CommandRunner {
  constructor(private readonly items: ItemEventStore) {
    super();
  }

  async run([itemId]: string[]): Promise<void> {
    const item = await this.items.load(itemId);
    if (!item) throw new Error(`Er is geen motie of toezegging ${itemId}.`);
    for (const r of item.events.map(historieRegel)) {
      process.stdout.write(`${String(r.revisie).padStart(3)}  ${r.datum ?? '          '}  vastgelegd ${r.vastgelegdOp}  door ${r.door}\n     ${r.samenvatting}\n`);
      for (const w of r.wijzigingen ?? []) process.stdout.write(`     ${w.veld}: ${w.oud} → ${w.nieuw}\n`);
    }
  }
}
