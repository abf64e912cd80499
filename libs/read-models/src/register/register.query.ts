import { Brackets, DataSource, FindOptionsSelect, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { isPostgres } from '../projections/projection';
import { RegisterItemLid } from './register-item-lid.entity';
import { RegisterItem } from './register-item.entity';
import { zoekSleutel } from './zoek-sleutel';

export const SORTEERVELDEN = {
  nummer: 'item.nummer',
  datum: 'item.datum',
  termijn: 'item.termijnDatum',
  status: 'item.status',
  titel: 'item.titel',
  laatsteWijziging: 'item.laatsteWijzigingOp',
} as const;
export type Sorteerveld = keyof typeof SORTEERVELDEN;

export const OPEN_STATUSSEN = ['InBehandeling', 'DeelsAfgedaan'] as const;

export interface RegisterFilter {
  readonly soort?: 'motie' | 'toezegging';
  /** One or more statuses; `open` stands for in behandeling and deels afgedaan. */
  readonly status?: readonly string[];
  readonly lid?: string;
  readonly fractie?: string;
  readonly bewindspersoon?: string;
  readonly ministerie?: string;
  readonly thema?: string;
  /** Only open items whose termijn date lies before this business date. */
  readonly achterstalligOp?: string;
  readonly zoek?: string;
  readonly sorteer?: Sorteerveld;
  readonly aflopend?: boolean;
  readonly pagina: number;
  readonly perPagina: number;
}

export interface Telling {
  readonly waarde: string;
  readonly open: number;
  readonly achterstallig: number;
}

/** Case-insensitive equality: lower() on PostgreSQL, the NOCASE collation on SQLite (as the indexes are built). */
function gelijkZonderHoofdletters(pg: boolean, kolom: string, param: string): string {
  return pg ? `LOWER(${kolom}) = LOWER(:${param})` : `${kolom} = :${param} COLLATE NOCASE`;
}

/** `open` stands for in behandeling and deels afgedaan. */
function statussenVan(status: readonly string[]): string[] {
  return [...new Set(status.flatMap((s) => (s === 'open' ? [...OPEN_STATUSSEN] : [s])))];
}

export interface RegisterTelling {
  readonly open: number;
  readonly achterstallig: number;
  readonly perBewindspersoon: Telling[];
  readonly perThema: Telling[];
  readonly perFractie: Telling[];
  /** The members with the most open items. */
  readonly perLid: Telling[];
}

/** `kort`: the columns a list shows (no texts, progress, afdoening or links); `volledig`: the whole row. */
export type Weergave = 'kort' | 'volledig';

/** The columns of the short view, each filled in on the returned rows; the others stay unset. */
export const KORTE_VELDEN = [
  'itemId', 'volgnummer', 'soort', 'nummer', 'nummerBron', 'vergaderjaar', 'titel', 'datum', 'leden', 'bewindspersoon', 'ministerie', 'thema', 'status',
  'termijnOmschrijving', 'termijnDatum', 'revisie', 'laatsteWijzigingOp', 'laatsteWijziging', 'laatsteWijzigingDoor',
] as const satisfies readonly (keyof RegisterItem)[];

export interface RegisterPage {
  readonly items: RegisterItem[];
  readonly totaal: number;
}

/** Reads the register read model; the same queries on SQLite and PostgreSQL. */
export class RegisterQuery {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One page of the register. The page is chosen on the item ids alone and only its rows are then
   * read whole: sorting a few hundred matches with their long texts attached cost more than the
   * search itself. The short view reads only the small columns, which SQLite keeps before the long
   * texts, so a page of it never touches the texts' overflow pages.
   */
  async list(filter: RegisterFilter, weergave: Weergave = 'volledig'): Promise<RegisterPage> {
    const repository = this.dataSource.getRepository(RegisterItem);
    const qb = repository.createQueryBuilder('item').select(['item.itemId']);
    this.applyFilter(qb, filter);
    const kolom = SORTEERVELDEN[filter.sorteer ?? 'nummer'];
    const richting = filter.aflopend ? 'DESC' : 'ASC';
    qb.orderBy(kolom, richting, richting === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST').addOrderBy('item.itemId', 'ASC');
    qb.skip((filter.pagina - 1) * filter.perPagina).take(filter.perPagina);
    const [pagina, totaal] = await Promise.all([qb.getMany(), this.ledenAlleen(filter) ? this.telViaLeden(filter) : qb.getCount()]);
    const ids = pagina.map((p) => p.itemId);
    const select = weergave === 'kort' ? (Object.fromEntries(KORTE_VELDEN.map((v) => [v, true])) as FindOptionsSelect<RegisterItem>) : undefined;
    const rows = new Map((ids.length ? await repository.find({ select, where: { itemId: In(ids) } }) : []).map((r) => [r.itemId, r]));
    // A row removed between the two reads (only a rebuild does that) is left out rather than failing.
    const items = ids.map((id) => rows.get(id)).filter((r): r is RegisterItem => r !== undefined);
    return { items, totaal };
  }

  async byId(itemId: string): Promise<RegisterItem | null> {
    return this.dataSource.getRepository(RegisterItem).findOneBy({ itemId });
  }

  async byNummer(nummer: string): Promise<RegisterItem | null> {
    return this.dataSource.getRepository(RegisterItem).findOneBy({ nummer });
  }

  /**
   * Open and overdue items (termijn before `peildatum`) in total and grouped by bewindspersoon,
   * theme, fractie and member, most open first: the liaison's dashboard.
   */
  async telling(peildatum: string, maxLeden = 25): Promise<RegisterTelling> {
    const pg = isPostgres(this.dataSource.manager);
    const p = (n: number) => (pg ? `$${n}` : '?');
    const open = `status IN ('InBehandeling', 'DeelsAfgedaan')`;
    // Items are counted from the items (one row each), fracties and members from the member rows,
    // which carry the item's status and termijn date: each an index-only scan (see the migration).
    const perItem = `COUNT(*) AS open, SUM(CASE WHEN termijn_datum < ${p(1)} THEN 1 ELSE 0 END) AS achterstallig FROM register_items`;
    const perLidRij = `COUNT(DISTINCT item_id) AS open, COUNT(DISTINCT CASE WHEN termijn_datum < ${p(1)} THEN item_id END) AS achterstallig FROM register_item_leden`;
    const groep = async (telling: string, kolom?: string, limiet?: number): Promise<Telling[]> => {
      const per = kolom ? ` GROUP BY ${kolom} ORDER BY open DESC, waarde ASC${limiet ? ` LIMIT ${limiet}` : ''}` : '';
      const rows: { waarde: string | null; open: string | number | null; achterstallig: string | number | null }[] = await this.dataSource.query(
        `SELECT ${kolom ?? 'NULL'} AS waarde, ${telling} WHERE ${open}${per}`,
        [peildatum],
      );
      return rows.map((r) => ({ waarde: r.waarde ?? '', open: Number(r.open ?? 0), achterstallig: Number(r.achterstallig ?? 0) }));
    };
    const [totaal] = await groep(perItem);
    return {
      open: totaal.open,
      achterstallig: totaal.achterstallig,
      perBewindspersoon: await groep(perItem, 'bewindspersoon'),
      perThema: await groep(perItem, 'thema'),
      perFractie: (await groep(perLidRij, 'fractie')).filter((t) => t.waarde !== ''),
      perLid: await groep(perLidRij, 'naam', maxLeden),
    };
  }

  /** Current numbers of linked items, so that a corrected number shows up in every link. */
  async nummers(itemIds: readonly string[]): Promise<Map<string, string>> {
    if (itemIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(RegisterItem)
      .createQueryBuilder('item')
      .select(['item.itemId', 'item.nummer'])
      .where('item.itemId IN (:...ids)', { ids: [...new Set(itemIds)] })
      .getMany();
    return new Map(rows.map((r) => [r.itemId, r.nummer]));
  }

  /** Whether the member rows alone (with their copied columns) can answer every filter given. */
  private ledenAlleen(f: RegisterFilter): boolean {
    return !!(f.lid || f.fractie) && !f.bewindspersoon && !f.ministerie && !f.zoek?.trim();
  }

  /** The count from the member index alone: no item row is read. */
  private async telViaLeden(f: RegisterFilter): Promise<number> {
    const qb = this.ledenFilter(this.dataSource.getRepository(RegisterItemLid).createQueryBuilder('lid').select('COUNT(DISTINCT lid.itemId)', 'aantal'), f);
    const rij = await qb.getRawOne<{ aantal: string | number }>();
    return Number(rij?.aantal ?? 0);
  }

  /** The member, fractie and copied filter columns on the member rows (alias `lid`). */
  private ledenFilter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, f: RegisterFilter): SelectQueryBuilder<T> {
    const pg = isPostgres(this.dataSource.manager);
    const gelijk = (kolom: string, param: string) => gelijkZonderHoofdletters(pg, kolom, param);
    if (f.lid) qb.andWhere('lid.naamSleutel = :lidSleutel', { lidSleutel: zoekSleutel(f.lid) });
    if (f.fractie) qb.andWhere(gelijk('lid.fractie', 'fractie'), { fractie: f.fractie });
    if (f.soort) qb.andWhere('lid.soort = :soort', { soort: f.soort });
    if (f.status?.length) qb.andWhere('lid.status IN (:...statussen)', { statussen: statussenVan(f.status) });
    if (f.thema) qb.andWhere(gelijk('lid.thema', 'thema'), { thema: f.thema });
    if (f.achterstalligOp) {
      qb.andWhere('lid.status IN (:...open) AND lid.termijnDatum IS NOT NULL AND lid.termijnDatum < :peildatum', { open: [...OPEN_STATUSSEN], peildatum: f.achterstalligOp });
    }
    return qb;
  }

  private applyFilter(qb: SelectQueryBuilder<RegisterItem>, f: RegisterFilter): void {
    const pg = isPostgres(qb.connection.manager);
    const gelijk = (kolom: string, param: string) => gelijkZonderHoofdletters(pg, kolom, param);
    // Status has a handful of values and most items are open: on SQLite its index must never drive
    // the plan ("+" keeps the planner off it), or every filtered query scans half the register.
    const status = pg ? 'item.status' : '+item.status';
    if (f.soort) qb.andWhere('item.soort = :soort', { soort: f.soort });
    if (f.status?.length) qb.andWhere(`${status} IN (:...statussen)`, { statussen: statussenVan(f.status) });
    if (f.bewindspersoon) qb.andWhere(gelijk('item.bewindspersoon', 'bewindspersoon'), { bewindspersoon: f.bewindspersoon });
    if (f.ministerie) qb.andWhere(gelijk('item.ministerie', 'ministerie'), { ministerie: f.ministerie });
    if (f.thema) qb.andWhere(gelijk(pg ? 'item.thema' : '+item.thema', 'thema'), { thema: f.thema });
    if (f.lid || f.fractie) {
      // Members are the most selective filter: the query is driven from their index. Member rows
      // carry copies of kind, status, theme and termijn date, so those filters are applied inside
      // that index range too and only matching items are looked up.
      const sub = this.ledenFilter(qb.subQuery().select('lid.itemId').from(RegisterItemLid, 'lid'), f);
      qb.andWhere(`item.itemId IN ${sub.getQuery()}`, sub.getParameters());
    }
    if (f.achterstalligOp) {
      // With a member filter the member index drives; a date range over twenty years would not.
      const termijn = !pg && (f.lid || f.fractie) ? '+item.termijn_datum' : 'item.termijnDatum';
      qb.andWhere(`${status} IN (:...open)`, { open: [...OPEN_STATUSSEN] });
      qb.andWhere(`${termijn} IS NOT NULL AND ${termijn} < :peildatum`, { peildatum: f.achterstalligOp });
    }
    if (f.zoek?.trim()) this.applyZoek(qb, f.zoek);
  }

  private applyZoek(qb: SelectQueryBuilder<RegisterItem>, zoek: string): void {
    if (isPostgres(qb.connection.manager)) {
      qb.andWhere("item.zoekvector @@ plainto_tsquery('dutch', :zoek)", { zoek });
      return;
    }
    const termen = zoek.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (termen.length === 0) {
      qb.andWhere('1 = 0');
      return;
    }
    // Each word quoted and as a prefix: user input never reaches FTS5 as query syntax.
    const fts = termen.map((t) => `"${t}"*`).join(' ');
    qb.andWhere(new Brackets((w) => w.where('item.volgnummer IN (SELECT rowid FROM register_zoek WHERE register_zoek MATCH :fts)', { fts })));
  }
}
