import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Which instance runs the projections, since when, and up to where every projection has got (its
 * heartbeat). Written by the leader only; the other instances read it for /health and for the
 * position their queries may promise. The lease itself is the lock, not this row.
 */
@Entity({ name: 'projectie_leiding' })
export class ProjectionLeadershipRecord {
  @PrimaryColumn({ type: 'varchar', length: 50 })
  naam!: string;

  @Column({ type: 'varchar', length: 200 })
  instantie!: string;

  @Column({ type: 'varchar', length: 30 })
  sinds!: string;

  /**
   * The lowest position every projection has processed (also the events they ignore, whose checkpoint
   * is written later), as a decimal string: what a query on any instance may promise to reflect.
   */
  @Column({ type: 'varchar', length: 30 })
  positie!: string;

  @Column({ name: 'bijgewerkt_op', type: 'varchar', length: 30 })
  bijgewerktOp!: string;
}
