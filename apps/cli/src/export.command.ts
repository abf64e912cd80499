import { Inject } from '@nestjs/common';
import { EVENT_STORE, EventStore, NewEvent, SqliteEventStore, START, eventHash, GENESIS } from '@register/event-store';
import { Command, CommandRunner, Option } from 'nest-commander';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** One exported event per line, in global order, with its hash: a backup and the way to move stores. */
export interface ExportRegel {
  positie: string;
  stream: string;
  revisie: number;
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  hash: string;
}

@Command({
  name: 'exporteren',
  description: 'Schrijft het hele eventlog als NDJSON in globale volgorde, met per event de hash uit de keten (vanaf een positie als --vanaf gegeven is).',
})
export class ExporterenCommand extends CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run(_: string[], opties: { vanaf?: bigint; uit?: string }): Promise<void> {
    const uit: NodeJS.WritableStream = opties.uit ? createWriteStream(opties.uit) : process.stdout;
    const vorige = new Map<string, string>();
    let aantal = 0;
    for await (const batch of this.store.readAll(opties.vanaf ?? START, 5000)) {
      for (const e of batch) {
        // The chain is recomputed while exporting, so the file carries hashes an importer can check.
        const hash = eventHash(vorige.get(e.stream) ?? GENESIS, { stream: e.stream, revision: e.revision, eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata });
        vorige.set(e.stream, hash);
        const regel: ExportRegel = { positie: e.position.toString(), stream: e.stream, revisie: e.revision, eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata as unknown as Record<string, unknown>, hash };
        if (!uit.write(`${JSON.stringify(regel)}\n`)) await new Promise<void>((r) => uit.once('drain', () => r()));
        aantal++;
      }
      process.stderr.write(`\r${aantal.toLocaleString('nl-NL')} events geëxporteerd`);
    }
    process.stderr.write('\n');
    if (opties.uit) await new Promise<void>((r) => uit.end(() => r()));
  }

  @Option({ flags: '--vanaf <positie>', description: 'alleen events na deze globale positie' })
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
  description: 'Leest een export (NDJSON) in een lege event store, in dezelfde volgorde, en controleert onderweg elke hash. Daarna: herbouwen en verifieren.',
})
export class ImporterenCommand extends CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run([bestand]: string[]): Promise<void> {
    if ((await this.store.headPosition()) >= 0n) throw new Error('De event store is niet leeg; importeren kan alleen in een lege store.');
    const vorige = new Map<string, { hash: string; revisie: number }>();
    let batch: { stream: string; events: NewEvent[]; expected: number | 'no-stream' }[] = [];
    let aantal = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      if (this.store instanceof SqliteEventStore) this.store.appendMany(batch);
      else for (const b of batch) await this.store.appendToStream(b.stream, b.events, b.expected);
      batch = [];
      process.stderr.write(`\r${aantal.toLocaleString('nl-NL')} events geïmporteerd`);
    };
    for await (const line of createInterface({ input: createReadStream(bestand), crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as ExportRegel;
      const eerder = vorige.get(r.stream);
      const verwacht = eerder ? eerder.revisie + 1 : 0;
      if (r.revisie !== verwacht) throw new Error(`Regel ${aantal + 1}: ${r.stream} springt van revisie ${verwacht - 1} naar ${r.revisie}; de export is onvolledig.`);
      const hash = eventHash(eerder?.hash ?? GENESIS, { stream: r.stream, revision: r.revisie, eventId: r.eventId, type: r.type, data: r.data, metadata: r.metadata });
      if (hash !== r.hash) throw new Error(`Regel ${aantal + 1}: ${r.stream} revisie ${r.revisie} past niet bij zijn hash; de export is gewijzigd.`);
      vorige.set(r.stream, { hash, revisie: r.revisie });
      batch.push({ stream: r.stream, events: [{ eventId: r.eventId, type: r.type, data: r.data, metadata: r.metadata as never }], expected: r.revisie === 0 ? 'no-stream' : r.revisie - 1 });
      aantal++;
      if (batch.length >= 2000) await flush();
    }
    await flush();
    process.stderr.write('\n');
    process.stdout.write(`${aantal.toLocaleString('nl-NL')} events geïmporteerd in ${vorige.size.toLocaleString('nl-NL')} streams. Bouw nu de leesmodellen: herbouwen.\n`);
  }
}
