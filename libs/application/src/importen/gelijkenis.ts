/*
 * How alike two titles or member lists are, for matching a read proposal to an item the register
 * already holds when the document gives no number. Word overlap after folding accents and case,
 * without the words every title shares; the same measure the import score uses.
 */

/** A title this much alike (word overlap) is the same item when the number agrees too. */
export const TITEL_DREMPEL_BIJ_NUMMER = 0.3;
/** Without a number, a title must be this much alike, and a member shared, to count as the same item. */
export const TITEL_DREMPEL_ZONDER_NUMMER = 0.6;
/** So alike that a proposal without number is taken for that item without the clerk having seen the match. */
export const TITEL_DREMPEL_ZELFDE_ITEM = 0.85;

const STOPWOORDEN = new Set(['de', 'het', 'een', 'van', 'over', 'en', 'in', 'op', 'te', 'voor', 'met', 'aan', 'bij', 'naar', 'lid', 'leden', 'motie', 'moties', 'toezegging', 'toezeggingen', 'inzake', 'cs', 'om', 'dat', 'die', 'zijn', 'wordt', 'worden']);

export function vouw(tekst: string): string {
  return tekst.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

function woorden(tekst: string): Set<string> {
  return new Set(vouw(tekst).split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !STOPWOORDEN.has(w)));
}

/** The three longest words of a title that are not stopwords: a register search that finds the same item worded alike. */
export function kenmerkendeWoorden(titel: string): string {
  return [...woorden(titel)].sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, 3).join(' ');
}

/** 0..1: the share of the shorter title's words that the other one has too. */
export function titelGelijkenis(a: string, b: string): number {
  const A = woorden(a);
  const B = woorden(b);
  if (A.size === 0 || B.size === 0) return 0;
  let gedeeld = 0;
  for (const w of A) if (B.has(w)) gedeeld++;
  return gedeeld / Math.min(A.size, B.size);
}

/** A member's surname as lists and texts agree on it: "Van Nispen", "van Nispen" and "Nispen, van" alike. */
function achternaam(naam: string): string {
  const woord = vouw(naam).replace(/[^a-z\s-]/g, ' ').split(/\s+/).filter((w) => w.length > 2);
  return woord[woord.length - 1] ?? '';
}

/** Whether two member lists name at least one member in common (true when either is empty). */
export function ledenOverlappen(a: readonly { naam: string }[], b: readonly { naam: string }[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const namen = new Set(a.map((l) => achternaam(l.naam)));
  return b.some((l) => namen.has(achternaam(l.naam)));
}
