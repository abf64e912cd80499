/**
 * Identifiers as the Kamer writes them, normalised to one canonical form.
 * See DOMAIN.md "Identifiers as they appear in the text".
 */

/** `29628-1230`, `35925-VI-96`: dossier, optional suffix (Roman numeral or letter), ondernummer. */
export const KAMERSTUK_NUMMER = /^[1-9]\d{4}(-[A-Z0-9]{1,6})?-[1-9]\d{0,4}$/;

/** `TZ202412-156` (register month + volgnummer) or the older single form `TZ127734`. */
export const TOEZEGGING_NUMMER = /^TZ\d{6}-[1-9]\d{0,4}$|^TZ\d{4,8}$/;

/** Numbers the register hands out itself to toezeggingen the Kamer has not numbered. */
export const INTERN_TOEZEGGING_NUMMER = /^INT-[0-9A-F]{12}$/;

/** `2024/25`: the parliamentary year runs from the third Tuesday of September. */
export const VERGADERJAAR = /^(\d{4})\/(\d{2})$/;

export function isKamerstukNummer(value: string): boolean {
  return KAMERSTUK_NUMMER.test(value);
}

export function isToezeggingNummer(value: string): boolean {
  return TOEZEGGING_NUMMER.test(value) || INTERN_TOEZEGGING_NUMMER.test(value);
}

export function isVergaderjaar(value: string): boolean {
  const match = VERGADERJAAR.exec(value);
  if (!match) return false;
  return (Number(match[1]) + 1) % 100 === Number(match[2]);
}

/**
 * The number a toezegging gets when the Kamer gave it none: derived from its identity, so it is stable.
 * 48 bits: at 150,000 such toezeggingen a clash is ~1 in 25,000 (8 hex digits clashed 1 in 4; the
 * national-scale benchmark found it). A clash is still refused by the number reservation, never merged.
 */
export function internToezeggingNummer(itemId: string): string {
  return `INT-${itemId.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
}
