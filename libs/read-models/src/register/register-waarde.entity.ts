import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The register's own values per field a person is found by (Kamerlid, fractie, bewindspersoon,
 * thema), each with how many items carry it: what a typed part of a name is matched against
 * (gekozenWaarden) and what the suggestions offer. A few hundred rows where the register has
 * 150,000 items, kept up to date by the register projection with a count per value (a value whose
 * last item changes goes), so that neither a keystroke nor a filter reads the whole register.
 */
@Entity({ name: 'register_waarden' })
export class RegisterWaarde {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  veld!: 'lid' | 'fractie' | 'bewindspersoon' | 'thema';

  @PrimaryColumn({ type: 'varchar', length: 200 })
  waarde!: string;

  /** For a Kamerlid: the fractie of their latest item. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  toelichting!: string | null;

  @Column({ type: 'integer' })
  aantal!: number;
}
