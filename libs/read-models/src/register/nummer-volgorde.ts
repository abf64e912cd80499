/**
 * The key Kamer numbers sort by: dossier, then toevoeging, then volgnummer, each run of digits
 * compared as a number. Every run of digits is padded to the same width, so that the key sorts
 * the same as text on SQLite and PostgreSQL and through an ordinary index: `29628-957` before
 * `29628-1265`, `35925-VI-96` before `35925-VI-107`, `TZ202412-9` before `TZ202412-156`.
 * Letters compare without case; a number longer than the width (never a Kamer number) keeps its
 * digits and still sorts after every shorter one.
 */
export function nummerSorteersleutel(nummer: string): string {
  return nummer.toLowerCase().replace(/\d+/g, (cijfers) => {
    const zonderNullen = cijfers.replace(/^0+(?=\d)/, '');
    return zonderNullen.length >= BREEDTE ? zonderNullen : zonderNullen.padStart(BREEDTE, '0');
  });
}

/** Digits per run in the key: a dossier (5), a TZ date-number (6) and a volgnummer fit with room. */
const BREEDTE = 10;
