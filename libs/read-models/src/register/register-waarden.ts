import type { RegisterItem } from './register-item.entity';
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

/** One value of a findable field, with the fractie when it is a Kamerlid. */
export interface WaardeDelta {
  readonly veld: Zoekveld;
  readonly waarde: string;
  readonly toelichting: string | null;
  readonly delta: number;
}

/** The values an item carries, each once: its members, their fracties, its bewindspersoon and theme. */
function waardenVan(row: Pick<RegisterItem, 'leden' | 'bewindspersoon' | 'thema'>): { veld: Zoekveld; waarde: string; toelichting: string | null }[] {
  const uit = new Map<string, { veld: Zoekveld; waarde: string; toelichting: string | null }>();
  const voeg = (veld: Zoekveld, waarde: string | null, toelichting: string | null = null) => {
    if (waarde) uit.set(`${veld}\u0000${waarde}`, { veld, waarde, toelichting });
  };
  for (const l of row.leden) {
    voeg('lid', l.naam, l.fractie);
    voeg('fractie', l.fractie);
  }
  voeg('bewindspersoon', row.bewindspersoon);
  voeg('thema', row.thema);
  return [...uit.values()];
}

/**
 * How the counts of the register's values change when these rows change (before → after; a new
 * row has no before): one entry per value that moved, the fractie of a member as the newest row says.
 */
export function waardeDeltas(wijzigingen: Iterable<{ voor: Pick<RegisterItem, 'leden' | 'bewindspersoon' | 'thema'> | undefined; na: Pick<RegisterItem, 'leden' | 'bewindspersoon' | 'thema'> }>): WaardeDelta[] {
  const som = new Map<string, { veld: Zoekveld; waarde: string; toelichting: string | null; delta: number }>();
  const tel = (w: { veld: Zoekveld; waarde: string; toelichting: string | null }, d: number) => {
    const sleutel = `${w.veld}\u0000${w.waarde}`;
    const bestaand = som.get(sleutel);
    if (bestaand) {
      bestaand.delta += d;
      if (d > 0 && w.toelichting) bestaand.toelichting = w.toelichting;
    } else som.set(sleutel, { ...w, toelichting: d > 0 ? w.toelichting : null, delta: d });
  };
  for (const { voor, na } of wijzigingen) {
    if (voor) for (const w of waardenVan(voor)) tel(w, -1);
    for (const w of waardenVan(na)) tel(w, +1);
  }
  // A value that stayed (delta 0) still brings a member's newer fractie along.
  return [...som.values()].filter((d) => d.delta !== 0 || d.toelichting !== null);
}
