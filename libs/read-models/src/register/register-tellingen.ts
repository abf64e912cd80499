import type { RegisterItem } from './register-item.entity';
import { OPEN_STATUSSEN, TellingGroep } from './register-telling';

/**
 * The dashboard's counts kept up to date by the register projection (register_tellingen): how many
 * open items each grouping has per termijn date. Counting the open items themselves read every one
 * of them seven times over, and the members with a DISTINCT per group: a quarter of a second at
 * national scale. Kept per termijn date, "achterstallig" and "binnenkort" still follow whatever
 * peildatum is asked: they are the rows before it, or just after it.
 *
 * Groups: `totaal`; `bewindspersoon` and `thema` (the value as spelt); `fractie` and `lid` (an item
 * counted once per fractie and per member, however often they sign); `behandelaar` (e-mail, name
 * and directie as spelt, '' for none: per directie and per behandelaar both come from these rows).
 * An item without a termijn date has ''.
 */

export interface TellingDelta {
  readonly groep: TellingGroep;
  readonly waarde: string;
  readonly naam: string;
  readonly directie: string;
  readonly termijnDatum: string;
  readonly delta: number;
}

type Sleutel = Omit<TellingDelta, 'delta'>;

const OPEN: ReadonlySet<string> = new Set(OPEN_STATUSSEN);

/** The counts an item adds to while it is open; none when it is not. */
function bijdragen(row: RegisterItem | undefined): Sleutel[] {
  if (!row || !OPEN.has(row.status)) return [];
  const termijnDatum = row.termijnDatum ?? '';
  const rij = (groep: TellingGroep, waarde: string, naam = '', directie = ''): Sleutel => ({ groep, waarde, naam, directie, termijnDatum });
  return [
    rij('totaal', ''),
    rij('bewindspersoon', row.bewindspersoon),
    rij('thema', row.thema),
    ...[...new Set(row.leden.map((l) => l.fractie ?? '').filter((f) => f !== ''))].map((f) => rij('fractie', f)),
    ...[...new Set(row.leden.map((l) => l.naam))].map((n) => rij('lid', n)),
    rij('behandelaar', row.behandelaarEmail ?? '', row.behandelaarNaam ?? '', row.behandelaarDirectie ?? ''),
  ];
}

/** What a batch of changed rows moves in the counts: each row's old contributions out, its new ones in. */
export function tellingDeltas(wijzigingen: readonly { voor: RegisterItem | undefined; na: RegisterItem }[]): TellingDelta[] {
  const deltas = new Map<string, TellingDelta>();
  const tel = (s: Sleutel, delta: number) => {
    const k = [s.groep, s.waarde, s.naam, s.directie, s.termijnDatum].join('\u0000');
    const d = (deltas.get(k)?.delta ?? 0) + delta;
    deltas.set(k, { ...s, delta: d });
  };
  for (const { voor, na } of wijzigingen) {
    for (const s of bijdragen(voor)) tel(s, -1);
    for (const s of bijdragen(na)) tel(s, 1);
  }
  return [...deltas.values()].filter((d) => d.delta !== 0);
}

/**
 * The counts of the whole register in one statement: what the deltas add up to, counted from the
 * rows at the end of a rebuild (the rebuild skips the deltas: a million upserts through one table).
 * Per fractie and per member an item counts once (DISTINCT item_id; an item has one termijn date).
 */
export function tellingenUitRijen(): string {
  const open = `status IN (${OPEN_STATUSSEN.map((s) => `'${s}'`).join(', ')})`;
  const termijn = "COALESCE(termijn_datum, '')";
  return `INSERT INTO register_tellingen (groep, waarde, naam, directie, termijn_datum, aantal)
    SELECT 'totaal', '', '', '', ${termijn}, COUNT(*) FROM register_items WHERE ${open} GROUP BY ${termijn}
    UNION ALL SELECT 'bewindspersoon', bewindspersoon, '', '', ${termijn}, COUNT(*) FROM register_items WHERE ${open} GROUP BY bewindspersoon, ${termijn}
    UNION ALL SELECT 'thema', thema, '', '', ${termijn}, COUNT(*) FROM register_items WHERE ${open} GROUP BY thema, ${termijn}
    UNION ALL SELECT 'behandelaar', COALESCE(behandelaar_email, ''), COALESCE(behandelaar_naam, ''), COALESCE(behandelaar_directie, ''), ${termijn}, COUNT(*) FROM register_items WHERE ${open}
      GROUP BY COALESCE(behandelaar_email, ''), COALESCE(behandelaar_naam, ''), COALESCE(behandelaar_directie, ''), ${termijn}
    UNION ALL SELECT 'fractie', fractie, '', '', ${termijn}, COUNT(DISTINCT item_id) FROM register_item_leden WHERE ${open} AND fractie IS NOT NULL AND fractie <> '' GROUP BY fractie, ${termijn}
    UNION ALL SELECT 'lid', naam, '', '', ${termijn}, COUNT(DISTINCT item_id) FROM register_item_leden WHERE ${open} GROUP BY naam, ${termijn}`;
}
