import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per Idempotency-Key (per user): the request it was first used for and the answer given.
 * Lives in the application database next to the read models, but is not a projection: a rebuild
 * leaves it alone.
 */
@Entity({ name: 'idempotente_verzoeken' })
export class IdempotentVerzoek {
  @PrimaryColumn({ name: 'sleutel_id', type: 'varchar', length: 36 })
  sleutelId!: string;

  @Column({ name: 'verzoek_hash', type: 'varchar', length: 64 })
  verzoekHash!: string;

  /** Null while the first request is still being handled (or crashed before it answered). */
  @Column({ type: 'integer', nullable: true })
  status!: number | null;

  @Column({ type: 'text', nullable: true })
  antwoord!: string | null;

  @Column({ name: 'aangemaakt_op', type: 'varchar', length: 30 })
  aangemaaktOp!: string;
}
