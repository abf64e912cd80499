import { Afhandeling, ImportStandaard, Voorstel } from '@register/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export interface VoorstelRegel extends Voorstel {
  afhandeling: Afhandeling;
  itemId: string | null;
  reden: string | null;
  stappen: string[];
  gewijzigdeVelden: string[];
  afgehandeldDoor: string | null;
  afgehandeldOp: string | null;
}

export interface BatchDocument {
  brief: { datum: string | null; kenmerk: string | null; onderwerp: string | null };
  standaard: ImportStandaard;
  waarschuwingen: string[];
  aanvullendeZaken: { titel: string; regel: number }[];
  alBekend: number;
  voorstellen: VoorstelRegel[];
}

/** One row per import batch: what was read from which document, and what became of each proposal. */
@Entity({ name: 'import_batches' })
@Index(['ingelezenOp'])
export class ImportBatchRow {
  @PrimaryColumn({ name: 'batch_id', type: 'varchar', length: 36 })
  batchId!: string;

  @Column({ type: 'text' })
  bestandsnaam!: string;

  @Column({ type: 'varchar', length: 8 })
  formaat!: string;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'integer' })
  bytes!: number;

  @Column({ name: 'ingelezen_door', type: 'text' })
  ingelezenDoor!: string;

  @Column({ name: 'ingelezen_op', type: 'varchar', length: 30 })
  ingelezenOp!: string;

  /** The report's date: the business date of what it proposes. */
  @Column({ type: 'varchar', length: 10 })
  datum!: string;

  @Column({ type: 'text' })
  referentie!: string;

  @Column({ type: 'integer' })
  aantal!: number;

  @Column({ type: 'integer' })
  open!: number;

  @Column({ type: 'simple-json' })
  document!: BatchDocument;

  /** The text the reader produced, read only for one batch's page. */
  @Column({ type: 'simple-json', select: false })
  regels!: string[];

  @Column({ type: 'integer' })
  revisie!: number;
}
