import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per event that opened or closed an item, dated by its business date: +1 when it was
 * registered or reopened, -1 when it was afgedaan or lapsed. The running sum up to the end of a
 * month is the number of items open at that moment.
 */
@Entity({ name: 'open_verloop' })
@Index(['datum'])
export class OpenVerloopRow {
  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 36 })
  itemId!: string;

  /** The event's revision in the item's stream; the registration is revision 0. */
  @PrimaryColumn({ type: 'integer' })
  revisie!: number;

  @Column({ type: 'varchar', length: 10 })
  datum!: string;

  @Column({ type: 'integer' })
  delta!: number;
}
