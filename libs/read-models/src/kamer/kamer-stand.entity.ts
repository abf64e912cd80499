import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What the Tweede Kamer last said of one of its records that concerned this ministry: the Kamer's side of every discrepancy. */
@Entity({ name: 'kamer_stand' })
export class KamerStandRow {
  @PrimaryColumn({ name: 'kamer_id', type: 'varchar', length: 64 })
  kamerId!: string;

  @Column({ type: 'varchar', length: 20 })
  entiteit!: string;

  /** The Kamer's own number (TZ202504-057). */
  @Column({ name: 'nummer_kamer', type: 'text', nullable: true })
  nummerKamer!: string | null;

  /** The same number as the register writes it: how a register item is found. */
  @Index('IDX_kamer_stand_nummer')
  @Column({ type: 'varchar', length: 40, nullable: true })
  nummer!: string | null;

  /** The Kamer's own word (a Toezegging's status, a Besluit's kind: "Stemmen - aangenomen, met algemene stemmen"); text, as the Kamer may write it long. */
  @Column({ type: 'text', nullable: true })
  status!: string | null;

  @Column({ name: 'datum_nakoming', type: 'varchar', length: 10, nullable: true })
  datumNakoming!: string | null;

  @Column({ type: 'text', nullable: true })
  ministerie!: string | null;

  @Column({ type: 'boolean' })
  verwijderd!: boolean;

  @Column({ name: 'api_gewijzigd_op', type: 'varchar', length: 30 })
  apiGewijzigdOp!: string;

  /** When the register first read the Kamer's current status (recordedAt of that page). */
  @Column({ name: 'status_sinds', type: 'varchar', length: 30 })
  statusSinds!: string;

  /** When the register first read this record at all. */
  @Column({ name: 'gezien_op', type: 'varchar', length: 30 })
  gezienOp!: string;

  @Column({ name: 'batch_id', type: 'varchar', length: 36 })
  batchId!: string;

  /** The proposal its latest proposing version made (in batch_id). */
  @Column({ name: 'voorstel_id', type: 'varchar', length: 10, nullable: true })
  voorstelId!: string | null;
}

/** A TZ number the register holds that the Kamer, asked, said it does not know. */
@Entity({ name: 'kamer_onbekend' })
export class KamerOnbekendRow {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  nummer!: string;

  @Column({ name: 'batch_id', type: 'varchar', length: 36 })
  batchId!: string;

  /** When the Kamer was asked (the first time it said so). */
  @Column({ name: 'gevraagd_op', type: 'varchar', length: 30 })
  gevraagdOp!: string;
}
