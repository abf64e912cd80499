import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A calendar subscription: whose it is, what it selects, and the hash of its secret (the secret
 * itself is in the URL the user was given once, and nowhere else). In the application database
 * next to the idempotency records, so every instance answers the same feed; not a projection, so a
 * rebuild leaves it alone.
 */
@Entity({ name: 'agenda_abonnementen' })
export class AgendaAbonnement {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Hex SHA-256 of the secret: 256 random bits, so nothing to guess by brute force. */
  @Index('IDX_agenda_abonnementen_geheim_hash', { unique: true })
  @Column({ name: 'geheim_hash', type: 'varchar', length: 64 })
  geheimHash!: string;

  /** The user's name as the register knows it (a token user's name, or the OIDC name). */
  @Index('IDX_agenda_abonnementen_eigenaar')
  @Column({ type: 'varchar', length: 200 })
  eigenaar!: string;

  @Column({ name: 'eigenaar_bron', type: 'varchar', length: 10 })
  eigenaarBron!: 'token' | 'oidc';

  /** With "mijn": the address whose items the feed holds, as the user had it when subscribing. */
  @Column({ name: 'eigenaar_email', type: 'varchar', length: 254, nullable: true })
  eigenaarEmail!: string | null;

  /** The filter as JSON: { mijn?, directie?, bewindspersoon? }. */
  @Column({ type: 'text' })
  filter!: string;

  @Column({ name: 'aangemaakt_op', type: 'varchar', length: 30 })
  aangemaaktOp!: string;

  @Column({ name: 'ingetrokken_op', type: 'varchar', length: 30, nullable: true })
  ingetrokkenOp!: string | null;
}
