import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The members of an item, one row each, so that the liaison can filter by member and fractie. */
@Entity({ name: 'register_item_leden' })
@Index(['naamSleutel'])
@Index(['fractie'])
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
}
