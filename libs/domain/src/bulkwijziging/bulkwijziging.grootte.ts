/*
 * A bulk change is recorded in two events of its own, and an event store refuses an append over a
 * limit (EventStoreDB/KurrentDB: 1 MiB by default, data and metadata together). These bounds keep
 * both events well below it: a title and a message in a bulk change's record are shortened, and a
 * decision whose record would still be larger is refused before anything runs.
 */

/** The most a bulk change's event data may take, serialised: room is left for the metadata below 1 MiB. */
export const MAX_BULK_EVENT_BYTES = 960 * 1024;

/** An item's title as a bulk change records it, in characters: enough to recognise it; the item itself has it whole. */
export const MAX_TITEL_TEKENS = 100;

/** An item outcome's message as a bulk change records it: its JSON form in UTF-8 bytes. */
export const MAX_MELDING_BYTES = 280;

const utf8 = new TextEncoder();

/** The size of a value as JSON, in UTF-8 bytes: what the event store stores and counts. */
export function jsonBytes(value: unknown): number {
  return utf8.encode(JSON.stringify(value)).length;
}

/** The text cut to at most `max` characters (code points), ending in an ellipsis when it was cut. */
export function ingekort(tekst: string, max: number): string {
  const tekens = [...tekst];
  return tekens.length <= max ? tekst : `${tekens.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * The text cut so that its JSON form (quotes and escapes included) takes at most `max` UTF-8 bytes,
 * ending in an ellipsis when it was cut.
 */
export function ingekortTotBytes(tekst: string, max: number): string {
  if (jsonBytes(tekst) <= max) return tekst;
  const tekens = [...tekst];
  // The quotes and the ellipsis take five bytes.
  let bytes = 5;
  let n = 0;
  while (n < tekens.length && bytes + jsonBytes(tekens[n]) - 2 <= max) bytes += jsonBytes(tekens[n++]) - 2;
  return `${tekens.slice(0, n).join('')}…`;
}
