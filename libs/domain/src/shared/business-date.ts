/**
 * A business date: the day something happened in the Kamer or the ministry, as `YYYY-MM-DD`.
 * Kept apart from the moment an event was recorded (that lives in metadata).
 */
export type BusinessDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isBusinessDate(value: unknown): value is BusinessDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The last business date there is: "open with a termijn before it" means "open with a termijn date". */
export const LAATSTE_DATUM: BusinessDate = '9999-12-31';

/** ISO dates compare correctly as strings. */
export function isBefore(a: BusinessDate, b: BusinessDate): boolean {
  return a < b;
}

/** Whole days from `van` to `tot` (negative when `tot` lies before `van`). */
export function dagenTussen(van: BusinessDate, tot: BusinessDate): number {
  return Math.round((Date.parse(`${tot}T00:00:00Z`) - Date.parse(`${van}T00:00:00Z`)) / 86_400_000);
}
