import { ConflictException, Inject, Injectable, NotImplementedException, OnModuleDestroy } from '@nestjs/common';
import { Anker, EVENT_STORE, EventStore, SqliteEventStore, VerificationReport } from '@register/event-store';
import { Clock, startWerker } from '@register/platform';
import { extname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';

export type VerificatieStatus = 'bezig' | 'klaar' | 'mislukt';

export interface VerificatieStand {
  readonly status: VerificatieStatus;
  readonly gestartOp: string;
  readonly gestartDoor: string;
  readonly klaarOp?: string;
  readonly voortgang: { readonly events: number; readonly totaal: number };
  /** The anchor it checks against, if one was given. */
  readonly tegen?: Anker;
  /** When done: the report, and whether everything (and the anchor, if one was given) held. */
  readonly rapport?: VerificationReport & { readonly intact: boolean };
  readonly fout?: string;
}

/**
 * The verification of the whole log as a background job: it reads every event, which at a million
 * takes minutes, so on the embedded store it runs on a worker thread with its own read-only
 * connection and the server keeps answering meanwhile; on KurrentDB the store's own asynchronous
 * verify reads the log over the network in this process, yielding between batches. One job at a time; the last result is kept until the next one starts.
 */
@Injectable()
export class VerificatieJob implements OnModuleDestroy {
  private stand?: VerificatieStand;
  private werker?: Worker;
  /** Counts the in-process verifications started: a late answer of an older one changes nothing. */
  private generatie = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  /** Starts a verification, or answers the one still running. */
  start(door: string, anker?: Anker): VerificatieStand {
    if (this.stand?.status === 'bezig') {
      // The same question gets the running answer; another anchor would silently not be checked.
      if (JSON.stringify(this.stand.tegen ?? null) !== JSON.stringify(anker ?? null)) {
        throw new ConflictException('Er loopt al een controle met een ander anker (of zonder). Wacht tot die klaar is en start dan de uwe.');
      }
      return this.stand;
    }
    const opWerker = this.store instanceof SqliteEventStore && this.store.file !== ':memory:';
    // KurrentDB: the store reads the log over the network and checks it in this process (see its verify).
    const inProces = !(this.store instanceof SqliteEventStore) && this.store.verify !== undefined;
    if (!opWerker && !inProces) {
      throw new NotImplementedException(`De event store ${this.store.name} houdt (nog) geen hashketen bij.`);
    }
    const gestartOp = this.clock.now().toISOString();
    this.stand = { status: 'bezig', gestartOp, gestartDoor: door, voortgang: { events: 0, totaal: 0 }, ...(anker ? { tegen: anker } : {}) };
    if (inProces) return this.inProces(anker);
    const werker = startWerker(join(__dirname, `verificatie.worker${extname(__filename)}`), { bestand: (this.store as SqliteEventStore).file, anker });
    this.werker = werker;
    const zet = (stand: VerificatieStand) => {
      if (this.werker === werker) this.stand = stand;
    };
    werker.on('message', (bericht: { voortgang?: VerificatieStand['voortgang']; rapport?: VerificationReport }) => {
      const huidig = this.stand!;
      if (bericht.voortgang) zet({ ...huidig, voortgang: bericht.voortgang });
      if (bericht.rapport) zet(this.klaar(huidig, bericht.rapport));
    });
    werker.on('error', (error) => zet({ ...this.stand!, status: 'mislukt', klaarOp: this.clock.now().toISOString(), fout: `De verificatie is afgebroken: ${error.message}` }));
    werker.on('exit', () => {
      if (this.stand?.status === 'bezig') zet({ ...this.stand, status: 'mislukt', klaarOp: this.clock.now().toISOString(), fout: 'De verificatie stopte zonder uitkomst.' });
      if (this.werker === werker) this.werker = undefined;
    });
    return this.stand;
  }

  /** A store that verifies itself asynchronously (KurrentDB): in this process, the job's state as the worker's. */
  private inProces(anker?: Anker): VerificatieStand {
    const stand = this.stand!;
    const deze = ++this.generatie;
    const zet = (nieuw: VerificatieStand) => {
      if (this.generatie === deze) this.stand = nieuw;
    };
    void (async () => {
      try {
        const rapport = await this.store.verify!((events, totaal) => zet({ ...this.stand!, voortgang: { events, totaal } }), anker);
        zet(this.klaar(this.stand!, rapport));
      } catch (error) {
        zet({ ...this.stand!, status: 'mislukt', klaarOp: this.clock.now().toISOString(), fout: `De verificatie is afgebroken: ${error instanceof Error ? error.message : String(error)}` });
      }
    })();
    return stand;
  }

  private klaar(huidig: VerificatieStand, rapport: VerificationReport): VerificatieStand {
    const intact = rapport.problemen.length === 0 && (rapport.anker?.voortgezet ?? true);
    return { ...huidig, status: 'klaar', klaarOp: this.clock.now().toISOString(), voortgang: { events: rapport.events, totaal: rapport.events }, rapport: { ...rapport, intact } };
  }

  /** The running or last verification; undefined when none ran since the server started. */
  huidige(): VerificatieStand | undefined {
    return this.stand;
  }

  /** A verification still running when the server stops is abandoned; it changed nothing. */
  async onModuleDestroy(): Promise<void> {
    this.generatie++;
    await this.werker?.terminate();
  }
}
