import { Inject, Injectable } from '@nestjs/common';
import {
  BerichtNietGevondenError,
  HalfjaarberichtCommand,
  HalfjaarberichtState,
  ItemMomentopname,
  decideBericht,
  evolveBericht,
  leesHalfjaarberichtEvent,
  halfjaarberichtStream,
  initialBerichtState,
} from '@register/domain';
import { EVENT_STORE, EventStore, StoredEvent } from '@register/event-store';
import { voerStreamCommandUit } from '../stream-command';
import { CommandMetadata } from '../command-metadata';
import { ItemEventStore } from '../items/item-event-store';

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
      const event = leesHalfjaarberichtEvent(e);
      return event ? evolveBericht(s, event) : s;
    }, initialBerichtState);
    return { state, revision, events };
  }

  /** A change of the report on the one stream-command loop (voerStreamCommandUit). */
  async execute(berichtId: string, build: (state: HalfjaarberichtState) => Promise<HalfjaarberichtCommand> | HalfjaarberichtCommand, meta: CommandMetadata, verwachteRevisie?: number): Promise<BerichtResultaat> {
    const stream = halfjaarberichtStream(berichtId);
    const { revisie, positie } = await voerStreamCommandUit({
      id: berichtId,
      meta,
      // Checked by the loop before the command is built: sending freezes every item (I/O).
      verwachteRevisie,
      load: () => this.load(berichtId),
      decide: async ({ state }) => {
        const command = await build(state);
        if (command.type !== 'MaakAan' && state.status === 'Nieuw') throw new BerichtNietGevondenError(berichtId);
        return decideBericht(command, state);
      },
      append: ({ revision }, events) =>
        this.store.appendToStream(
          stream,
          events.map((e, i) => this.items.toNewEvent(e.feit, e.data, meta, `${stream}:${revision + 1 + i}`)),
          revision < 0 ? 'no-stream' : revision,
        ),
    });
    return { berichtId, revisie, positie };
  }

  /** Each covered item's registration as it stands now, to be frozen into the report when it is sent. */
  async momentopnamen(itemIds: readonly string[]): Promise<ItemMomentopname[]> {
    const out: ItemMomentopname[] = [];
    for (const itemId of itemIds) {
      const item = await this.items.load(itemId);
      if (!item || item.state.status === 'Nieuw') continue;
      const r = item.state.registratie;
      out.push({ itemId, soort: item.soort, nummer: r.nummer, nummerBron: item.state.nummerBron, vergaderjaar: r.vergaderjaar, titel: r.titel, leden: r.leden, datum: r.datum, debat: r.debat, bewindspersoon: r.bewindspersoon });
    }
    return out;
  }
}
