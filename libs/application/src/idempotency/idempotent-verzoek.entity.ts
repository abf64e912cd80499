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

  /**
   * The answer as JSON. Null with a status: the answer carried a secret (a new user's token), which
   * is never stored, so the request is not replayed.
   */
  @Column({ type: 'text', nullable: true })
  antwoord!: string | null;

  @Column({ name: 'aangemaakt_op', type: 'varchar', length: 30 })
  aangemaaktOp!: string;

  /** While unanswered: since when a request holds the key. A claim older than the lease may be taken over. */
  @Column({ name: 'in_behandeling_sinds', type: 'varchar', length: 30, nullable: true })
  inBehandelingSinds!: string | null;
}
