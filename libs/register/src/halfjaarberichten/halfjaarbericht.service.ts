import { Inject, Injectable } from '@nestjs/common';
import {
  BerichtNietGevondenError,
  HalfjaarberichtCommand,
  HalfjaarberichtState,
  ItemMomentopname,
  decideBericht,
  evolveBericht,
  halfjaarberichtEventFrom,
  halfjaarberichtStream,
  initialBerichtState,
} from '@register/domain';
import { EVENT_STORE, EventStore, StoredEvent, StreamRevisionConflictError } from '@register/event-store';
import { CommandMetadata } from '../items/command-metadata';
import { ItemEventStore } from '../items/item-event-store';
import { RevisieConflictError } from '../items/register.errors';

export interface BerichtResultaat {
  readonly berichtId: string;
  readonly revisie: number;
  readonly positie: string;
}

/** The write path of a halfjaarbericht: read its stream, fold, decide, append at that revision. */
@Injectable()
export class HalfjaarberichtService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly items: ItemEventStore,
  ) {}

  async load(berichtId: string): Promise<{ state: HalfjaarberichtState; revision: number; events: readonly StoredEvent[] }> {
    const { revision, events } = await this.store.readStream(halfjaarberichtStream(berichtId));
    const state = events.reduce<HalfjaarberichtState>((s, e) => {
      const event = halfjaarberichtEventFrom(e.type, e.data);
      return event ? evolveBericht(s, event) : s;
    }, initialBerichtState);
    return { state, revision, events };
  }

  async execute(berichtId: string, build: (state: HalfjaarberichtState) => Promise<HalfjaarberichtCommand> | HalfjaarberichtCommand, meta: CommandMetadata, verwachteRevisie?: number): Promise<BerichtResultaat> {
    const stream = halfjaarberichtStream(berichtId);
    for (let poging = 1; ; poging++) {
      const { state, revision, events: bestaand } = await this.load(berichtId);
      // A retry of a change that already got through: the same answer, nothing appended.
      const eerder = meta.idempotencyKeyId ? bestaand.filter((e) => e.metadata.idempotencyKeyId === meta.idempotencyKeyId) : [];
      if (eerder.length > 0) return { berichtId, revisie: eerder[eerder.length - 1].revision, positie: eerder[eerder.length - 1].position.toString() };
      // A stale revision is refused before the command is built (sending freezes every item: I/O).
      if (verwachteRevisie !== undefined && revision !== verwachteRevisie) throw new RevisieConflictError(berichtId, verwachteRevisie, revision);
      const command = await build(state);
      if (command.type !== 'MaakAan' && state.status === 'Nieuw') throw new BerichtNietGevondenError(berichtId);
      const events = decideBericht(command, state);
      try {
        const result = await this.store.appendToStream(
          stream,
          events.map((e, i) => this.items.toNewEvent(e.feit, e.data, meta, `${stream}:${revision + 1 + i}`)),
          revision < 0 ? 'no-stream' : revision,
        );
        return { berichtId, revisie: result.nextRevision, positie: result.position.toString() };
      } catch (error) {
        if (!(error instanceof StreamRevisionConflictError)) throw error;
        if (verwachteRevisie !== undefined || poging >= 3) throw new RevisieConflictError(berichtId, verwachteRevisie ?? revision, error.actual);
      }
    }
  }

  /** Each covered item's registration as it stands now, to be frozen into the report when it is sent. */
  async momentopnamen(itemIds: readonly string[]): Promise<ItemMomentopname[]> {
    const out: ItemMomentopname[] = [];
    for (const itemId of itemIds) {
      const item = await this.items.load(itemId);
      if (!item || item.state.status === 'Nieuw') continue;
      const r = item.state.registratie;
      const geregistreerd = item.events[0].data as { nummerBron: 'kamer' | 'intern' };
      out.push({ itemId, soort: item.soort, nummer: r.nummer, nummerBron: geregistreerd.nummerBron, vergaderjaar: r.vergaderjaar, titel: r.titel, leden: r.leden, datum: r.datum, debat: r.debat, bewindspersoon: r.bewindspersoon });
    }
    return out;
  }
}
