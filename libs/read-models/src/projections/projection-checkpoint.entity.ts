import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a projection has got to in the log; written in the same transaction as its rows. */
@Entity({ name: 'projection_checkpoints' })
export class ProjectionCheckpoint {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'integer' })
  version!: number;

  /** Global position of the last event applied, as a decimal string (64-bit in EventStoreDB). */
  @Column({ type: 'varchar', length: 30 })
  position!: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt!: string;
}
