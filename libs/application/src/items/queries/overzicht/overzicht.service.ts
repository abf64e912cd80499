import { Injectable, OnModuleDestroy, ServiceUnavailableException } from '@nestjs/common';
import { OpenPerMaand, RegisterQuery, RegisterTelling, openPerMaand } from '@register/read-models';
import { startWerker } from '@register/platform';
import { extname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import type { OverzichtAntwoord, OverzichtVraag } from './overzicht.worker';

/** Dashboards the worker may have waiting before a new one is refused. */
const MAX_WACHTEND = 32;

/**
 * The liaison's dashboard: the register's counts and the open items per month. On SQLite a worker
 * thread with its own read-only connection computes them, so that the server's thread goes on
 * answering meanwhile (SQLite answers synchronously); PostgreSQL answers on its own connection.
 */
@Injectable()
export class OverzichtService implements OnModuleDestroy {
  private werker?: Worker;
  private volgnummer = 0;
  private readonly wachtend = new Map<number, { resolve: (a: { telling: RegisterTelling; verloop: OpenPerMaand[] }) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly query: RegisterQuery,
    private readonly dataSource: DataSource,
  ) {}

  async overzicht(peildatum: string, vanaf: string, tot: string): Promise<{ telling: RegisterTelling; verloop: OpenPerMaand[] }> {
    const bestand = this.dataSource.options.type === 'better-sqlite3' ? this.dataSource.options.database : undefined;
    if (typeof bestand === 'string' && bestand !== ':memory:') return this.vraagWerker(bestand, { peildatum, vanaf, tot });
    return { telling: await this.query.telling(peildatum), verloop: await openPerMaand(this.dataSource.manager, vanaf, tot) };
  }

  private vraagWerker(bestand: string, vraag: Omit<OverzichtVraag, 'id'>): Promise<{ telling: RegisterTelling; verloop: OpenPerMaand[] }> {
    if (this.wachtend.size >= MAX_WACHTEND) throw new ServiceUnavailableException('Het overzicht wordt al voor veel anderen berekend. Probeer het over enkele seconden opnieuw.');
    if (!this.werker) {
      const werker = startWerker(join(__dirname, `overzicht.worker${extname(__filename)}`), { bestand });
      werker.on('message', (antwoord: OverzichtAntwoord) => {
        const wacht = this.wachtend.get(antwoord.id);
        this.wachtend.delete(antwoord.id);
        if ('fout' in antwoord) wacht?.reject(new Error(antwoord.fout));
        else wacht?.resolve(antwoord);
      });
      const stop = (error: Error) => {
        for (const w of this.wachtend.values()) w.reject(error);
        this.wachtend.clear();
        if (this.werker === werker) this.werker = undefined;
      };
      werker.on('error', stop);
      werker.on('exit', () => stop(new Error('De werker van het overzicht is gestopt.')));
      this.werker = werker;
    }
    const id = ++this.volgnummer;
    return new Promise((resolve, reject) => {
      this.wachtend.set(id, { resolve, reject });
      this.werker!.postMessage({ id, ...vraag } satisfies OverzichtVraag);
    });
  }

  async onModuleDestroy(): Promise<void> {
    const werker = this.werker;
    this.werker = undefined;
    await werker?.terminate();
  }
}
