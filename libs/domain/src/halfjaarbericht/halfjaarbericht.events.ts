import { BusinessDate } from '../shared/business-date';
import { AanvullendeZaak, BerichtItem, ItemMomentopname } from './halfjaarbericht.types';
import { OpgeslagenEvent } from '../shared/opgeslagen-event';

export interface AangemaaktData {
  readonly berichtId: string;
  readonly jaar: number;
  readonly helft: 1 | 2;
  readonly titel: string;
  /** "stand per": the date the report speaks for. */
  readonly peildatum: BusinessDate;
  readonly secties: readonly string[];
}

export type HalfjaarberichtEvent =
  | { readonly feit: 'HalfjaarberichtAangemaakt'; readonly data: AangemaaktData }
  | { readonly feit: 'HalfjaarberichtItemOpgenomen'; readonly data: { readonly berichtId: string } & BerichtItem }
  | { readonly feit: 'HalfjaarberichtItemVerwijderd'; readonly data: { readonly berichtId: string; readonly itemId: string } }
  | { readonly feit: 'HalfjaarberichtAanvullendeZaakOpgenomen'; readonly data: { readonly berichtId: string } & AanvullendeZaak }
  | { readonly feit: 'HalfjaarberichtAanvullendeZaakVerwijderd'; readonly data: { readonly berichtId: string; readonly zaakId: string } }
  | {
      readonly feit: 'HalfjaarberichtVerzonden';
      readonly data: { readonly berichtId: string; readonly datum: BusinessDate; readonly kenmerk: string; readonly items: readonly ItemMomentopname[] };
    }
  | { readonly feit: 'HalfjaarberichtKamerstukToegekend'; readonly data: { readonly berichtId: string; readonly kamerstuk: string } };

export const HALFJAARBERICHT_FEITEN = [
  'HalfjaarberichtAangemaakt',
  'HalfjaarberichtItemOpgenomen',
  'HalfjaarberichtItemVerwijderd',
  'HalfjaarberichtAanvullendeZaakOpgenomen',
  'HalfjaarberichtAanvullendeZaakVerwijderd',
  'HalfjaarberichtVerzonden',
  'HalfjaarberichtKamerstukToegekend',
] as const;

/** The one way back from a stored event to a report's event; undefined for other events. */
export function leesHalfjaarberichtEvent(stored: OpgeslagenEvent): HalfjaarberichtEvent | undefined {
  return (HALFJAARBERICHT_FEITEN as readonly string[]).includes(stored.type) ? ({ feit: stored.type, data: stored.data } as HalfjaarberichtEvent) : undefined;
}

export function halfjaarberichtStream(berichtId: string): string {
  return `halfjaarbericht-${berichtId}`;
}
