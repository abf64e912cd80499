import { Waarden } from './formulier';

/** `{ 'wijze.soort': 'kamerstuk' }` → `{ wijze: { soort: 'kamerstuk' } }`; empty values are left out. */
export function genest(waarden: Waarden, namen: readonly string[] = Object.keys(waarden)): Record<string, unknown> {
  const uit: Record<string, unknown> = {};
  for (const naam of namen) {
    const waarde = waarden[naam]?.trim();
    if (!waarde) continue;
    const delen = naam.split('.');
    let doel = uit;
    for (const deel of delen.slice(0, -1)) doel = (doel[deel] ??= {}) as Record<string, unknown>;
    doel[delen[delen.length - 1]] = waarde;
  }
  return uit;
}

/** Members typed one per line, "Naam, Fractie" (the fractie may be left out). */
export function leesLeden(tekst: string): { naam: string; fractie: string | null }[] {
  return tekst
    .split('\n')
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => {
      const [naam, ...rest] = r.split(',');
      const fractie = rest.join(',').trim();
      return { naam: naam.trim(), fractie: fractie || null };
    });
}

export function schrijfLeden(leden: readonly { naam: string; fractie: string | null }[]): string {
  return leden.map((l) => (l.fractie ? `${l.naam}, ${l.fractie}` : l.naam)).join('\n');
}

export const WIJZE_OPTIES = [
  { waarde: 'kamerstuk', label: 'Kamerstuk (brief of stuk aan de Kamer)' },
  { waarde: 'halfjaarbericht', label: 'Halfjaarbericht' },
  { waarde: 'brief-ander-ministerie', label: 'Brief van een ander ministerie' },
];
