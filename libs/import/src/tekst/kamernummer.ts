/*
 * Kamer numbers as letters write them: `Kamerstukken II 2021/22, 35925-VI, nr. 96`, `Kamerstuk 29 628, nr. 1107`,
 * `29.628 nr. 984`, `TZ202412, nr. 156`, `TZ127734`. Turned into the register's notation (`35925-VI-96`,
 * `TZ202412-156`). A number that is recognisably meant as one but is not valid keeps its source form in
 * `nummerInBron` and gets `nummer: null` plus a reason.
 */

export type VerwijzingSoort = 'kamerstuk' | 'toezegging' | 'document';

export interface Verwijzing {
  readonly soort: VerwijzingSoort;
  /** Valid register number, or null. */
  readonly nummer: string | null;
  /** The number as the source gives it, in register notation but uncorrected (`TZ2024412-155`, `2024D51189`). */
  readonly nummerInBron: string;
  readonly vergaderjaar: string | null;
  /** Why `nummer` is null although the source gives a number. */
  readonly probleem: string | null;
  /** Offset of the match in the text it was found in. */
  readonly offset: number;
}

const KAMERSTUK = /(?<![\d.])(\d{2})[ .]?(\d{3})(?:[ -]\(?([IVX]{1,4}|[A-H])\)?)?\s*,?\s*(?:nr\.?|nummer)\s*(\d{1,5})(?!\d)/g;
const TZ = /\bTZ\s?(\d{4,8})(?:\s*,?\s*(?:nr\.?|-)\s*(\d{1,4}))?(?!\d)/g;
const TZ_ZONDER_PREFIX = /(?<![\w.])(20\d{2}(?:0[1-9]|1[0-2]))\s*,\s*nr\.?\s*(\d{1,4})(?!\d)/g;
/** Register notation in the text itself: `36410-XIII-12`, `(29628-1230)` (the plain form only in brackets). */
const KAMERSTUK_KORT = /(?<![\w.-])(\d{5})-([IVX]{1,4}|[A-H])-(\d{1,5})(?![\w-])|\((\d{5})-(\d{1,5})\)/g;
/** An Eerste Kamer paper: `Kamerstukken I 2023/24, 36 410 XIV, G` (its ondernummer a letter) or `…, nr. 12`. */
const EERSTE_KAMER = /\bKamerstukk?en\s+I\s+(?:(\d{4}\s*[/-]\s*\d{2,4})\s*,?\s*)?(\d{2})[ .]?(\d{3})(?:[ -]\(?([IVX]{1,4}|[A-H])\)?)?\s*,\s*(?:nr\.?\s*)?([A-Z]{1,2}|\d{1,5})\b/g;
const DOCUMENT = /\b(20\d{2}[DZ]\d{5})\b/g;
const VERGADERJAAR = /\b((?:19|20)\d{2})\s*[/-]\s*((?:19|20)?\d{2})\b/;

/** `2021-2022`, `2021/22` → `2021/22`; null when there is none or it is no consecutive pair. */
export function vergaderjaarIn(tekst: string): string | null {
  const m = VERGADERJAAR.exec(tekst);
  if (!m) return null;
  const eerste = Number(m[1]);
  const tweede = m[2].length === 2 ? Number(m[1].slice(0, 2) + m[2]) : Number(m[2]);
  if (tweede !== eerste + 1) return null;
  return `${eerste}/${String(tweede).slice(2)}`;
}

/** Every number in a piece of text (a footnote, a sentence), in order of appearance. */
export function verwijzingenIn(tekst: string): Verwijzing[] {
  const gevonden: Verwijzing[] = [];
  const bezet: Array<[number, number]> = [];
  const vrij = (a: number, b: number): boolean => bezet.every(([x, y]) => b <= x || a >= y);
  const jaarVoor = (offset: number): string | null => {
    const voor = tekst.slice(Math.max(0, offset - 40), offset);
    return vergaderjaarIn(voor);
  };

  for (const m of tekst.matchAll(TZ)) {
    const start = m.index ?? 0;
    const cijfers = m[1];
    const nr = m[2];
    const bron = nr ? `TZ${cijfers}-${nr}` : `TZ${cijfers}`;
    const geldig = nr ? /^20\d{2}(0[1-9]|1[0-2])$/.test(cijfers) : /^\d{5,7}$/.test(cijfers);
    gevonden.push({
      soort: 'toezegging',
      nummer: geldig ? bron : null,
      nummerInBron: bron,
      vergaderjaar: jaarVoor(start),
      probleem: geldig ? null : `toezeggingnummer ${bron} is geen geldig TZ-nummer (TZ + jaar en maand, nr.)`,
      offset: start,
    });
    bezet.push([start, start + m[0].length]);
  }
  for (const m of tekst.matchAll(TZ_ZONDER_PREFIX)) {
    const start = m.index ?? 0;
    if (!vrij(start, start + m[0].length)) continue;
    const bron = `${m[1]}-${m[2]}`;
    gevonden.push({
      soort: 'toezegging',
      nummer: null,
      nummerInBron: bron,
      vergaderjaar: jaarVoor(start),
      probleem: `toezeggingnummer ${m[1]}, nr. ${m[2]} mist "TZ" (vermoedelijk TZ${bron})`,
      offset: start,
    });
    bezet.push([start, start + m[0].length]);
  }
  for (const m of tekst.matchAll(EERSTE_KAMER)) {
    const start = m.index ?? 0;
    const bron = `${m[2]}${m[3]}${m[4] ? `-${m[4]}` : ''}-${m[5]}`;
    gevonden.push({
      soort: 'kamerstuk',
      nummer: null,
      nummerInBron: bron,
      vergaderjaar: m[1] ? vergaderjaarIn(m[1]) : null,
      probleem: `${bron} is een stuk van de Eerste Kamer (Kamerstukken I); het register houdt nummers van de Tweede Kamer bij, controleer het nummer`,
      offset: start,
    });
    bezet.push([start, start + m[0].length]);
  }
  for (const m of tekst.matchAll(KAMERSTUK)) {
    const start = m.index ?? 0;
    if (!vrij(start, start + m[0].length)) continue;
    const dossier = `${m[1]}${m[2]}`;
    const nummer = m[3] ? `${dossier}-${m[3]}-${m[4]}` : `${dossier}-${m[4]}`;
    gevonden.push({ soort: 'kamerstuk', nummer, nummerInBron: nummer, vergaderjaar: jaarVoor(start), probleem: null, offset: start });
    bezet.push([start, start + m[0].length]);
  }
  for (const m of tekst.matchAll(KAMERSTUK_KORT)) {
    const start = m.index ?? 0;
    if (!vrij(start, start + m[0].length)) continue;
    const nummer = m[1] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[4]}-${m[5]}`;
    gevonden.push({ soort: 'kamerstuk', nummer, nummerInBron: nummer, vergaderjaar: jaarVoor(start), probleem: null, offset: start });
    bezet.push([start, start + m[0].length]);
  }
  for (const m of tekst.matchAll(DOCUMENT)) {
    const start = m.index ?? 0;
    if (!vrij(start, start + m[0].length)) continue;
    gevonden.push({
      soort: 'document',
      nummer: null,
      nummerInBron: m[1],
      vergaderjaar: jaarVoor(start),
      probleem: `${m[1]} is een documentnummer van de Kamer, geen Kamerstuk- of toezeggingnummer`,
      offset: start,
    });
    bezet.push([start, start + m[0].length]);
  }
  return gevonden.sort((a, b) => a.offset - b.offset);
}

/** Whether a register number is valid as the register stores it. */
export function isGeldigNummer(nummer: string): boolean {
  return /^\d{5}(-[IVX]{1,4}|-[A-H])?-\d{1,5}$/.test(nummer) || /^TZ20\d{2}(0[1-9]|1[0-2])-\d{1,4}$/.test(nummer) || /^TZ\d{5,7}$/.test(nummer);
}
