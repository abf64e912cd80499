/*
 * The budget annex "Moties en toezeggingen" as a table: rows "Omschrijving | Vindplaats | Stand van zaken", grouped
 * under headings that say the status ("Afgerond", "Niet afgerond", "Afgeronde toezeggingen", "Openstaande moties").
 * A row is one item: its kind from the description or the table's caption, its number from the vindplaats, its status
 * from the stand-van-zaken cell where that says it, else from the group it stands in.
 */

import { GelezenSoort, GelezenStatus } from '../bijlage';
import { Alinea, tabelCellen } from './normaliseer';

export interface TabelRij {
  readonly alinea: Alinea;
  readonly omschrijving: string;
  readonly vindplaats: string;
  readonly stand: string;
  /** From the caption or group heading ("Tabel 2 Toezeggingen", "Afgeronde moties"), or null. */
  readonly groepSoort: GelezenSoort | null;
  /** What the group heading says, or null without one. */
  readonly groepStatus: GelezenStatus | null;
}

type Kolom = 'omschrijving' | 'vindplaats' | 'stand';

/** Column names, each the whole cell (a row "Motie van het lid X … | Kamerstuk …" is data, not a header). */
const KOPWOORDEN: ReadonlyArray<[Kolom, RegExp]> = [
  ['omschrijving', /^(?:omschrijving|titel|onderwerp|motie|moties|toezegging|toezeggingen|inhoud|beschrijving)(?:\s+(?:motie|toezegging)s?)?$/i],
  ['vindplaats', /^(?:vindplaats|kamerstuk(?:nummer)?|nummer|bron|debat|datum en vindplaats|toegezegd in)$/i],
  ['stand', /^(?:stand van zaken|stand|status|toelichting|voortgang|afdoening)(?:\s+(?:per|op)\s+.{3,20})?$/i],
];

/** A header row: at least two cells are column names. */
function kolommenUit(cellen: readonly string[]): Map<Kolom, number> | null {
  const kolommen = new Map<Kolom, number>();
  cellen.forEach((c, i) => {
    for (const [kolom, patroon] of KOPWOORDEN) if (!kolommen.has(kolom) && patroon.test(c)) kolommen.set(kolom, i);
  });
  return kolommen.size >= 2 ? kolommen : null;
}

/** The status a group heading gives its rows: "Afgerond", "Niet-afgeronde moties", "Openstaande toezeggingen". */
export function groepStatusUit(kop: string): GelezenStatus | null {
  const t = kop.trim();
  if (t.length > 80) return null;
  if (/^(?:niet[- ](?:afgeronde?|afgedane?)|nog niet afgerond|openstaande?|lopende?|in behandeling|in uitvoering)\b/i.test(t)) return 'in-behandeling';
  if (/^(?:deels|gedeeltelijk)\s+(?:afgeronde?|afgedane?)\b/i.test(t)) return 'deels-afgedaan';
  if (/^(?:afgeronde?|afgedane?|voldane?|uitgevoerde?)\b/i.test(t)) return 'afgedaan';
  return null;
}

function soortIn(tekst: string): GelezenSoort | null {
  const motie = /\bmoties?\b/i.test(tekst);
  const toezegging = /\btoezegging(?:en)?\b/i.test(tekst);
  return motie === toezegging ? null : motie ? 'motie' : 'toezegging';
}

/** The status the stand-van-zaken cell itself states with its first words ("Afgedaan: …", "Loopt; …", "Deels voldaan"). */
export function celStatus(stand: string): GelezenStatus | null {
  const t = stand.trim();
  if (/^(?:deels|gedeeltelijk)\s+(?:afgedaan|afgerond|voldaan|uitgevoerd)\b/i.test(t)) return 'deels-afgedaan';
  if (/^(?:niet|nog niet)\b|^(?:loopt|lopend|in behandeling|in uitvoering|openstaand|doorlopend|aangehouden|vertraagd)\b/i.test(t)) return 'in-behandeling';
  if (/^(?:afgedaan|afgerond|uitgevoerd|voldaan|gereed|afgehandeld)\b/i.test(t)) return 'afgedaan';
  return null;
}

/** The rows of every table in the text, with the group they stand in. */
export function leesTabellen(alineas: readonly Alinea[]): TabelRij[] {
  const rijen: TabelRij[] = [];
  let kolommen: Map<Kolom, number> | null = null;
  let groepSoort: GelezenSoort | null = null;
  let groepStatus: GelezenStatus | null = null;
  for (const a of alineas) {
    if (!a.tabelrij) {
      const t = a.tekst.trim();
      const status = t.length <= 80 ? groepStatusUit(t) : null;
      if (status) {
        groepStatus = status;
        groepSoort = soortIn(t) ?? groepSoort;
      } else if (/^tabel\b/i.test(t) || (a.kop && soortIn(t))) {
        // A caption or heading naming the kind starts a new table ("Tabel 2 Toezeggingen").
        groepSoort = soortIn(t);
        groepStatus = null;
      } else if (a.kop) {
        groepStatus = null;
      }
      continue;
    }
    const cellen = tabelCellen(a.tekst);
    if (!cellen) continue;
    const kop = kolommenUit(cellen);
    if (kop) {
      kolommen = kop;
      continue;
    }
    const k = kolommen ?? new Map<Kolom, number>([['omschrijving', 0], ['vindplaats', 1], ['stand', cellen.length - 1]]);
    const cel = (kolom: Kolom): string => {
      const i = k.get(kolom);
      return i === undefined ? '' : (cellen[i] ?? '');
    };
    if (cel('omschrijving') === '') continue;
    rijen.push({ alinea: a, omschrijving: cel('omschrijving'), vindplaats: cel('vindplaats'), stand: cel('stand'), groepSoort, groepStatus });
  }
  return rijen;
}
