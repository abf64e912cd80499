/* What the letter says about itself: "Datum 15 december 2022", "Ons kenmerk 4320197", "Onderwerp …". */

import { Brief } from '../bijlage';

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const DATUM = new RegExp(`^(\\d{1,2})\\s+(${MAANDEN.join('|')})\\s+(\\d{4})$`, 'i');

function alsDatum(tekst: string): string | null {
  const m = DATUM.exec(tekst.trim().replace(/\*/g, ''));
  if (!m) return null;
  return `${m[3]}-${String(MAANDEN.indexOf(m[2].toLowerCase()) + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

/** The value after a label on the same line, or on the next non-empty line. */
function naLabel(regels: readonly string[], label: RegExp): string | null {
  for (let i = 0; i < regels.length; i++) {
    const r = regels[i].replace(/\*/g, '').trim();
    const m = label.exec(r);
    if (!m) continue;
    const rest = r.slice(m[0].length).trim();
    if (rest) return rest;
    for (let j = i + 1; j < Math.min(regels.length, i + 4); j++) {
      const v = regels[j].replace(/\*/g, '').trim();
      if (v) return v;
    }
  }
  return null;
}

export function leesBrief(regels: readonly string[]): Brief {
  const kop = regels.slice(0, 200);
  const datumTekst = naLabel(kop, /^Datum\b:?/i);
  let datum = datumTekst ? alsDatum(datumTekst) : null;
  if (!datum) {
    for (const r of kop) {
      const m = /^(?:Den Haag|'s-Gravenhage),?\s+(\d{1,2}\s+\p{L}+\s+\d{4})\s*$/u.exec(r.trim());
      if (m) {
        datum = alsDatum(m[1]);
        if (datum) break;
      }
    }
  }
  const kenmerkTekst = naLabel(kop, /^(?:Ons kenmerk|Kenmerk)\b:?/i);
  const kenmerk = kenmerkTekst && /^[\w./-]{3,40}$/.test(kenmerkTekst) ? kenmerkTekst : null;
  const onderwerp = naLabel(kop, /^Onderwerp\b:?/i);
  return { datum, kenmerk, onderwerp: onderwerp && onderwerp.length <= 200 ? onderwerp : null };
}
