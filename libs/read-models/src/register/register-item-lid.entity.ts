import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The members of an item, one row each, so that the liaison can filter by member and fractie. Each
 * row also carries copies of the item's filter columns (kind, status, theme, termijn date): a
 * member has ~10,000 items at national scale, and with the copies the liaison's question ("open,
 * overdue, this member, this theme") is answered from one index range instead of looking up every
 * item of the member. The register projection rewrites a member row whenever one of them changes.
 * The indexes are created by the migrations (SQLite needs NOCASE on the text columns).
 */
@Entity({ name: 'register_item_leden' })
export class RegisterItemLid {
  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 36 })
  itemId!: string;

  @PrimaryColumn({ type: 'integer' })
  positie!: number;

  @Column({ type: 'varchar', length: 200 })
  naam!: string;

  /** Lower case without diacritics, so that "Michon-Derkzen" and "michon-derkzen" find the same. */
  @Column({ name: 'naam_sleutel', type: 'varchar', length: 200 })
  naamSleutel!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  fractie!: string | null;

  @Column({ type: 'varchar', length: 12 })
  soort!: 'motie' | 'toezegging';

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ type: 'varchar', length: 200 })
  thema!: string;

  @Column({ name: 'termijn_datum', type: 'varchar', length: 10, nullable: true })
  termijnDatum!: string | null;
}
