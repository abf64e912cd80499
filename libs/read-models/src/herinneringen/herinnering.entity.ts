import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One reminder digest as the log recorded it: to whom, for which period, what it said in counts, and whether it went out. */
@Entity({ name: 'herinneringen' })
@Index('IDX_herinneringen_email', ['email', 'datum'])
@Index('IDX_herinneringen_datum', ['datum'])
export class HerinneringRow {
  @PrimaryColumn({ name: 'herinnering_id', type: 'varchar', length: 36 })
  herinneringId!: string;

  @Column({ type: 'varchar', length: 20 })
  soort!: string;

  @Column({ type: 'varchar', length: 10 })
  periode!: string;

  /** The business date the lists were drawn up for. */
  @Column({ type: 'varchar', length: 10 })
  datum!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  // Names and ids come from configuration and the register unbounded: text, so no value can stop the projection.
  @Column({ type: 'text' })
  naam!: string;

  @Column({ type: 'text', nullable: true })
  bewindspersoon!: string | null;

  @Column({ type: 'text' })
  onderwerp!: string;

  @Column({ name: 'message_id', type: 'text' })
  messageId!: string;

  /** Voorbereid, Verstuurd or Mislukt. */
  @Column({ type: 'varchar', length: 12 })
  status!: string;

  @Column({ type: 'integer' })
  pogingen!: number;

  @Column({ type: 'boolean' })
  blijvend!: boolean;

  @Column({ type: 'text', nullable: true })
  reden!: string | null;

  @Column({ name: 'smtp_antwoord', type: 'text', nullable: true })
  smtpAntwoord!: string | null;

  @Column({ type: 'boolean' })
  hervat!: boolean;

  @Column({ name: 'voorbereid_op', type: 'varchar', length: 30 })
  voorbereidOp!: string;

  @Column({ name: 'verstuurd_op', type: 'varchar', length: 30, nullable: true })
  verstuurdOp!: string | null;

  @Column({ name: 'aantal_achterstallig', type: 'integer' })
  aantalAchterstallig!: number;

  @Column({ name: 'aantal_binnenkort', type: 'integer' })
  aantalBinnenkort!: number;
}

/** Which items a digest listed, and as what: the auditor's "was the owner told about this item?". */
@Entity({ name: 'herinnering_items' })
@Index('IDX_herinnering_items_item', ['itemId'])
export class HerinneringItemRow {
  @PrimaryColumn({ name: 'herinnering_id', type: 'varchar', length: 36 })
  herinneringId!: string;

  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 36 })
  itemId!: string;

  @Column({ type: 'boolean' })
  achterstallig!: boolean;

  @Column({ name: 'termijn_datum', type: 'varchar', length: 10 })
  termijnDatum!: string;
}
