/* Members (indieners) as letters name them: "het lid Van der Werf", "de leden Michon-Derkzen, Eerdmans en Boswijk", "motie-Özütok c.s.". */

import { GelezenLid } from '../bijlage';

const PARTIKEL = "(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er|[Tt]en|'t|[Ii]n 't|[Tt]e)";
const NAAMDEEL = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)*";
const GEEN_NAAM = new Set([
  'De', 'Het', 'Een', 'Dit', 'Deze', 'Die', 'Dat', 'Ik', 'In', 'Op', 'Met', 'Bij', 'Voor', 'Naar', 'Hiermee', 'Daarmee', 'Tevens', 'Ook', 'En',
  'Wat', 'Zoals', 'Kamerstuk', 'Kamerstukken', 'Handelingen', 'Motie', 'Moties', 'Toezegging', 'Hierbij', 'Uw', 'Zij', 'Hij', 'Als', 'Om', 'Over',
  'Inzake', 'Tweede', 'Eerste', 'Kamer', 'Regering', 'Minister', 'Staatssecretaris', 'Vanuit', 'Sinds', 'Tijdens', 'Na', 'Naast', 'Conform',
]);

/** One name: particles, then one or two capitalised parts ("Six Dijkstra", "Diederik van Dijk", "El Abassi"). */
export const NAAM = `(?:${PARTIKEL}\\s+)*${NAAMDEEL}(?:\\s+(?:${PARTIKEL}\\s+)*${NAAMDEEL})?`;
const NAAM_MET_FRACTIE = `${NAAM}(?:\\s*\\([^)]{1,24}\\))?`;
/** A list of names: "A, B en C", each optionally with "(Fractie)". */
export const NAMENLIJST = `${NAAM_MET_FRACTIE}(?:\\s*,\\s*${NAAM_MET_FRACTIE})*(?:\\s+en\\s+${NAAM_MET_FRACTIE})?`;

export interface GevondenLid extends GelezenLid {
  /** Offset of the end of this name within the list text. */
  readonly eind: number;
  readonly start: number;
}

/** Dutch convention: a surname's particle is capitalised when it starts the name. */
export function netteNaam(naam: string): string {
  const n = naam.replace(/\s+/g, ' ').trim();
  return n.charAt(0).toUpperCase() + n.slice(1);
}

const SLEUTELS = new Map<string, string>();

/** A key that survives "Van Nispen" / "van Nispen" / "Nispen" and "Michon-Derkzen" / "Michon-Derksen". */
export function ledenSleutel(naam: string): string {
  // Compared for every earlier motie at every mention: remembered, within bounds.
  let sleutel = SLEUTELS.get(naam);
  if (sleutel === undefined) {
    if (SLEUTELS.size >= 10_000) SLEUTELS.clear();
    sleutel = maakSleutel(naam);
    SLEUTELS.set(naam, sleutel);
  }
  return sleutel;
}

function maakSleutel(naam: string): string {
  const delen = naam.split(/\s+/).filter((d) => /^\p{Lu}/u.test(d));
  const laatste = (delen[delen.length - 1] ?? naam).toLowerCase();
  return laatste.normalize('NFKD').replace(/[^a-z-]/g, '').replace(/ks/g, 'kz').split('-')[0];
}

/** Splits a matched name list into members with their fractie; null when it is no plausible list of names. */
export function leesNamenlijst(lijst: string, basis: number): GevondenLid[] | null {
  const leden: GevondenLid[] = [];
  const patroon = new RegExp(`(${NAAM})(?:\\s*\\(([^)]{1,24})\\))?`, 'gu');
  for (const m of lijst.matchAll(patroon)) {
    const naam = m[1].replace(/\s+c\.s$/, '');
    const kern = naam.split(/\s+/).filter((d) => !/^(?:van|de|den|der|ter|ten|te|'t|in)$/i.test(d));
    if (kern.length === 0 || kern.some((d) => GEEN_NAAM.has(d))) return leden.length > 0 ? leden : null;
    const start = basis + (m.index ?? 0);
    leden.push({ naam: netteNaam(naam), fractie: m[2]?.trim() ?? null, start, eind: start + m[0].length });
  }
  return leden.length > 0 ? leden : null;
}
