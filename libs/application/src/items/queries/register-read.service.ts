import { BadRequestException, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@register/event-store';
import { ProjectionRunner, RegisterFilter, RegisterItem, RegisterQuery, Weergave } from '@register/read-models';
import { Clock } from '@register/platform';
import { Readable } from 'node:stream';
import { ItemKortResponseDto, ItemPageResponseDto, ItemResponseDto } from './item.response.dto';
import { ExportFormaat, registerExport } from './lijst-items/register-export';

const MAX_WACHTTIJD_MS = 5000;

/** Answers register queries and says which log position they reflect. */
@Injectable()
export class RegisterReadService {
  constructor(
    private readonly query: RegisterQuery,
    private readonly runner: ProjectionRunner,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** A client that just wrote can ask to see at least its own write. */
  async wachtOp(minimalePositie: string | undefined): Promise<void> {
    if (minimalePositie === undefined) return;
    const head = await this.store.headPosition();
    if (BigInt(minimalePositie) > head) {
      throw new BadRequestException({ fouten: [{ veld: 'minimalePositie', melding: `ligt voorbij het laatste event in het log (positie ${head})` }] });
    }
    const bereikt = await this.runner.waitForPosition(BigInt(minimalePositie), MAX_WACHTTIJD_MS);
    if (!bereikt) {
      throw new ServiceUnavailableException(`Het leesmodel heeft positie ${minimalePositie} na ${MAX_WACHTTIJD_MS / 1000} seconden nog niet bereikt (nu ${this.runner.position()}).`);
    }
  }

  positie(): string {
    return this.runner.position().toString();
  }

  async lijst(filter: RegisterFilter, peildatum?: string, weergave: Weergave = 'volledig'): Promise<ItemPageResponseDto> {
    const positie = this.positie();
    const { items, totaal } = await this.query.list(filter, weergave);
    const dag = peildatum ?? this.clock.today();
    const pagina = { totaal, pagina: filter.pagina, perPagina: filter.perPagina, peildatum: dag, positie };
    if (weergave === 'kort') return { ...pagina, items: items.map((i) => ItemKortResponseDto.kort(i, dag)) };
    const nummers = await this.query.nummers(items.flatMap((i) => i.koppelingen.map((k) => k.doelItemId)));
    return { ...pagina, items: items.map((i) => ItemResponseDto.from(i, dag, nummers)) };
  }

  /** Every row the filter selects, as a file written while it is read (see registerExport). */
  export(filter: RegisterFilter, formaat: ExportFormaat, peildatum?: string): { inhoud: Readable; peildatum: string } {
    // A rebuild empties the register and fills it again: an export now would be short and look whole.
    if (this.runner.rebuilding) throw new ServiceUnavailableException('Het register wordt op dit moment opnieuw opgebouwd; exporteer over enkele minuten opnieuw.');
    const dag = peildatum ?? this.clock.today();
    return { inhoud: registerExport(formaat, this.query.stroom(filter, 'kort'), dag, `Register moties en toezeggingen, ${dag}`), peildatum: dag };
  }

  async een(row: RegisterItem | null): Promise<ItemResponseDto | null> {
    if (!row) return null;
    const nummers = await this.query.nummers(row.koppelingen.map((k) => k.doelItemId));
    return ItemResponseDto.from(row, this.clock.today(), nummers);
  }
}
