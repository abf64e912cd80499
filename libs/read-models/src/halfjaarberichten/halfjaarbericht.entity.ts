import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export interface BerichtDocument {
  secties: string[];
  items: {
    itemId: string;
    soort: 'motie' | 'toezegging';
    sectie: string;
    tekst: string;
    status: 'afgedaan' | 'deels-afgedaan' | 'in-behandeling';
    deel: string | null;
  }[];
  zaken: { zaakId: string; sectie: string; titel: string; tekst: string }[];
  /** Filled when sent: each item's registration as it stood then. */
  momentopnamen: {
    itemId: string;
    soort: 'motie' | 'toezegging';
    nummer: string;
    nummerBron: 'kamer' | 'intern';
    vergaderjaar: string | null;
    titel: string;
    leden: { naam: string; fractie: string | null }[];
    datum: string;
    debat: string;
    bewindspersoon: string;
  }[];
}

/** One row per halfjaarbericht; its entries as one JSON document (read and written whole). */
@Entity({ name: 'halfjaarberichten' })
@Index(['jaar', 'helft'])
export class HalfjaarberichtRow {
  @PrimaryColumn({ name: 'bericht_id', type: 'varchar', length: 36 })
  berichtId!: string;

  @Column({ type: 'integer' })
  jaar!: number;

  @Column({ type: 'integer' })
  helft!: number;

  @Column({ type: 'text' })
  titel!: string;

  @Column({ type: 'varchar', length: 10 })
  peildatum!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: 'Concept' | 'Verzonden';

  @Column({ name: 'verzonden_op', type: 'varchar', length: 10, nullable: true })
  verzondenOp!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  kenmerk!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  kamerstuk!: string | null;

  @Column({ type: 'simple-json' })
  document!: BerichtDocument;

  @Column({ type: 'integer' })
  revisie!: number;
}
