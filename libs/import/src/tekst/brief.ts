/* What the letter says about itself: "Datum 15 december 2022", "Ons kenmerk 4320197", "Onderwerp …". */

import { Brief } from '../bijlage';
import { kalenderdatum, ongeldigeDatum } from './datum';

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const DATUM = new RegExp(`^(\\d{1,2})\\s+(${MAANDEN.join('|')})\\s+(\\d{4})$`, 'i');

/** The date of "15 december 2022"; an impossible day ("31 september 2025") is null with a warning. */
function alsDatum(tekst: string, waarschuwingen: string[]): string | null {
  const bron = tekst.trim().replace(/\*/g, '');
  const m = DATUM.exec(bron);
  if (!m) return null;
  const datum = kalenderdatum(Number(m[3]), MAANDEN.indexOf(m[2].toLowerCase()) + 1, Number(m[1]));
  if (!datum) waarschuwingen.push(`Briefdatum: ${ongeldigeDatum(bron)}`);
  return datum;
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

/** `waarschuwingen` collects what the reader should know, such as a letter date that does not exist. */
export function leesBrief(regels: readonly string[], waarschuwingen: string[] = []): Brief {
  const kop = regels.slice(0, 200);
  const datumTekst = naLabel(kop, /^Datum\b:?/i);
  let datum = datumTekst ? alsDatum(datumTekst, waarschuwingen) : null;
  if (!datum) {
    for (const r of kop) {
      const m = /^(?:Den Haag|'s-Gravenhage),?\s+(\d{1,2}\s+\p{L}+\s+\d{4})\s*$/u.exec(r.trim());
      if (m) {
        datum = alsDatum(m[1], waarschuwingen);
        if (datum) break;
      }
    }
  }
  const kenmerkTekst = naLabel(kop, /^(?:Ons kenmerk|Kenmerk)\b:?/i);
  const kenmerk = kenmerkTekst && /^[\w./-]{3,40}$/.test(kenmerkTekst) ? kenmerkTekst : null;
  const onderwerp = naLabel(kop, /^Onderwerp\b:?/i);
  return { datum, kenmerk, onderwerp: onderwerp && onderwerp.length <= 200 ? onderwerp : null };
}
