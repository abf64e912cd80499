import { Injectable, NotFoundException } from '@nestjs/common';
import { HalfjaarberichtRow, OPEN_STATUSSEN, OpenbareGegevens, OpenbareWijze, OpenbareWijzigingRow, RegisterFilter, RegisterItem, RegisterQuery } from '@register/read-models';
import { Clock } from '@register/platform';
import { DataSource, In } from 'typeorm';
import { BijlageItem } from '../halfjaarberichten/bijlage/bijlage.model';
import { BijlageService } from '../halfjaarberichten/bijlage/bijlage.service';
import { vindplaats } from '../halfjaarberichten/bijlage/bijlage.model';
import { kamerstukAdres } from './kamerstuk-adres';
import { OpenbaarAdressen } from './openbaar-adressen';
import {
  OPENBAAR_SCHEMA_VERSIE,
  OpenbaarBerichtDto,
  OpenbaarBerichtItemDto,
  OpenbaarBerichtKortDto,
  OpenbaarGerapporteerdDto,
  OpenbaarItemDto,
  OpenbaarItemKortDto,
  OpenbareHistorieDto,
  OpenbareItemPaginaDto,
  OpenbareWijzeDto,
  OpenbareWijzigingDto,
} from './openbaar.dto';

/** The filters the public may use: none on behandelaar or directie (they would tell who owns what). */
export type OpenbaarFilter = Pick<RegisterFilter, 'soort' | 'status' | 'lid' | 'fractie' | 'bewindspersoon' | 'thema' | 'zoek' | 'sorteer' | 'aflopend' | 'pagina' | 'perPagina'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What each sent report said about each item: built from the sent reports, kept until one of them changes. */
interface BerichtenIndex {
  readonly sleutel: string;
  readonly berichten: readonly HalfjaarberichtRow[];
  readonly perItem: ReadonlyMap<string, readonly Omit<OpenbaarGerapporteerdDto, 'url'>[]>;
}

/** The statuses a report gives, in the words the public pages use. */
export const BERICHT_STATUS: Record<string, string> = { afgedaan: 'Afgedaan', 'deels-afgedaan': 'Deels afgedaan', 'in-behandeling': 'In behandeling' };

/**
 * The public side of the register, read-only. Every answer is built here from an allow-list of
 * fields (the DTOs in openbaar.dto.ts); a report is public only once it was sent.
 */
@Injectable()
export class OpenbaarService {
  private index?: Promise<BerichtenIndex>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly query: RegisterQuery,
    private readonly bijlagen: BijlageService,
    private readonly clock: Clock,
    readonly adressen: OpenbaarAdressen,
  ) {}

  vandaag(): string {
    return this.clock.today();
  }

  async lijst(filter: OpenbaarFilter): Promise<OpenbareItemPaginaDto> {
    const { items, totaal } = await this.query.list({ ...filter, aflopend: filter.aflopend ?? false }, 'kort');
    const peildatum = this.clock.today();
    return { schemaVersie: OPENBAAR_SCHEMA_VERSIE, items: items.map((i) => this.kort(i, peildatum)), totaal, pagina: filter.pagina, perPagina: filter.perPagina, peildatum };
  }

  /**
   * Every item the filter selects, a block at a time (the CSV). The caller checks first that no rebuild
   * runs (registerHeel): inside the generator a refusal would only come once the download had begun.
   */
  async *alle(filter: Omit<OpenbaarFilter, 'pagina' | 'perPagina'>): AsyncGenerator<OpenbaarItemKortDto[]> {
    const peildatum = this.clock.today();
    for await (const blok of this.query.stroom({ ...filter, aflopend: filter.aflopend ?? false }, 'kort')) yield blok.map((i) => this.kort(i, peildatum));
  }

  /** An item by the Kamer's number or by its id; null when there is none. */
  async zoekItem(sleutel: string): Promise<RegisterItem | null> {
    if (UUID.test(sleutel)) return this.query.byId(sleutel.toLowerCase());
    if (sleutel.length > 40) return null;
    return this.query.byNummer(sleutel.trim().toUpperCase());
  }

  async item(row: RegisterItem): Promise<OpenbaarItemDto> {
    return (await this.items([row]))[0];
  }

  /** Items with their public history, reports and links: a few queries per block, not per item. */
  async items(rows: readonly RegisterItem[]): Promise<OpenbaarItemDto[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.itemId);
    const doelIds = [...new Set(rows.flatMap((r) => r.koppelingen.map((k) => k.doelItemId)))];
    const [wijzigingen, index, doelen] = await Promise.all([
      this.dataSource.getRepository(OpenbareWijzigingRow).find({ where: { itemId: In(ids) }, order: { positie: 'ASC' } }),
      this.berichtenIndex(),
      doelIds.length ? this.dataSource.getRepository(RegisterItem).find({ where: { itemId: In(doelIds) }, select: { itemId: true, nummer: true, nummerBron: true } }) : Promise.resolve([]),
    ]);
    const doel = new Map(doelen.map((d) => [d.itemId, d]));
    const historie = new Map<string, OpenbareWijzigingRow[]>();
    for (const w of wijzigingen) {
      const lijst = historie.get(w.itemId!) ?? [];
      lijst.push(w);
      historie.set(w.itemId!, lijst);
    }
    const peildatum = this.clock.today();
    return rows.map((row) => this.volledig(row, peildatum, historie.get(row.itemId) ?? [], index, doel));
  }

  private volledig(row: RegisterItem, peildatum: string, wijzigingen: readonly OpenbareWijzigingRow[], index: BerichtenIndex, doel: ReadonlyMap<string, Pick<RegisterItem, 'itemId' | 'nummer' | 'nummerBron'>>): OpenbaarItemDto {
    return {
      ...this.kort(row, peildatum),
      schemaVersie: OPENBAAR_SCHEMA_VERSIE,
      // Not the register's last change: that moves when a behandelaar is assigned, which is private.
      bijgewerktOp: wijzigingen.at(-1)?.vastgelegdOp ?? row.geregistreerdOp,
      tekst: row.tekst,
      debat: row.debat,
      vindplaats: vindplaats(row),
      kamerstukUrl: row.soort === 'motie' && row.nummerBron === 'kamer' ? kamerstukAdres(row.nummer) : null,
      voortgang: row.voortgang.map((v) => ({ datum: v.datum, tekst: v.tekst })),
      afdoening: row.afdoening ? { datum: row.afdoening.datum, wijze: openbareWijze(row.afdoening.wijze), toelichting: row.afdoening.toelichting } : null,
      deelAfdoeningen: row.deelAfdoeningen.map((d) => ({ datum: d.datum, deel: d.deel, bewijs: openbareWijze(d.bewijs) })),
      vervallenReden: row.status === 'Vervallen' ? row.vervallenReden : null,
      koppelingen: row.koppelingen.map((k) => {
        const d = doel.get(k.doelItemId) ?? { itemId: k.doelItemId, nummer: k.doelNummer, nummerBron: 'intern' };
        return { relatie: k.relatie, nummer: d.nummer, url: this.adressen.item(d) };
      }),
      historie: wijzigingen.map((w) => historieRegel(w, row.datum)),
      gerapporteerd: (index.perItem.get(row.itemId) ?? []).map((g) => ({ ...g, url: this.adressen.bericht(g.berichtId) })),
    };
  }

  async berichten(): Promise<OpenbaarBerichtKortDto[]> {
    const index = await this.berichtenIndex();
    return index.berichten.map((b) => this.berichtKort(b));
  }

  /** A sent report and its annex; a draft is as unknown to the public as a report that does not exist. */
  async bericht(berichtId: string): Promise<OpenbaarBerichtDto> {
    const row = UUID.test(berichtId) ? await this.dataSource.getRepository(HalfjaarberichtRow).findOneBy({ berichtId: berichtId.toLowerCase() }) : null;
    if (!row || row.status !== 'Verzonden') throw new NotFoundException({ code: 'bericht-niet-gevonden', message: 'Er is geen verzonden halfjaarbericht met dit adres.' });
    const model = await this.bijlagen.model(row.berichtId);
    const itemRegel = (i: BijlageItem): OpenbaarBerichtItemDto => {
      return {
        volgnummer: i.volgnummer,
        soort: i.soort,
        // The number as the report was sent with it; the link by id, which leads to the item's page
        // under its number today (a number corrected since the report would no longer lead there).
        nummer: i.nummer,
        url: this.adressen.absoluut(`/openbaar/items/${i.itemId}`),
        omschrijving: i.omschrijving,
        vindplaats: i.vindplaats,
        sectie: i.sectie,
        status: i.status,
        tekst: i.tekst,
        statuszin: i.statuszin,
      };
    };
    return {
      ...this.berichtKort(row),
      schemaVersie: OPENBAAR_SCHEMA_VERSIE,
      telling: { ...model.telling },
      toezeggingen: model.toezeggingen.map(itemRegel),
      moties: model.moties.map(itemRegel),
      aanvullendeZaken: model.zaken.map((z) => ({ volgnummer: z.volgnummer, sectie: z.sectie, titel: z.titel, tekst: z.tekst })),
    };
  }

  /** The newest public changes, newest first, with the item's or report's current number and title. */
  async wijzigingen(aantal: number): Promise<OpenbareWijzigingDto[]> {
    const rows = await this.dataSource.getRepository(OpenbareWijzigingRow).find({ order: { positie: 'DESC' }, take: aantal });
    const itemIds = [...new Set(rows.flatMap((r) => (r.itemId ? [r.itemId] : [])))];
    const items = itemIds.length ? await this.dataSource.getRepository(RegisterItem).find({ where: { itemId: In(itemIds) }, select: { itemId: true, nummer: true, nummerBron: true, titel: true, soort: true, datum: true } }) : [];
    const perItem = new Map(items.map((i) => [i.itemId, i]));
    const index = await this.berichtenIndex();
    const perBericht = new Map(index.berichten.map((b) => [b.berichtId, b]));
    return rows.flatMap((r): OpenbareWijzigingDto[] => {
      const basis = { id: r.eventId, soort: r.soort, datum: r.datum, vastgelegdOp: r.vastgelegdOp };
      if (r.gegevens.soort === 'bericht-verzonden') {
        const b = r.berichtId ? perBericht.get(r.berichtId) : undefined;
        if (!b) return [];
        return [{ ...basis, titel: `${b.titel} verzonden`, omschrijving: `${b.titel} is op ${r.datum} aan de Kamer gezonden (kenmerk ${r.gegevens.kenmerk}).`, url: this.adressen.bericht(b.berichtId) }];
      }
      const i = r.itemId ? perItem.get(r.itemId) : undefined;
      if (!i) return [];
      const regel = historieRegel(r, i.datum);
      return [{ ...basis, datum: regel.datum, titel: `${i.nummer}: ${KOP[r.soort]}`, omschrijving: `${i.soort === 'motie' ? 'Motie' : 'Toezegging'} ${i.nummer}, ${i.titel}. ${regel.omschrijving}`, url: this.adressen.item(i) }];
    });
  }

  kort(row: RegisterItem, peildatum: string): OpenbaarItemKortDto {
    const open = (OPEN_STATUSSEN as readonly string[]).includes(row.status);
    return {
      id: row.itemId,
      url: this.adressen.item(row),
      soort: row.soort,
      nummer: row.nummer,
      nummerBron: row.nummerBron,
      vergaderjaar: row.vergaderjaar,
      titel: row.titel,
      datum: row.datum,
      leden: row.leden.map((l) => ({ naam: l.naam, fractie: l.fractie })),
      bewindspersoon: row.bewindspersoon,
      ministerie: row.ministerie,
      thema: row.thema,
      status: row.status,
      termijn: row.termijnOmschrijving === null ? null : { omschrijving: row.termijnOmschrijving, datum: row.termijnDatum },
      achterstallig: open && row.termijnDatum !== null && row.termijnDatum < peildatum,
    };
  }

  private berichtKort(b: HalfjaarberichtRow): OpenbaarBerichtKortDto {
    return {
      berichtId: b.berichtId,
      url: this.adressen.bericht(b.berichtId),
      titel: b.titel,
      jaar: b.jaar,
      helft: b.helft,
      peildatum: b.peildatum,
      verzondenOp: b.verzondenOp!,
      kenmerk: b.kenmerk!,
      kamerstuk: b.kamerstuk,
      kamerstukUrl: kamerstukAdres(b.kamerstuk),
    };
  }

  /**
   * The sent reports, read again only when one of them changed (a new one sent, a Kamerstuk given):
   * an item page needs what every report said about it, and reading every report's document per page
   * would cost more than the page.
   */
  private async berichtenIndex(): Promise<BerichtenIndex> {
    const versies: { bericht_id: string; revisie: number }[] = await this.dataSource.query(`SELECT bericht_id, revisie FROM halfjaarberichten WHERE status = 'Verzonden' ORDER BY bericht_id`);
    const sleutel = versies.map((v) => `${v.bericht_id}:${v.revisie}`).join(',');
    const huidig = await this.index?.catch(() => undefined);
    if (huidig?.sleutel === sleutel) return huidig;
    this.index = this.bouwIndex(sleutel, versies.map((v) => v.bericht_id));
    return this.index;
  }

  private async bouwIndex(sleutel: string, ids: string[]): Promise<BerichtenIndex> {
    const rows = ids.length ? await this.dataSource.getRepository(HalfjaarberichtRow).find({ where: { berichtId: In(ids), status: 'Verzonden' } }) : [];
    rows.sort((a, b) => b.jaar - a.jaar || b.helft - a.helft || (b.verzondenOp ?? '').localeCompare(a.verzondenOp ?? '') || a.titel.localeCompare(b.titel));
    const perItem = new Map<string, Omit<OpenbaarGerapporteerdDto, 'url'>[]>();
    for (const b of [...rows].reverse()) {
      for (const i of b.document.items) {
        const lijst = perItem.get(i.itemId) ?? [];
        lijst.push({ berichtId: b.berichtId, bericht: b.titel, verzondenOp: b.verzondenOp!, kenmerk: b.kenmerk!, status: i.status, tekst: i.tekst });
        perItem.set(i.itemId, lijst);
      }
    }
    return { sleutel, berichten: rows, perItem };
  }
}

const KOP: Record<OpenbareWijzigingRow['soort'], string> = {
  geregistreerd: 'Nieuw in het register',
  'termijn-gewijzigd': 'Termijn gewijzigd',
  afgedaan: 'Afgedaan',
  'deels-afgedaan': 'Deels afgedaan',
  heropend: 'Heropend',
  vervallen: 'Vervallen',
  overgedragen: 'Overgedragen',
  'bericht-verzonden': 'Halfjaarbericht verzonden',
};

export function openbareWijze(w: { readonly soort: string; readonly referentie: string; readonly ministerie?: string }): OpenbareWijzeDto {
  return { soort: w.soort, referentie: w.referentie, ...(w.ministerie ? { ministerie: w.ministerie } : {}), kamerstukUrl: w.soort === 'halfjaarbericht' ? null : kamerstukAdres(w.referentie) };
}

const wijzeTekst = (w: OpenbareWijze) => (w.soort === 'brief-ander-ministerie' && w.ministerie ? `${w.referentie} (${w.ministerie})` : w.referentie);

function omschrijving(g: OpenbareGegevens): string {
  switch (g.soort) {
    case 'geregistreerd':
      return 'Opgenomen in het register.';
    case 'termijn-gewijzigd':
      return `Termijn gewijzigd naar "${g.termijn.omschrijving}"${g.termijn.datum ? ` (${g.termijn.datum})` : ''}.`;
    case 'afgedaan':
      return `Afgedaan met ${wijzeTekst(g.wijze)}. ${g.toelichting}`.trim();
    case 'deels-afgedaan':
      return `Deels afgedaan (${g.deel}) met ${wijzeTekst(g.bewijs)}.`;
    case 'heropend':
      return `Heropend: ${g.reden}`;
    case 'vervallen':
      return `Vervallen: ${g.reden}`;
    case 'overgedragen':
      return `Overgedragen aan ${g.naar.bewindspersoon} (${g.naar.ministerie}).`;
    case 'bericht-verzonden':
      return `Halfjaarbericht verzonden (kenmerk ${g.kenmerk}).`;
  }
}

/**
 * One line of an item's public history. A registration is dated by the item's date as it stands now
 * (`registratieDatum`): the event holds the date as first registered, and a corrected date must not
 * show its old value.
 */
export function historieRegel(w: OpenbareWijzigingRow, registratieDatum: string): OpenbareHistorieDto {
  return { datum: w.soort === 'geregistreerd' ? registratieDatum : w.datum, soort: w.soort, omschrijving: omschrijving(w.gegevens), vastgelegdOp: w.vastgelegdOp };
}
