/*
 * Calendar dates as the reader outputs them (JJJJ-MM-DD): only days that exist ("31 september", "31-02-2024" and
 * 29 February outside leap years do not). libs/import may not use the domain's business-date check (dependency rule
 * import-reads-documents-only), so it has its own.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function dagenIn(jaar: number, maand: number): number {
  if (maand === 2) return (jaar % 4 === 0 && jaar % 100 !== 0) || jaar % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(maand) ? 30 : 31;
}

/** `JJJJ-MM-DD` for an existing day, else null. */
export function kalenderdatum(jaar: number, maand: number, dag: number): string | null {
  if (!Number.isInteger(jaar) || !Number.isInteger(maand) || !Number.isInteger(dag)) return null;
  if (jaar < 1000 || jaar > 9999 || maand < 1 || maand > 12 || dag < 1 || dag > dagenIn(jaar, maand)) return null;
  return `${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

/** Whether `JJJJ-MM-DD` names an existing day. */
export function isKalenderdatum(iso: string): boolean {
  const m = ISO.exec(iso);
  return m !== null && kalenderdatum(Number(m[1]), Number(m[2]), Number(m[3])) === iso;
}

export function ongeldigeDatum(bron: string): string {
  return `De datum "${bron}" bestaat niet; hij is niet overgenomen.`;
}
