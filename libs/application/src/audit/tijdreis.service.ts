import { BadRequestException, Inject, Injectable, OnModuleDestroy, ServiceUnavailableException } from '@nestjs/common';
import { BerichtNietGevondenError, HalfjaarberichtState, evolveBericht, leesHalfjaarberichtEvent, halfjaarberichtStream, initialBerichtState } from '@register/domain';
import { EVENT_STORE, EventStore, SqliteEventStore, START } from '@register/event-store';
import { RegisterFilter, RegisterItem, RegisterPage, RegisterProjection, applyToRegisterRow, filterRegister } from '@register/read-models';
import { WerkerVragen, startWerker } from '@register/platform';
import { extname, join } from 'node:path';
import { DataSource } from 'typeorm';
import { ItemEventStore } from '../items/item-event-store';
import { ItemNietGevondenError } from '../items/register.errors';
import { Peilmoment, RegisterStand, telt } from './register-stand';
import type { TijdreisBron, TijdreisOpdracht, TijdreisVraag } from './tijdreis.worker';

export type { Peilmoment } from './register-stand';
export type { TijdreisBron } from './tijdreis.worker';

export interface TijdreisRegister {
  readonly pagina: RegisterPage;
  /** The log was folded up to and including this position. */
  readonly positie: string;
  /** Where the fold started: the register's read model, or the log alone. */
  readonly bron: TijdreisBron;
}

export function peilmoment(opMoment?: string, opDatum?: string): Peilmoment {
  if (opMoment && opDatum) throw new BadRequestException({ fouten: [{ veld: 'opMoment', melding: 'kies één as: opMoment (vastgelegd) of opDatum (zakelijk), niet beide' }] });
  if (opMoment) {
    const t = new Date(opMoment);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(opMoment) || Number.isNaN(t.getTime())) {
      throw new BadRequestException({ fouten: [{ veld: 'opMoment', melding: 'moet een tijdstip zijn zoals 2025-07-01T09:00:00+02:00' }] });
    }
    return { as: 'vastgelegd', moment: t.toISOString() };
  }
  if (opDatum) return { as: 'zakelijk', datum: opDatum };
  throw new BadRequestException({ fouten: [{ veld: 'opMoment', melding: 'geef opMoment (vastgelegd) of opDatum (zakelijk)' }] });
}

/** Questions the time-travel worker may have waiting before a new one is refused. */
const MAX_WACHTEND = 4;
/** The worker's heap: two snapshots of the national register fit with room to spare. */
const WERKER_GEHEUGEN_MB = 2048;
/**
 * Its young generation: a snapshot is hundreds of thousands of objects that all survive; with V8's
 * default (16 MB semi-spaces) scavenging them cost a quarter of a second of a 1.6 s question.
 */
const WERKER_JONG_MB = 96;

export class TijdreisDrukError extends ServiceUnavailableException {
  constructor() {
    super('Het register zoals het was wordt al voor andere peilmomenten opgebouwd. Probeer het over een halve minuut opnieuw; een peilmoment dat al is opgebouwd, komt daarna snel.');
  }
}

@Injectable()
export class TijdreisService implements OnModuleDestroy {
  private werker?: WerkerVragen<Omit<TijdreisVraag, 'id'>, TijdreisRegister>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly items: ItemEventStore,
    private readonly dataSource: DataSource,
  ) {}

  async item(itemId: string, p: Peilmoment): Promise<RegisterItem | null> {
    const item = await this.items.load(itemId);
    if (!item) throw new ItemNietGevondenError(itemId);
    return item.events.filter((e) => telt(e, p)).reduce<RegisterItem | undefined>((row, e) => applyToRegisterRow(row, e), undefined) ?? null;
  }

  /** A halfjaarbericht as it stood: draft or sent, with the items and zaken it held then. */
  async bericht(berichtId: string, p: Peilmoment) {
    const { events } = await this.store.readStream(halfjaarberichtStream(berichtId));
    if (events.length === 0) throw new BerichtNietGevondenError(berichtId);
    const state = events
      .filter((e) => telt(e, p))
      .reduce<HalfjaarberichtState>((s, e) => {
        const event = leesHalfjaarberichtEvent(e);
        return event ? evolveBericht(s, event) : s;
      }, initialBerichtState);
    if (state.status === 'Nieuw') return null;
    return { titel: state.titel, status: state.status, peildatum: state.peildatum, verzondenOp: state.verzondenOp, kamerstuk: state.kamerstuk, items: [...state.items.values()], zaken: [...state.zaken.values()] };
  }

  /**
   * The whole register at that point, filtered and paged as the register is. On the embedded store
   * a worker thread folds it (at a million events a fold of the whole log takes seconds, which would
   * stall every other request); with the read models in a SQLite file too, it starts from the
   * register's read model and folds only the items that changed after the peilmoment (see
   * tijdreis.worker.ts), unless `bron` is `log`. Another store is folded here from the log, batch
   * by batch, giving way to other requests between batches.
   */
  async registerOp(p: Peilmoment, filter: RegisterFilter, bron: TijdreisBron = 'leesmodel'): Promise<TijdreisRegister> {
    if (this.store instanceof SqliteEventStore && this.store.file !== ':memory:') return this.vraagWerker(this.store.file, { peilmoment: p, filter, bron });
    const stand = new RegisterStand(p);
    for await (const batch of this.store.readAll(START, 5000)) {
      stand.pasToe(batch);
      await new Promise((r) => setImmediate(r));
    }
    return { pagina: filterRegister(stand.rows.values(), filter), positie: stand.tot.toString(), bron: 'log' };
  }

  private vraagWerker(bestand: string, vraag: Omit<TijdreisVraag, 'id'>): Promise<TijdreisRegister> {
    const leesmodel = this.dataSource.options.type === 'better-sqlite3' && this.dataSource.options.database !== ':memory:' ? this.dataSource.options.database : undefined;
    const opdracht: TijdreisOpdracht = { bestand, leesmodel, registerVersie: new RegisterProjection().version };
    // Each new peilmoment is a fold, one after another on one thread: beyond a few waiting, a new
    // question is refused rather than queued for minutes.
    this.werker ??= new WerkerVragen<Omit<TijdreisVraag, 'id'>, TijdreisRegister>(
      () => startWerker(join(__dirname, `tijdreis.worker${extname(__filename)}`), opdracht, { maxOldGenerationSizeMb: WERKER_GEHEUGEN_MB, maxYoungGenerationSizeMb: WERKER_JONG_MB }),
      MAX_WACHTEND,
      () => new TijdreisDrukError(),
      'De tijdreis-werker is gestopt.',
    );
    return this.werker.vraag(vraag);
  }

  async onModuleDestroy(): Promise<void> {
    await this.werker?.stop();
  }
}
