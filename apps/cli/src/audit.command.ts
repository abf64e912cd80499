import { Anker, EVENT_STORE, EventStore, SqliteEventStore, ankerTekst, leesAnker } from '@register/event-store';
import { ItemEventStore, historieRegel } from '@register/application';
import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';

@Command({
  name: 'verifieren',
  description:
    'Controleert de hashketen van elke stream en de logketen over het hele log, en noemt per beschadigde stream de eerste revisie waar die breekt. ' +
    'Eindigt met code 1 als er iets is gewijzigd of verwijderd. Met --anker: drukt daarna het anker af om buiten het register te bewaren; ' +
    'met --tegen <anker>: bewijst dat het log dat anker nog voortzet (ook als de aanvaller alle hashes opnieuw heeft berekend).',
})
export class VerifierenCommand extends CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run(_: string[], opties: { anker?: boolean; tegen?: Anker }): Promise<void> {
    if (!this.store.verify) throw new Error(`De event store ${this.store.name} houdt geen hashketen bij.`);
    const vers = this.store instanceof SqliteEventStore ? this.store.logketenAangelegd : undefined;
    const rapport = await this.store.verify((n, totaal) => process.stderr.write(`\r${n.toLocaleString('nl-NL')} van ${totaal.toLocaleString('nl-NL')} events gecontroleerd`), opties.tegen);
    process.stderr.write('\n');
    for (const p of rapport.problemen) process.stdout.write(`BESCHADIGD ${p.stream} revisie ${p.revision}${p.positie ? ` (positie ${p.positie})` : ''}: ${p.reden}\n`);
    if (rapport.anker) {
      process.stdout.write(rapport.anker.voortgezet ? `Het log zet het anker voort (${rapport.anker.anker.aantal.toLocaleString('nl-NL')} events tot positie ${rapport.anker.anker.positie}).\n` : `ANKER NIET VOORTGEZET: ${rapport.anker.reden}.\n`);
    }
    if (vers && !opties.tegen) {
      process.stdout.write(
        `LET OP: de logketen ontbrak en is bij deze opening aangelegd over ${vers.toLocaleString('nl-NL')} events. Deze controle kan dus niet zien of die events eerder zijn gewijzigd; ` +
          'dat kan alleen een anker van daarvóór (--tegen). Een volgende controle controleert de keten weer gewoon.\n',
      );
    }
    // A chain laid just now proves nothing about the past, unless an anchor from before confirms it.
    const intact = rapport.problemen.length === 0 && (rapport.anker?.voortgezet ?? !vers);
    if (intact) process.stdout.write(`In orde: ${rapport.events.toLocaleString('nl-NL')} events in ${rapport.streams.toLocaleString('nl-NL')} streams, elke hashketen en de logketen sluiten.\n`);
    if (opties.anker && intact && rapport.kop) process.stdout.write(`${ankerTekst(rapport.kop)}\n`);
    if (!intact) process.exitCode = 1;
  }

  @Option({ flags: '--anker', description: 'druk na de controle het anker af (kop van de logketen: positie, aantal events, hash) om elders te bewaren' })
  anker(): boolean {
    return true;
  }

  @Option({ flags: '--tegen <anker>', description: 'controleer ook dat het log dit eerder bewaarde anker (mtr-anker:1:…) nog voortzet' })
  tegen(value: string): Anker {
    return leesAnker(value);
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
