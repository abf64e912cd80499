import { zoekSleutel } from './zoek-sleutel';

/** The fields a person is found by with part of a name: Kamerlid, fractie, bewindspersoon, thema. */
export const ZOEKVELDEN = ['lid', 'fractie', 'bewindspersoon', 'thema'] as const;
export type Zoekveld = (typeof ZOEKVELDEN)[number];

/** SQLite's NOCASE: ASCII letters only, as the register's equality filters compare. */
function nocase(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * Which of the register's values a typed filter means. The values equal to it without case (the
 * register's indexed comparison), else those equal to it without case and accents, else every
 * value that contains it without case and accents: "VVD" is VVD and not also "PVV-VVD", a link
 * from the dashboard selects exactly its value, "nispen" is "Van Nispen", "minister" every
 * minister. One rule for the register's query and for the register as it was on a date.
 */
export function gekozenWaarden(invoer: string, waarden: Iterable<string>): string[] {
  const gezocht = zoekSleutel(invoer);
  if (gezocht === '') return [];
  const alle = [...new Set(waarden)];
  const zonderHoofdletters = alle.filter((w) => nocase(w) === nocase(invoer));
  if (zonderHoofdletters.length > 0) return zonderHoofdletters;
  const gelijk = alle.filter((w) => zoekSleutel(w) === gezocht);
  return gelijk.length > 0 ? gelijk : alle.filter((w) => zoekSleutel(w).includes(gezocht));
}

/**
 * Suggestions in the order a person expects: values starting with what was typed, then values with
 * a word starting with it, then the rest that contain it; within each, the most used first.
 */
export function rangschikSuggesties<T extends { waarde: string; aantal: number }>(invoer: string, kandidaten: readonly T[], max: number): T[] {
  const gezocht = zoekSleutel(invoer);
  const rang = (w: string) => {
    const s = zoekSleutel(w);
    if (s.startsWith(gezocht)) return 0;
    return s.split(/[\s\-'’]+/).some((deel) => deel.startsWith(gezocht)) ? 1 : 2;
  };
  return kandidaten
    .filter((k) => zoekSleutel(k.waarde).includes(gezocht))
    .map((k) => ({ k, r: rang(k.waarde) }))
    .sort((a, b) => a.r - b.r || b.k.aantal - a.k.aantal || a.k.waarde.localeCompare(b.k.waarde, 'nl'))
    .slice(0, max)
    .map(({ k }) => k);
}
