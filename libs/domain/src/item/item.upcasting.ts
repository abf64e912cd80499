import { INTERN_TOEZEGGING_NUMMER } from '../shared/identifiers';

/**
 * Schema versions of the stored item events. A type not listed is at version 1.
 * - Geregistreerd v2: `nummerBron` and `termijn` are always present. Version 1 registrations carried
 *   neither when they were not needed (a motie without termijn, a number from the Kamer), so reading
 *   a v1 event fills them in.
 */
const SCHEMA_VERSIES: Readonly<Record<string, number>> = { MotieGeregistreerd: 2, ToezeggingGeregistreerd: 2 };

export function schemaVersieVan(type: string): number {
  return SCHEMA_VERSIES[type] ?? 1;
}

/** Brings stored event data of an older schema version up to the current one; newer data is left alone. */
export function upcast(type: string, data: unknown, versie: number): unknown {
  if (versie >= schemaVersieVan(type) || typeof data !== 'object' || data === null) return data;
  if (type === 'MotieGeregistreerd' || type === 'ToezeggingGeregistreerd') {
    const v1 = data as Record<string, unknown>;
    return {
      ...v1,
      nummerBron: v1.nummerBron ?? (INTERN_TOEZEGGING_NUMMER.test(String(v1.nummer)) ? 'intern' : 'kamer'),
      termijn: v1.termijn ?? null,
    };
  }
  return data;
}
