import { BadRequestException, Inject, Injectable, ServiceUnavailableException, UnprocessableEntityException } from '@nestjs/common';
import { LAATSTE_DATUM, itemStream } from '@register/domain';
import { EVENT_STORE, EventStore } from '@register/event-store';
import { ProjectionRunner, RegisterItem, RegisterQuery } from '@register/read-models';
import { Clock } from '@register/platform';
import { RegisterReadService } from '../items/queries/register-read.service';
import { RappelBewindspersoon, RappelItem, RappelModel, standaardPeildatum, verschuivingen, volgendePeildatum } from './rappel.model';


/** Item streams read at once: enough to hide the store's latency, few enough to leave room for other requests. */
const GELIJKTIJDIG = 8;

/** A rappel lists at most this many items: it reads each one's stream, and Word must still open it. */
export const MAX_RAPPEL_ITEMS = 5000;

export interface RappelVraag {
  readonly peildatum?: string;
  readonly bewindspersoon?: string;
}

/**
 * The Eerste Kamer's half-yearly rappel: per bewindspersoon the open items whose termijn passed
 * before the peildatum and those whose termijn passes before the next one. The lists come from the
 * register (one indexed read of the open items with a termijn date before the next peildatum); how
 * often each termijn moved comes from the item's own stream, its TermijnGewijzigd events.
 */
@Injectable()
export class RappelService {
  constructor(
    private readonly query: RegisterQuery,
    private readonly register: RegisterReadService,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
  ) {}

  async rappel(vraag: RappelVraag): Promise<RappelModel> {
    const peildatum = vraag.peildatum ?? standaardPeildatum(this.clock.today());
    const volgende = volgendePeildatum(peildatum);
    const bewindspersoon = vraag.bewindspersoon?.trim() ? vraag.bewindspersoon.trim() : undefined;
    if (volgende.length > LAATSTE_DATUM.length) throw new BadRequestException({ fouten: [{ veld: 'peildatum', melding: 'moet vóór 1 juli 9999 liggen' }] });
    // A rebuild empties the register and fills it again: a rappel now would be short and look whole.
    if (this.runner.rebuilding) throw new ServiceUnavailableException('Het register wordt op dit moment opnieuw opgebouwd; vraag de rappel over enkele minuten opnieuw op.');
    const positie = this.register.positie();
    const aantal = await this.query.aantal({ achterstalligOp: volgende, bewindspersoon });
    if (aantal > MAX_RAPPEL_ITEMS) {
      throw new UnprocessableEntityException({
        code: 'rappel-te-groot',
        message: `De rappel zou ${aantal.toLocaleString('nl-NL')} items bevatten, meer dan ${MAX_RAPPEL_ITEMS.toLocaleString('nl-NL')}; kies een bewindspersoon of een andere peildatum.`,
      });
    }

    // Open with a termijn date before the next peildatum: both lists at once, in termijn order.
    const rijen: RegisterItem[] = [];
    for await (const blok of this.query.stroom({ achterstalligOp: volgende, bewindspersoon, sorteer: 'termijn' }, 'kort')) rijen.push(...blok);
    const items = await this.metVerschuivingen(rijen);

    const perBewindspersoon = new Map<string, { rijen: RegisterItem[]; items: RappelItem[] }>();
    rijen.forEach((rij, i) => {
      const groep = perBewindspersoon.get(rij.bewindspersoon) ?? { rijen: [], items: [] };
      groep.rijen.push(rij);
      groep.items.push(items[i]);
      perBewindspersoon.set(rij.bewindspersoon, groep);
    });
    const bewindspersonen: RappelBewindspersoon[] = [];
    for (const [naam, groep] of [...perBewindspersoon.entries()].sort(([a], [b]) => a.localeCompare(b, 'nl'))) {
      const gesorteerd = [...groep.items].sort(opTermijn);
      bewindspersonen.push({
        bewindspersoon: naam,
        ministeries: [...new Set(groep.rijen.map((r) => r.ministerie))].sort((a, b) => a.localeCompare(b, 'nl')),
        verstreken: gesorteerd.filter((i) => i.termijn.datum < peildatum),
        komend: gesorteerd.filter((i) => i.termijn.datum >= peildatum),
        zonderTermijndatum: await this.zonderTermijndatum(naam),
      });
    }
    return { peildatum, volgendePeildatum: volgende, bewindspersoon: bewindspersoon ?? null, positie, bewindspersonen };
  }

  /**
   * Open items of this bewindspersoon without a termijn date: all open ones less those with a date.
   * The name is one the register has, so the filter selects exactly it (up to case, as everywhere).
   */
  private async zonderTermijndatum(bewindspersoon: string): Promise<number> {
    const [open, metDatum] = await Promise.all([this.query.aantal({ status: ['open'], bewindspersoon }), this.query.aantal({ achterstalligOp: LAATSTE_DATUM, bewindspersoon })]);
    return open - metDatum;
  }

  /** Each row with the moves of its termijn, read from its stream a few streams at a time. */
  private async metVerschuivingen(rijen: readonly RegisterItem[]): Promise<RappelItem[]> {
    const uit: RappelItem[] = new Array(rijen.length);
    let volgende = 0;
    const werker = async () => {
      while (volgende < rijen.length) {
        const i = volgende++;
        const rij = rijen[i];
        const { events } = await this.store.readStream(itemStream(rij.soort, rij.itemId));
        // The embedded store answers synchronously: give the event loop a turn per stream.
        await new Promise((r) => setImmediate(r));
        uit[i] = {
          itemId: rij.itemId,
          soort: rij.soort,
          nummer: rij.nummer,
          titel: rij.titel,
          leden: rij.leden.map((l) => ({ naam: l.naam, fractie: l.fractie })),
          status: rij.status as RappelItem['status'],
          // The query selected only rows with a termijn date.
          termijn: { omschrijving: rij.termijnOmschrijving ?? '', datum: rij.termijnDatum! },
          revisie: rij.revisie,
          verschuivingen: verschuivingen(events, rij.revisie),
        };
      }
    };
    await Promise.all(Array.from({ length: Math.min(GELIJKTIJDIG, rijen.length) }, werker));
    return uit;
  }
}

/** Oldest termijn first; on one day in the natural order of the numbers (29628-957 before 29628-1265). */
function opTermijn(a: RappelItem, b: RappelItem): number {
  if (a.termijn.datum !== b.termijn.datum) return a.termijn.datum < b.termijn.datum ? -1 : 1;
  return a.nummer.localeCompare(b.nummer, 'nl', { numeric: true });
}
