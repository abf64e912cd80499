import { Inject } from '@nestjs/common';
import {
  Anker,
  ChainedEvent,
  EVENT_STORE,
  EventStore,
  GENESIS,
  Ketencontrole,
  NewEvent,
  SqliteEventStore,
  START,
  VerificationProblem,
  ankerTekst,
  eventHash,
  leesAnker,
  logLink,
} from '@register/event-store';
import { Command, CommandRunner, Option } from 'nest-commander';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** One exported event per line, in global order, with its stored hashes: a backup and the way to move stores. */
export interface ExportRegel {
  positie: string;
  stream: string;
  revisie: number;
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  /** The event's hash in its stream's chain. */
  hash: string;
  /** Its link in the log chain; absent in exports made before the log chain existed. */
  keten?: string;
}

function beschadigd(p: VerificationProblem): string {
  return `${p.stream} revisie ${p.revision}${p.positie ? ` (positie ${p.positie})` : ''}: ${p.reden}`;
}

@Command({
  name: 'exporteren',
  description:
    'Schrijft het hele eventlog als NDJSON in globale volgorde, met per event de opgeslagen hash en schakel van de logketen. ' +
    'Controleert beide ketens onderweg en weigert (code 1, geen bestand) bij de eerste breuk.',
})
export class ExporterenCommand extends CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run(_: string[], opties: { vanaf?: bigint; uit?: string }): Promise<void> {
    if (this.store instanceof SqliteEventStore && this.store.logketenAangelegd) {
      // The chain was laid over these events a moment ago: exporting it would vouch for what nobody checked.
      process.stderr.write(
        `Export geweigerd: de logketen ontbrak en is bij deze opening aangelegd over ${this.store.logketenAangelegd.toLocaleString('nl-NL')} events. ` +
          'Controleer het log eerst (verifieren, met --tegen als er een anker van daarvóór is) en exporteer daarna opnieuw.\n',
      );
      process.exitCode = 1;
      return;
    }
    // Into a file beside the target, renamed only when the whole log checked out: a refused
    // export leaves no file that looks like a backup.
    const deel = opties.uit ? `${opties.uit}.deel` : undefined;
    const uit: NodeJS.WritableStream = deel ? createWriteStream(deel) : process.stdout;
    const controle = new Ketencontrole();
    let aantal = 0;
    let probleem: VerificationProblem | undefined;
    const moment = this.store instanceof SqliteEventStore ? this.store.momentopname() : undefined;
    try {
      for await (const batch of this.events(moment)) {
        for (const e of batch) {
          probleem = controle.controleer(e);
          if (probleem) break;
          if (opties.vanaf !== undefined && BigInt(e.positie) <= opties.vanaf) continue;
          const regel: ExportRegel = { positie: e.positie, stream: e.stream, revisie: e.revisie, eventId: e.eventId, type: e.type, data: e.data as Record<string, unknown>, metadata: e.metadata as Record<string, unknown>, hash: e.hash!, keten: e.keten! };
          if (!uit.write(`${JSON.stringify(regel)}\n`)) await new Promise<void>((r) => uit.once('drain', () => r()));
          aantal++;
        }
        if (probleem) break;
        process.stderr.write(`\r${aantal.toLocaleString('nl-NL')} events geëxporteerd`);
      }
      process.stderr.write('\n');
      const rapport = controle.rapport(moment?.streamRevisies());
      probleem ??= rapport.problemen[0];
      if (deel) await new Promise<void>((r) => uit.end(() => r()));
      if (probleem) {
        process.stderr.write(`Export geweigerd: het log is beschadigd bij ${beschadigd(probleem)}. Controleer het met verifieren.\n`);
        if (deel) rmSync(deel, { force: true });
        process.exitCode = 1;
        return;
      }
      if (deel && opties.uit) renameSync(deel, opties.uit);
      if (rapport.kop) process.stderr.write(`Anker van deze export (bewaar het buiten het register): ${ankerTekst(rapport.kop)}\n`);
    } catch (error) {
      if (deel) rmSync(deel, { force: true });
      throw error;
    } finally {
      moment?.sluit();
    }
  }

  /**
   * The embedded store gives its stored hashes, which are checked, never recomputed: a recomputed
   * chain would launder an edit. Another store (KurrentDB) keeps none; its chain is made here.
   */
  private async *events(moment?: { batch(after: bigint, batchSize: number): ChainedEvent[] }): AsyncIterable<ChainedEvent[]> {
    const store = this.store;
    if (moment) {
      for (let after = START; ; ) {
        const batch = moment.batch(after, 5000);
        if (batch.length === 0) return;
        yield batch;
        after = BigInt(batch[batch.length - 1].positie);
      }
    }
    process.stderr.write(`De event store ${store.name} houdt geen hashketen bij: de hashes in de export worden nu berekend.\n`);
    const vorige = new Map<string, string>();
    let link = GENESIS;
    for await (const batch of store.readAll(START, 5000)) {
      yield batch.map((e) => {
        const hash = eventHash(vorige.get(e.stream) ?? GENESIS, { stream: e.stream, revision: e.revision, eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata });
        vorige.set(e.stream, hash);
        link = logLink(link, hash);
        return { positie: e.position.toString(), stream: e.stream, revisie: e.revision, eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata, hash, keten: link };
      });
    }
  }

  @Option({ flags: '--vanaf <positie>', description: 'alleen events na deze globale positie (de ketens worden toch vanaf het begin gecontroleerd)' })
  vanaf(value: string): bigint {
    if (!/^\d+$/.test(value)) throw new Error('--vanaf moet een positie zijn (een geheel getal).');
    return BigInt(value);
  }

  @Option({ flags: '-o, --uit <bestand>', description: 'schrijf naar dit bestand in plaats van naar stdout' })
  uit(value: string): string {
    return value;
  }
}

@Command({
  name: 'importeren',
  arguments: '<bestand>',
  description:
    'Leest een export (NDJSON) in een lege event store, in dezelfde volgorde. Controleert eerst het hele bestand: elke hash, de logketen ' +
    'en (met --tegen) een anker; bij de eerste breuk wordt niets geïmporteerd. Daarna: herbouwen en verifieren.',
})
export class ImporterenCommand extends CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run([bestand]: string[], opties: { tegen?: Anker; zonderLogketen?: boolean }): Promise<void> {
    if ((await this.store.headPosition()) >= 0n) throw new Error('De event store is niet leeg; importeren kan alleen in een lege store.');
    const kop = await this.controleer(bestand, opties);
    let batch: { stream: string; events: NewEvent[]; expected: number | 'no-stream' }[] = [];
    let aantal = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      if (this.store instanceof SqliteEventStore) this.store.appendMany(batch);
      else for (const b of batch) await this.store.appendToStream(b.stream, b.events, b.expected);
      batch = [];
      process.stderr.write(`\r${aantal.toLocaleString('nl-NL')} events geïmporteerd`);
    };
    const streams = new Set<string>();
    for await (const r of regels(bestand)) {
      streams.add(r.regel.stream);
      batch.push({ stream: r.regel.stream, events: [{ eventId: r.regel.eventId, type: r.regel.type, data: r.regel.data, metadata: r.regel.metadata as never }], expected: r.regel.revisie === 0 ? 'no-stream' : r.regel.revisie - 1 });
      aantal++;
      if (batch.length >= 2000) await flush();
    }
    await flush();
    process.stderr.write('\n');
    // The store made its own chain while appending: it must come out the same as the export's.
    const nieuw = this.store instanceof SqliteEventStore ? this.store.verify().kop : undefined;
    if (kop && nieuw && nieuw.keten !== kop.keten) throw new Error('De logketen van de nieuwe store wijkt af van die van de export. Gooi de nieuwe store weg en meld het.');
    process.stdout.write(`${aantal.toLocaleString('nl-NL')} events geïmporteerd in ${streams.size.toLocaleString('nl-NL')} streams. Bouw nu de leesmodellen: herbouwen.\n`);
    if (nieuw) process.stdout.write(`Anker van de nieuwe store: ${ankerTekst(nieuw)}\n`);
  }

  /** The whole file checked before anything is written: a refused import leaves the store empty. */
  private async controleer(bestand: string, opties: { tegen?: Anker; zonderLogketen?: boolean }): Promise<Anker | undefined> {
    const controle = new Ketencontrole(opties.tegen, opties.zonderLogketen);
    let metKeten: boolean | undefined;
    for await (const { nummer, regel } of regels(bestand)) {
      // An export is made whole by one version: some lines with a link and some without is an edit.
      metKeten ??= regel.keten !== undefined;
      if (metKeten !== (regel.keten !== undefined)) throw new Error(`Regel ${nummer}: een deel van de regels heeft een schakel van de logketen en een deel niet; de export is bewerkt. Er is niets geïmporteerd.`);
      if (!metKeten && !opties.zonderLogketen) {
        throw new Error(
          `Regel ${nummer}: de export heeft geen logketen. Alleen een export van vóór de logketen mag zo zijn; importeer die met --zonder-logketen --tegen <anker> ` +
            '(zonder anker kan niemand zien of de export is herschreven). Er is niets geïmporteerd.',
        );
      }
      const probleem = controle.controleer({ positie: regel.positie, stream: regel.stream, revisie: regel.revisie, eventId: regel.eventId, type: regel.type, data: regel.data, metadata: regel.metadata, hash: regel.hash ?? null, keten: regel.keten ?? null });
      if (probleem) throw new Error(`Regel ${nummer}: ${beschadigd(probleem)}. De export is gewijzigd of onvolledig; er is niets geïmporteerd.`);
    }
    const rapport = controle.rapport();
    if (rapport.anker && !rapport.anker.voortgezet) throw new Error(`De export zet het anker niet voort: ${rapport.anker.reden}. Er is niets geïmporteerd.`);
    if (opties.zonderLogketen && !opties.tegen) {
      process.stderr.write('LET OP: geïmporteerd zonder logketen en zonder anker. De hashes per stream kloppen, maar wie de export kon wijzigen, kon die ook opnieuw berekenen.\n');
    }
    return rapport.kop;
  }

  @Option({ flags: '--tegen <anker>', description: 'weiger een export die dit anker (van verifieren --anker) niet voortzet' })
  tegen(value: string): Anker {
    return leesAnker(value);
  }

  @Option({ flags: '--zonder-logketen', description: 'voor exports van vóór de logketen: controleer alleen de hashes per stream' })
  zonderLogketen(): boolean {
    return true;
  }
}

async function* regels(bestand: string): AsyncIterable<{ nummer: number; regel: ExportRegel }> {
  let nummer = 0;
  for await (const line of createInterface({ input: createReadStream(bestand), crlfDelay: Infinity })) {
    nummer++;
    if (!line.trim()) continue;
    let regel: ExportRegel;
    try {
      regel = JSON.parse(line) as ExportRegel;
    } catch {
      throw new Error(`Regel ${nummer} is geen geldige JSON; de export is beschadigd.`);
    }
    yield { nummer, regel };
  }
}
