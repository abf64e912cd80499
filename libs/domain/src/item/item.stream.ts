import { Soort } from './item.types';

/** Streams are `<category>-<id>` so that EventStoreDB's category streams ($ce-motie) work. */
export function itemStream(soort: Soort, itemId: string): string {
  return `${soort}-${itemId}`;
}

/** Each number is held by at most one item: a reservation stream per number enforces it. */
export function nummerStream(nummer: string): string {
  return `kamernummer-${nummer}`;
}
