/** The form names are compared in: lower case, no diacritics, single spaces. */
export function zoekSleutel(value: string): string {
  return value.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
