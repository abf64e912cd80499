/*
 * Reading the Gegevensmagazijn's JSON: fields that may be missing, of another type, too long, or
 * expanded as an object where the schema has a collection. What is not what it should be is read as
 * absent, never guessed.
 */

export type Ruw = Record<string, unknown>;

export const object = (v: unknown): Ruw | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Ruw) : null);

/** A navigation the service may expand as an object or as a collection: its live (not deleted) entities. */
export const entiteiten = (v: unknown): Ruw[] => (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v]).map(object).filter((o): o is Ruw => o !== null && o.Verwijderd !== true);

/** A string field, trimmed and at most `max` characters (what the register keeps of it); null when absent or empty. */
export const tekst = (v: unknown, max = 300): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null);

/** A short code (a number, a status word): longer than any the Kamer writes is no such code, and read as absent. */
export const code = (v: unknown, max = 40): string | null => {
  const t = typeof v === 'string' ? v.trim() : '';
  return t !== '' && t.length <= max ? t : null;
};

/** The Kamer's Ids are GUIDs; anything else (it goes into links to the record) is no Id. */
export const kamerId = (v: unknown): string | null => {
  const id = code(v, 64);
  return id && /^[0-9A-Za-z-]{1,64}$/.test(id) ? id : null;
};
