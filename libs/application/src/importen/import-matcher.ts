import { Injectable } from '@nestjs/common';
import { VoorstelGegevens, VoorstelMatch } from '@register/domain';
import { RegisterQuery } from '@register/read-models';
import { ItemEventStore } from '../items/item-event-store';
import { NummerRegister } from '../items/nummer-register';
import { TITEL_DREMPEL_BIJ_NUMMER, TITEL_DREMPEL_ZONDER_NUMMER, kenmerkendeWoorden, ledenOverlappen, titelGelijkenis } from './gelijkenis';


/**
 * Finds the register item a read proposal is about: by number (from the number's own stream, so an
 * item registered a moment ago is found), else by title among the items of the same kind that share
 * a member (from the register read model: a suggestion, which the clerk sees with its score).
 */
@Injectable()
export class ImportMatcher {
  constructor(
    private readonly nummers: NummerRegister,
    private readonly items: ItemEventStore,
    private readonly register: RegisterQuery,
  ) {}

  async match(gegevens: VoorstelGegevens): Promise<{ match: VoorstelMatch | null; waarschuwingen: string[] }> {
    if (gegevens.nummer) return this.opNummer(gegevens, gegevens.nummer);
    return { match: await this.opTitel(gegevens), waarschuwingen: [] };
  }

  private async opNummer(gegevens: VoorstelGegevens, nummer: string): Promise<{ match: VoorstelMatch | null; waarschuwingen: string[] }> {
    const houder = await this.nummers.houder(nummer);
    if (!houder) return { match: null, waarschuwingen: [] };
    const item = await this.items.loadAs(houder.soort, houder.itemId);
    if (item.state.status === 'Nieuw') return { match: null, waarschuwingen: [] };
    const titel = item.state.registratie.titel;
    const score = titelGelijkenis(titel, gegevens.titel);
    if (houder.soort !== gegevens.soort) {
      return { match: null, waarschuwingen: [`Nummer ${nummer} hoort in het register bij de ${houder.soort} "${titel}": controleer het nummer.`] };
    }
    // The number is the Kamer's identifier; annexes word the same item differently, so an unlike
    // title lowers the score and warns, but does not undo the match.
    const waarschuwingen = score < TITEL_DREMPEL_BIJ_NUMMER ? [`De titel lijkt weinig op die in het register ("${titel}"): controleer of het nummer klopt.`] : [];
    return { match: { itemId: houder.itemId, nummer, titel, score: Math.round((0.6 + 0.4 * score) * 100) / 100, op: 'nummer' }, waarschuwingen };
  }

  /**
   * Without a number: among the items of the same kind that share a member with the proposal, or —
   * when it names no member — whose text holds its most telling title words, the one whose title is
   * most alike (at least `drempel`).
   */
  async opTitel(gegevens: VoorstelGegevens, drempel = TITEL_DREMPEL_ZONDER_NUMMER): Promise<VoorstelMatch | null> {
    const zoekopdrachten = gegevens.leden.length > 0 ? gegevens.leden.slice(0, 3).map((l) => ({ lid: l.naam })) : [{ zoek: kenmerkendeWoorden(gegevens.titel) }];
    let beste: VoorstelMatch | null = null;
    for (const filter of zoekopdrachten) {
      if ('zoek' in filter && !filter.zoek) continue;
      const { items } = await this.register.list({ soort: gegevens.soort, ...filter, pagina: 1, perPagina: 100 }, 'kort');
      for (const kandidaat of items) {
        if (!ledenOverlappen(kandidaat.leden, gegevens.leden)) continue;
        const score = titelGelijkenis(kandidaat.titel, gegevens.titel);
        if (score >= drempel && (!beste || score > beste.score)) {
          beste = { itemId: kandidaat.itemId, nummer: kandidaat.nummer, titel: kandidaat.titel, score: Math.round(score * 100) / 100, op: 'titel-en-leden' };
        }
      }
    }
    return beste;
  }
}
