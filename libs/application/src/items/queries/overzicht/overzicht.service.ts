import { Injectable, OnModuleDestroy, ServiceUnavailableException } from '@nestjs/common';
import { OpenPerMaand, RegisterQuery, RegisterTelling, openPerMaand } from '@register/read-models';
import { WerkerVragen, startWerker } from '@register/platform';
import { extname, join } from 'node:path';
import { DataSource } from 'typeorm';
import type { OverzichtVraag } from './overzicht.worker';

/** Dashboards the worker may have waiting before a new one is refused. */
const MAX_WACHTEND = 32;

/**
 * The liaison's dashboard: the register's counts and the open items per month. On SQLite a worker
 * thread with its own read-only connection computes them, so that the server's thread goes on
 * answering meanwhile (SQLite answers synchronously); PostgreSQL answers on its own connection.
 */
@Injectable()
export class OverzichtService implements OnModuleDestroy {
  private werker?: WerkerVragen<Omit<OverzichtVraag, 'id'>, { telling: RegisterTelling; verloop: OpenPerMaand[] }>;

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
    this.werker ??= new WerkerVragen<Omit<OverzichtVraag, 'id'>, { telling: RegisterTelling; verloop: OpenPerMaand[] }>(
      () => startWerker(join(__dirname, `overzicht.worker${extname(__filename)}`), { bestand }),
      MAX_WACHTEND,
      () => new ServiceUnavailableException('Het overzicht wordt al voor veel anderen berekend. Probeer het over enkele seconden opnieuw.'),
      'De werker van het overzicht is gestopt.',
    );
    return this.werker.vraag(vraag);
  }

  async onModuleDestroy(): Promise<void> {
    await this.werker?.stop();
  }
}
