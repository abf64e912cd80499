import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a public change says besides its kind and date: only fields the public may see (see OpenbaarProjection). */
export type OpenbareGegevens =
  | { readonly soort: 'geregistreerd' }
  | { readonly soort: 'termijn-gewijzigd'; readonly termijn: { readonly omschrijving: string; readonly datum: string | null } }
  | { readonly soort: 'afgedaan'; readonly wijze: OpenbareWijze; readonly toelichting: string }
  | { readonly soort: 'deels-afgedaan'; readonly deel: string; readonly bewijs: OpenbareWijze }
  | { readonly soort: 'heropend'; readonly reden: string }
  | { readonly soort: 'vervallen'; readonly reden: string }
  | { readonly soort: 'overgedragen'; readonly naar: { readonly bewindspersoon: string; readonly ministerie: string } }
  | { readonly soort: 'bericht-verzonden'; readonly kenmerk: string };

export interface OpenbareWijze {
  readonly soort: 'kamerstuk' | 'halfjaarbericht' | 'brief-ander-ministerie';
  readonly referentie: string;
  readonly ministerie?: string;
}

export type OpenbareWijzigingSoort = OpenbareGegevens['soort'];

/**
 * One row per change the public may follow: a new item, a status change, a moved termijn or a
 * transfer, and a halfjaarbericht sent. The feed and each item's public history read it. Rows are
 * built from an allow-list of each event's fields, so a field added to an event later stays private
 * until someone adds it here.
 */
@Entity({ name: 'openbare_wijzigingen' })
@Index(['itemId', 'positie'])
export class OpenbareWijzigingRow {
  /** The event's position in the log, zero-padded to 20 digits so that text order is log order on every database. */
  @PrimaryColumn({ type: 'varchar', length: 20 })
  positie!: string;

  /** The event's id: the change's permanent identity (the feed's entry id), whatever store holds the log. */
  @Column({ name: 'event_id', type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ type: 'varchar', length: 24 })
  soort!: OpenbareWijzigingSoort;

  @Column({ name: 'item_id', type: 'varchar', length: 36, nullable: true })
  itemId!: string | null;

  @Column({ name: 'bericht_id', type: 'varchar', length: 36, nullable: true })
  berichtId!: string | null;

  /** The business date of the change (for a new item: the date of the motie or toezegging). */
  @Column({ type: 'varchar', length: 10 })
  datum!: string;

  /** When the register recorded it (ISO-8601, UTC): the feed's `updated`. */
  @Column({ name: 'vastgelegd_op', type: 'varchar', length: 30 })
  vastgelegdOp!: string;

  @Column({ type: 'simple-json' })
  gegevens!: OpenbareGegevens;
}

export function positieSleutel(positie: bigint): string {
  return positie.toString().padStart(20, '0');
}
