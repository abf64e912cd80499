import { DataSource, EntityMetadata } from 'typeorm';
import { isPostgres } from '../projections/projection';
import { RegisterItem } from './register-item.entity';
import { MAX_ZOEKTERMEN, zoekTermen } from './nl-stammen';
import { Zoekveld, gekozenWaarden, rangschikSuggesties } from './register-waarden';
import { zoekSleutel } from './zoek-sleutel';
import { OPEN_STATUSSEN, RegisterTelling, registerTelling } from './register-telling';

export * from './register-telling';

export const SORTEERVELDEN = {
  /** Natural order of Kamer numbers: dossier, toevoeging, volgnummer (see nummerSorteersleutel). */
  nummer: 'item.nummerSorteer',
  datum: 'item.datum',
  termijn: 'item.termijnDatum',
  status: 'item.status',
  titel: 'item.titel',
  laatsteWijziging: 'item.laatsteWijzigingOp',
} as const;
export type Sorteerveld = keyof typeof SORTEERVELDEN;


export interface RegisterFilter {
  readonly soort?: 'motie' | 'toezegging';
  /** One or more statuses; `open` stands for in behandeling and deels afgedaan. */
  readonly status?: readonly string[];
  readonly lid?: string;
  readonly fractie?: string;
  readonly bewindspersoon?: string;
  readonly ministerie?: string;
  readonly thema?: string;
  /** The behandelaar's directie, equal up to case (as ministerie). */
  readonly directie?: string;
  /** The behandelaar's e-mail address, equal up to case: "Mijn items". */
  readonly behandelaar?: string;
  /** Only open items whose termijn date lies before this business date. */
  readonly achterstalligOp?: string;
  readonly zoek?: string;
  readonly sorteer?: Sorteerveld;
  readonly aflopend?: boolean;
  readonly pagina: number;
  readonly perPagina: number;
}

/** `open` stands for in behandeling and deels afgedaan. */
function statussenVan(status: readonly string[]): string[] {
  return [...new Set(status.flatMap((s) => (s === 'open' ? [...OPEN_STATUSSEN] : [s])))];
}

/** `kort`: the columns a list shows (no texts, progress, afdoening or links); `volledig`: the whole row. */
export type Weergave = 'kort' | 'volledig';

/** The columns of the short view, each filled in on the returned rows; the others stay unset. */
export const KORTE_VELDEN = [
  'itemId', 'volgnummer', 'soort', 'nummer', 'nummerBron', 'vergaderjaar', 'titel', 'datum', 'leden', 'bewindspersoon', 'ministerie', 'thema', 'status',
  'behandelaarNaam', 'behandelaarEmail', 'behandelaarDirectie', 'behandelaarAfdeling', 'termijnOmschrijving', 'termijnDatum', 'revisie', 'laatsteWijzigingOp', 'laatsteWijziging', 'laatsteWijzigingDoor',
] as const satisfies readonly (keyof RegisterItem)[];

export interface RegisterPage {
  readonly items: RegisterItem[];
  readonly totaal: number;
}

/**
 * A filter on a person or theme that is not one of the register's values as typed: the values it
 * stands for (gekozenWaarden), compared exactly. A field not in here is compared as before.
 */
type GekozenWaarden = Partial<Record<Zoekveld, string[]>> & {
  /** Fields whose chosen values cover so much of the register that their index would only slow the sorted page down. */
  readonly breed?: ReadonlySet<Zoekveld>;
};

/** Above this share of the register a value list is read in the sort's order rather than through its own index. */
const BREED_AANDEEL = 0.2;

export interface Suggestie {
  readonly waarde: string;
  /** For a Kamerlid: the fractie the register has for them. */
  readonly toelichting?: string;
  /** Open and closed items with this value. */
  readonly aantal: number;
}

/** The rows an export streams per read: small enough to keep memory flat, large enough to be quick. */
const STROOM_BLOK = 500;

/** Reads the register read model; the same queries on SQLite and PostgreSQL. */
export class RegisterQuery {
  private readonly pg: boolean;
  private readonly metadata: EntityMetadata;

  constructor(private readonly dataSource: DataSource) {
    this.pg = isPostgres(dataSource.manager);
    this.metadata = dataSource.getMetadata(RegisterItem);
  }

  /**
   * One page of the register. The page is chosen on the item ids alone and only its rows are then
   * read whole: sorting a few hundred matches with their long texts attached cost more than the
   * search itself. The short view reads only the small columns, which SQLite keeps before the long
   * texts, so a page of it never touches the texts' overflow pages.
   */
  async list(filter: RegisterFilter, weergave: Weergave = 'volledig'): Promise<RegisterPage> {
    const gekozen = await this.kiesWaarden(filter);
    if (!gekozen) return { items: [], totaal: 0 };
    const ids = await this.gesorteerd(filter, gekozen, { aantal: filter.perPagina, vanaf: (filter.pagina - 1) * filter.perPagina });
    const totaal = await this.tel(filter, gekozen);
    return { items: await this.rijen(ids, weergave), totaal };
  }

  /**
   * Every row the filter selects, in its order, a block at a time: for exports of any size. The ids
   * are read once (a few MB at national scale); the rows follow per block, so memory stays flat
   * and the event loop is free between blocks. A row changed between blocks shows its new state.
   */
  async *stroom(filter: Omit<RegisterFilter, 'pagina' | 'perPagina'>, weergave: Weergave = 'volledig', blok = STROOM_BLOK): AsyncGenerator<RegisterItem[]> {
    const volledig: RegisterFilter = { ...filter, pagina: 1, perPagina: 1 };
    const gekozen = await this.kiesWaarden(volledig);
    if (!gekozen) return;
    const ids = await this.gesorteerd(volledig, gekozen);
    for (let i = 0; i < ids.length; i += blok) {
      const deel = ids.slice(i, i + blok);
      const rijen = await this.rijen(deel, weergave);
      // Only a rebuild removes rows: the export then breaks rather than end short as if it were whole.
      if (rijen.length < deel.length) throw new Error('Het register werd tijdens de export opnieuw opgebouwd; de export is afgebroken.');
      yield rijen;
      // SQLite answers synchronously: give the event loop a turn between blocks, so that other
      // requests are served while a large export is written.
      await new Promise((r) => setImmediate(r));
    }
  }

  /** How many rows the filter selects. */
  async aantal(filter: Omit<RegisterFilter, 'pagina' | 'perPagina'>): Promise<number> {
    const volledig: RegisterFilter = { ...filter, pagina: 1, perPagina: 1 };
    const gekozen = await this.kiesWaarden(volledig);
    if (!gekozen) return 0;
    return this.tel(volledig, gekozen);
  }

  /**
   * The ids the filter selects, sorted, or one page of them; the page is chosen on these alone (see
   * list). Every statement of the register's list is written here as SQL, not built by TypeORM:
   * building and hydrating took more than twice what SQLite needs to answer (1.3 of 2 ms a page).
   */
  private async gesorteerd(filter: RegisterFilter, gekozen: GekozenWaarden, pagina?: { aantal: number; vanaf: number }): Promise<string[]> {
    const sql = new Sql(this.pg);
    const kolom = this.kolom(SORTEERVELDEN[filter.sorteer ?? 'nummer'].slice('item.'.length));
    const richting = filter.aflopend ? 'DESC NULLS FIRST' : 'ASC NULLS LAST';
    const waar = this.filterSql(sql, filter, gekozen);
    const deel = pagina ? ` LIMIT ${sql.p(pagina.aantal)} OFFSET ${sql.p(pagina.vanaf)}` : '';
    const rijen = await this.vraag<{ item_id: string }>(sql, `SELECT item.item_id AS item_id FROM register_items item${waar} ORDER BY item.${kolom} ${richting}, item.item_id ASC${deel}`);
    return rijen.map((r) => r.item_id);
  }

  /** How many items the filter selects: from the member index alone when the member rows can answer it. */
  private async tel(filter: RegisterFilter, gekozen: GekozenWaarden): Promise<number> {
    const sql = new Sql(this.pg);
    const vraag = this.ledenAlleen(filter)
      ? `SELECT COUNT(DISTINCT lid.item_id) AS aantal FROM register_item_leden lid${waarVan(this.ledenSql(sql, filter, gekozen))}`
      : `SELECT COUNT(*) AS aantal FROM register_items item${this.filterSql(sql, filter, gekozen)}`;
    const [rij] = await this.vraag<{ aantal: string | number }>(sql, vraag);
    return Number(rij?.aantal ?? 0);
  }

  /** These rows, in this order; the short view reads only its columns. */
  private async rijen(ids: readonly string[], weergave: Weergave): Promise<RegisterItem[]> {
    if (ids.length === 0) return [];
    const korte = new Set<string>(KORTE_VELDEN);
    const kolommen = this.metadata.columns.filter((c) => weergave === 'volledig' || korte.has(c.propertyName));
    const sql = new Sql(this.pg);
    const vraag = `SELECT ${kolommen.map((c) => `"${c.databaseName}"`).join(', ')} FROM register_items WHERE item_id IN (${sql.lijst(ids)})`;
    // Each value read as TypeORM reads it (simple-json parsed, numbers as the driver gives them).
    const driver = this.dataSource.driver;
    const rows = new Map(
      (await this.vraag<Record<string, unknown>>(sql, vraag)).map((rij) => {
        const item = this.metadata.create() as RegisterItem;
        for (const c of kolommen) c.setEntityValue(item, driver.prepareHydratedValue(rij[c.databaseName], c));
        return [item.itemId, item] as const;
      }),
    );
    // A row removed between the two reads (only a rebuild does that) is left out rather than failing.
    return ids.map((id) => rows.get(id)).filter((r): r is RegisterItem => r !== undefined);
  }

  private vraag<R>(sql: Sql, tekst: string): Promise<R[]> {
    return this.dataSource.query(tekst, sql.waarden);
  }

  /** The column of a RegisterItem property. */
  private kolom(eigenschap: string): string {
    return this.metadata.findColumnWithPropertyName(eigenschap)!.databaseName;
  }

  /**
   * The persons and themes the filter means (gekozenWaarden), from the register's values table
   * (register_waarden: a few hundred rows), so that a typed part of a name never reads the register
   * itself and the register is then filtered on exact values through its indexes. Undefined when a
   * filter means no value at all.
   */
  private async kiesWaarden(f: RegisterFilter): Promise<GekozenWaarden | undefined> {
    const gekozen: { -readonly [K in keyof GekozenWaarden]: GekozenWaarden[K] } = {};
    const breed = new Set<Zoekveld>();
    const velden: [Zoekveld, string | undefined][] = [['lid', f.lid], ['fractie', f.fractie], ['bewindspersoon', f.bewindspersoon], ['thema', f.thema]];
    for (const [veld, invoer] of velden) {
      if (!invoer?.trim()) continue;
      const rijen = await this.waarden(veld);
      const waarden = rijen.map((w) => w.waarde);
      // Members are filtered on their zoekSleutel, the indexed form of the name.
      const gekozenVeld = veld === 'lid' ? gekozenWaarden(invoer, new Set(waarden.map(zoekSleutel))) : gekozenWaarden(invoer, waarden);
      if (gekozenVeld.length === 0) return undefined;
      gekozen[veld] = gekozenVeld;
      // "minister" is most of the register: sorting 137,000 rows found through the index took 0.5 s
      // at 150,000 items, walking the sort's index and skipping the others takes milliseconds.
      const kies = new Set(gekozenVeld);
      const aandeel = (n: (w: (typeof rijen)[number]) => boolean) => rijen.filter(n).reduce((t, w) => t + w.aantal, 0);
      if (veld !== 'lid' && aandeel((w) => kies.has(w.waarde)) > BREED_AANDEEL * aandeel(() => true)) breed.add(veld);
    }
    return { ...gekozen, breed };
  }

  /** The register's values of one field with their counts. */
  private async waarden(veld: Zoekveld): Promise<{ waarde: string; toelichting: string | null; aantal: number }[]> {
    const p = isPostgres(this.dataSource.manager) ? '$1' : '?';
    const rijen: { waarde: string; toelichting: string | null; aantal: string | number }[] = await this.dataSource.query(
      `SELECT waarde, toelichting, aantal FROM register_waarden WHERE veld = ${p}`,
      [veld],
    );
    return rijen.map((r) => ({ waarde: r.waarde, toelichting: r.toelichting, aantal: Number(r.aantal) }));
  }

  /**
   * Values of a field that contain what was typed (without case and accents), for a person to pick
   * from while typing: those that start with it first, then the most used.
   */
  async suggesties(veld: Zoekveld, invoer: string, max = 10): Promise<Suggestie[]> {
    if (zoekSleutel(invoer) === '') return [];
    const kandidaten = (await this.waarden(veld)).map((w) => ({ waarde: w.waarde, aantal: w.aantal, ...(w.toelichting ? { toelichting: w.toelichting } : {}) }));
    return rangschikSuggesties(invoer, kandidaten, max);
  }

  async byId(itemId: string): Promise<RegisterItem | null> {
    return this.dataSource.getRepository(RegisterItem).findOneBy({ itemId });
  }

  async byNummer(nummer: string): Promise<RegisterItem | null> {
    return this.dataSource.getRepository(RegisterItem).findOneBy({ nummer });
  }

  /**
   * Open and overdue items (termijn before `peildatum`) in total and grouped by bewindspersoon,
   * theme, fractie and member, most open first: the liaison's dashboard (see registerTelling).
   */
  telling(peildatum: string, maxLeden = 25): Promise<RegisterTelling> {
    return registerTelling((sql, waarden) => this.dataSource.query(sql, [...waarden]), this.pg, peildatum, maxLeden);
  }

  /**
   * The register's own spellings of a bewindspersoon: every value equal to `naam` without case,
   * accents and extra spaces (from the values table), so that a transfer of "minister van
   * Economie" also takes the items registered as "minister van Économie".
   */
  async bewindspersoonSchrijfwijzen(naam: string): Promise<string[]> {
    const gezocht = zoekSleutel(naam);
    if (gezocht === '') return [];
    return (await this.waarden('bewindspersoon')).map((w) => w.waarde).filter((w) => zoekSleutel(w) === gezocht);
  }

  /**
   * The open items (in behandeling, deels afgedaan) of these bewindspersonen, exactly as spelt, in
   * one statement through the bewindspersoon index: ids and kinds only, for a bulk change.
   */
  async openItemsVan(bewindspersonen: readonly string[]): Promise<{ itemId: string; soort: 'motie' | 'toezegging' }[]> {
    if (bewindspersonen.length === 0) return [];
    const pg = isPostgres(this.dataSource.manager);
    const plaatsen = bewindspersonen.map((_, i) => (pg ? `$${i + 1}` : '?')).join(', ');
    const rijen: { item_id: string; soort: 'motie' | 'toezegging' }[] = await this.dataSource.query(
      `SELECT item_id, soort FROM register_items WHERE bewindspersoon IN (${plaatsen}) AND status IN ('InBehandeling', 'DeelsAfgedaan') ORDER BY nummer_sorteer, item_id`,
      [...bewindspersonen],
    );
    return rijen.map((r) => ({ itemId: r.item_id, soort: r.soort }));
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
    return !!(f.lid || f.fractie) && !f.bewindspersoon && !f.ministerie && !f.directie && !f.behandelaar && !f.zoek?.trim();
  }

  /** The member, fractie and copied filter columns on the member rows (alias `lid`). */
  private ledenSql(sql: Sql, f: RegisterFilter, gekozen: GekozenWaarden): string[] {
    // The chosen values are closed under case (gekozenWaarden), so on SQLite they may be compared
    // without case, as the member indexes are built.
    const zonderHoofdletters = this.pg ? '' : ' COLLATE NOCASE';
    const waar: string[] = [];
    if (gekozen.lid) waar.push(`lid.naam_sleutel IN (${sql.lijst(gekozen.lid)})`);
    if (gekozen.fractie) waar.push(`lid.fractie${zonderHoofdletters} IN (${sql.lijst(gekozen.fractie)})`);
    if (f.soort) waar.push(`lid.soort = ${sql.p(f.soort)}`);
    if (f.status?.length) waar.push(`lid.status IN (${sql.lijst(statussenVan(f.status))})`);
    if (gekozen.thema) waar.push(`lid.thema${zonderHoofdletters} IN (${sql.lijst(gekozen.thema)})`);
    if (f.achterstalligOp) waar.push(`lid.status IN (${sql.lijst(OPEN_STATUSSEN)}) AND lid.termijn_datum IS NOT NULL AND lid.termijn_datum < ${sql.p(f.achterstalligOp)}`);
    return waar;
  }

  /** The filter on the items (alias `item`), as a WHERE clause, or nothing. */
  private filterSql(sql: Sql, f: RegisterFilter, gekozen: GekozenWaarden): string {
    const pg = this.pg;
    const waar: string[] = [];
    // Case-insensitive equality: lower() on PostgreSQL, the NOCASE collation on SQLite (as the indexes are built).
    const gelijk = (kolom: string, waarde: string) => (pg ? `LOWER(${kolom}) = LOWER(${sql.p(waarde)})` : `${kolom} = ${sql.p(waarde)} COLLATE NOCASE`);
    // Status has a handful of values and most items are open: on SQLite its index must never drive
    // the plan ("+" keeps the planner off it), or every filtered query scans half the register.
    const status = pg ? 'item.status' : '+item.status';
    if (f.soort) waar.push(`item.soort = ${sql.p(f.soort)}`);
    if (f.status?.length) waar.push(`${status} IN (${sql.lijst(statussenVan(f.status))})`);
    if (gekozen.bewindspersoon) waar.push(`${!pg && gekozen.breed?.has('bewindspersoon') ? '+' : ''}item.bewindspersoon IN (${sql.lijst(gekozen.bewindspersoon)})`);
    if (f.ministerie) waar.push(gelijk('item.ministerie', f.ministerie));
    if (f.directie) waar.push(gelijk('item.behandelaar_directie', f.directie));
    if (f.behandelaar) waar.push(gelijk('item.behandelaar_email', f.behandelaar));
    if (gekozen.thema) waar.push(`${pg ? 'item.thema' : '+item.thema'} IN (${sql.lijst(gekozen.thema)})`);
    if (gekozen.lid || gekozen.fractie) {
      // Members are the most selective filter: the query is driven from their index. Member rows
      // carry copies of kind, status, theme and termijn date, so those filters are applied inside
      // that index range too and only matching items are looked up.
      waar.push(`item.item_id IN (SELECT lid.item_id FROM register_item_leden lid${waarVan(this.ledenSql(sql, f, gekozen))})`);
    }
    if (f.achterstalligOp) {
      // With a member filter the member index drives; a date range over twenty years would not.
      const termijn = !pg && (gekozen.lid || gekozen.fractie) ? '+item.termijn_datum' : 'item.termijn_datum';
      waar.push(`${status} IN (${sql.lijst(OPEN_STATUSSEN)})`);
      waar.push(`${termijn} IS NOT NULL AND ${termijn} < ${sql.p(f.achterstalligOp)}`);
    }
    if (f.zoek?.trim()) waar.push(this.zoekSql(sql, f.zoek));
    return waarVan(waar);
  }

  private zoekSql(sql: Sql, zoek: string): string {
    if (this.pg) {
      // The same bound as on SQLite: the first MAX_ZOEKTERMEN different words.
      const woorden = [...new Set(zoek.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}\p{Co}]+/gu) ?? [])].slice(0, MAX_ZOEKTERMEN);
      return `item.zoekvector @@ plainto_tsquery('dutch', ${sql.p(woorden.join(' '))})`;
    }
    // The index holds Dutch stems (nlStammen); each query word is stemmed the same way.
    const termen = zoekTermen(zoek);
    if (termen.length === 0) return '1 = 0';
    // Each word quoted (and as a prefix from three letters): user input never reaches FTS5 as query syntax.
    const fts = termen.map((t) => `"${t.stam}"${t.voorvoegsel ? '*' : ''}`).join(' ');
    return `item.volgnummer IN (SELECT rowid FROM register_zoek WHERE register_zoek MATCH ${sql.p(fts)})`;
  }
}

/** A statement's parameters, in the order its text names them: `$1`, `$2` … on PostgreSQL, `?` on SQLite. */
class Sql {
  readonly waarden: unknown[] = [];

  constructor(private readonly pg: boolean) {}

  /** A placeholder for this value. */
  p(waarde: unknown): string {
    this.waarden.push(waarde);
    return this.pg ? `$${this.waarden.length}` : '?';
  }

  lijst(waarden: readonly unknown[]): string {
    return waarden.map((w) => this.p(w)).join(', ');
  }
}

function waarVan(voorwaarden: readonly string[]): string {
  return voorwaarden.length === 0 ? '' : ` WHERE ${voorwaarden.join(' AND ')}`;
}
