import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One failed authentication: from which client address, when. In the application database, so every
 * instance counts the same failures and a lockout holds on all of them.
 */
@Entity({ name: 'mislukte_aanmeldingen' })
@Index('IDX_mislukte_aanmeldingen_client_op', ['client', 'op'])
export class MisluktePoging {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  client!: string;

  /** ISO time: sorts as it reads on both databases. */
  @Column({ type: 'varchar', length: 30 })
  op!: string;
}
