import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LICHTE_VELDEN } from './register-licht';

export interface LidRow {
  naam: string;
  fractie: string | null;
}

export interface VoortgangRow {
  datum: string;
  tekst: string;
}

export interface KoppelingRow {
  relatie: string;
  doelItemId: string;
  doelNummer: string;
}

export interface AfdoeningRow {
  datum: string;
  wijze: { soort: string; referentie: string; ministerie?: string };
  toelichting: string;
}

export interface DeelAfdoeningRow {
  datum: string;
  deel: string;
  bewijs: { soort: string; referentie: string; ministerie?: string };
}

/** A row's fields the filters read (LICHTE_VELDEN). */
export type LichteVelden = Pick<RegisterItem, (typeof LICHTE_VELDEN)[number]>;

/**
 * One row per motie or toezegging: the register as the liaison reads it. Business dates are kept
 * as ISO `YYYY-MM-DD` strings so they sort and compare the same on SQLite and PostgreSQL.
 */
@Entity({ name: 'register_items' })
export class RegisterItem {
  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 36 })
  itemId!: string;

  /** The global position of the registration: a stable integer key for the full-text index. */
  @Index({ unique: true })
  @Column({ type: 'bigint' })
  volgnummer!: string;

  @Column({ type: 'varchar', length: 12 })
  soort!: 'motie' | 'toezegging';

  @Index()
  @Column({ type: 'varchar', length: 40 })
  nummer!: string;

  /** The number's natural order (nummerSorteersleutel): what sorting by number sorts on. */
  @Index('IDX_register_nummer_sorteer')
  @Column({ name: 'nummer_sorteer', type: 'varchar', length: 160, default: '' })
  nummerSorteer!: string;

  @Column({ name: 'nummer_bron', type: 'varchar', length: 10 })
  nummerBron!: 'kamer' | 'intern';

  @Column({ type: 'varchar', length: 7, nullable: true })
  vergaderjaar!: string | null;

  @Column({ type: 'text' })
  titel!: string;

  @Column({ type: 'text' })
  tekst!: string;

  @Index()
  @Column({ type: 'varchar', length: 10 })
  datum!: string;

  @Column({ type: 'text' })
  debat!: string;

  @Column({ type: 'simple-json' })
  leden!: LidRow[];

  @Index()
  @Column({ type: 'varchar', length: 200 })
  bewindspersoon!: string;

  @Column({ type: 'varchar', length: 200 })
  ministerie!: string;

  @Index()
  @Column({ type: 'varchar', length: 200 })
  thema!: string;

  /** The owner (Behandelaar): all four null when the item has none. Filtered without case. */
  @Column({ name: 'behandelaar_naam', type: 'varchar', length: 200, nullable: true })
  behandelaarNaam!: string | null;

  @Index('IDX_register_behandelaar_email')
  @Column({ name: 'behandelaar_email', type: 'varchar', length: 254, nullable: true })
  behandelaarEmail!: string | null;

  @Index('IDX_register_behandelaar_directie')
  @Column({ name: 'behandelaar_directie', type: 'varchar', length: 200, nullable: true })
  behandelaarDirectie!: string | null;

  @Column({ name: 'behandelaar_afdeling', type: 'varchar', length: 200, nullable: true })
  behandelaarAfdeling!: string | null;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  status!: 'InBehandeling' | 'DeelsAfgedaan' | 'Afgedaan' | 'Vervallen';

  @Column({ name: 'termijn_omschrijving', type: 'text', nullable: true })
  termijnOmschrijving!: string | null;

  @Index()
  @Column({ name: 'termijn_datum', type: 'varchar', length: 10, nullable: true })
  termijnDatum!: string | null;

  @Column({ type: 'simple-json' })
  voortgang!: VoortgangRow[];

  @Column({ type: 'simple-json', nullable: true })
  afdoening!: AfdoeningRow | null;

  @Column({ name: 'deel_afdoeningen', type: 'simple-json' })
  deelAfdoeningen!: DeelAfdoeningRow[];

  /** Business date of the last reopening, when the Kamer did not accept an afdoening. */
  @Column({ name: 'heropend_op', type: 'varchar', length: 10, nullable: true })
  heropendOp!: string | null;

  @Column({ name: 'vervallen_reden', type: 'text', nullable: true })
  vervallenReden!: string | null;

  @Column({ type: 'simple-json' })
  koppelingen!: KoppelingRow[];

  /** Revision of the item's stream this row reflects: applying an older event again changes nothing. */
  @Column({ type: 'integer' })
  revisie!: number;

  @Column({ name: 'geregistreerd_op', type: 'varchar', length: 30 })
  geregistreerdOp!: string;

  @Index()
  @Column({ name: 'laatste_wijziging_op', type: 'varchar', length: 30 })
  laatsteWijzigingOp!: string;

  @Column({ name: 'laatste_wijziging', type: 'varchar', length: 60 })
  laatsteWijziging!: string;

  @Column({ name: 'laatste_wijziging_door', type: 'varchar', length: 200 })
  laatsteWijzigingDoor!: string;

  /**
   * For the time travel (see zakelijkeDatum): the latest `recordedAt` and the latest business date
   * among the events this row holds (null: none is dated). A peilmoment at or after them finds
   * this row as it is now. `vastgelegdTot` null: not known (a row written before register version
   * 10); the time travel folds such an item from its events.
   */
  @Column({ name: 'vastgelegd_tot', type: 'varchar', length: 30, nullable: true })
  vastgelegdTot!: string | null;

  @Column({ name: 'gedateerd_tot', type: 'varchar', length: 10, nullable: true })
  gedateerdTot!: string | null;

  /**
   * The row as it was before its last event, in the fields the filters read (LICHTE_VELDEN), with
   * the two columns above as they were then: a peilmoment at or after those finds the row as it
   * was before its last event. Null (all three) when the last event was the registration.
   */
  @Column({ name: 'vorig_licht', type: 'simple-json', nullable: true })
  vorigLicht!: LichteVelden | null;

  @Column({ name: 'vorig_vastgelegd_tot', type: 'varchar', length: 30, nullable: true })
  vorigVastgelegdTot!: string | null;

  @Column({ name: 'vorig_gedateerd_tot', type: 'varchar', length: 10, nullable: true })
  vorigGedateerdTot!: string | null;
}
