/*
 * The normalised view of a letter's text: paragraphs without page furniture, footnote markers and Word
 * artefacts, with the footnotes collected apart, and every character mapped back to the 1-based line of the
 * text the reader produced. The original lines are never changed; `regel` numbers always index them.
 */

export interface Voetnoot {
  readonly nummer: string;
  readonly tekst: string;
  readonly regel: number;
}

export interface VoetnootVerwijzing {
  readonly nummer: string;
  /** Offset in the paragraph text where the marker stood. */
  readonly offset: number;
}

export interface Alinea {
  readonly index: number;
  readonly tekst: string;
  readonly kop: boolean;
  /** A table row (cells separated by ` | `): a line of its own, never a heading nor part of a paragraph. */
  readonly tabelrij: boolean;
  /** The heading carried a Word table-of-contents bookmark (`_Toc`): a section heading, not a sub-heading. */
  readonly inhoudsopgave: boolean;
  readonly verwijzingen: readonly VoetnootVerwijzing[];
  readonly eersteRegel: number;
  regelBij(offset: number): number;
}

export interface GenormaliseerdeTekst {
  readonly alineas: readonly Alinea[];
  readonly voetnoten: ReadonlyMap<string, Voetnoot>;
  /** Whether the document marks section headings with `_Toc` bookmarks (text extracted from Word). */
  readonly heeftInhoudsopgave: boolean;
}

interface Marker {
  readonly nummer: string;
  readonly kolom: number;
}

interface SchoneRegel {
  tekst: string;
  markers: Marker[];
  toc: boolean;
  /** Removed as footnote text or page furniture. */
  weg: boolean;
  begintMetWit: boolean;
  begintMetTab: boolean;
  tabel?: boolean;
}

const SUPERSCRIPT: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;
const EINDE_ZIN = /[.!?:;)”"’»]$/;

function superscriptNaarCijfers(s: string): string {
  return [...s].map((c) => SUPERSCRIPT[c] ?? c).join('');
}

function schoonMarkup(tekst: string): string {
  return tekst
    .replace(/\[bookmark: [^\]]*\]/g, '')
    .replace(/\[([^\]]*)\]\((?:#|https?:[^)]*)\)/g, '$1')
    .replace(/\\([()[\]])/g, '$1')
    .replace(/^\s*>\s?/, '')
    .replace(/\*\*/g, '')
    .replace(/(^|\s)\*(\S)/g, '$1$2')
    .replace(/(\S)\*(?=\s|$|[.,;:])/g, '$1');
}

/** Step 1: Word footnotes `[footnoteRef:N]` … `[N:  text]`, possibly spanning lines. */
function leesWordVoetnoten(regels: readonly string[], voetnoten: Map<string, Voetnoot>): SchoneRegel[] | null {
  const geheel = regels.join('\n');
  if (!/\[footnoteRef:\d+\]/.test(geheel)) return null;
  const uit: SchoneRegel[] = regels.map((r) => ({ tekst: '', markers: [], toc: /\[bookmark: _Toc/.test(r), weg: false, begintMetWit: /^\s/.test(r), begintMetTab: /^\t/.test(r) }));
  let regel = 0;
  let i = 0;
  while (i < geheel.length) {
    const c = geheel[i];
    if (c === '\n') {
      regel++;
      i++;
      continue;
    }
    if (c === '[') {
      const ref = /^\[footnoteRef:(\d+)\]/.exec(geheel.slice(i, i + 24));
      if (ref) {
        uit[regel].markers.push({ nummer: ref[1], kolom: uit[regel].tekst.length });
        i += ref[0].length;
        continue;
      }
      const def = /^\[(\d+):\s/.exec(geheel.slice(i, i + 12));
      if (def) {
        let diepte = 0;
        let j = i;
        for (; j < geheel.length; j++) {
          if (geheel[j] === '[') diepte++;
          else if (geheel[j] === ']') {
            diepte--;
            if (diepte === 0) break;
          }
        }
        const inhoud = geheel.slice(i + def[0].length, j).replace(/\s+/g, ' ').trim();
        voetnoten.set(def[1], { nummer: def[1], tekst: inhoud, regel: regel + 1 });
        regel += (geheel.slice(i, j).match(/\n/g) ?? []).length;
        i = j + 1;
        continue;
      }
    }
    uit[regel].tekst += c;
    i++;
  }
  return uit;
}

/** Step 1 for PDF-like text with superscript markers: `¹ Kamerstukken …` lines are the footnotes. */
function leesSuperscriptVoetnoten(regels: readonly string[], voetnoten: Map<string, Voetnoot>): SchoneRegel[] | null {
  if (!regels.some((r) => /^\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s+\S/.test(r))) return null;
  const uit: SchoneRegel[] = [];
  let huidige: { nummer: string; tekst: string; regel: number } | null = null;
  for (let n = 0; n < regels.length; n++) {
    const r = regels[n];
    const basis = { toc: false, begintMetWit: /^\s/.test(r), begintMetTab: /^\t/.test(r) };
    const def = /^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+(.*)$/.exec(r);
    if (def) {
      if (huidige) voetnoten.set(huidige.nummer, { ...huidige });
      huidige = { nummer: superscriptNaarCijfers(def[1]), tekst: def[2].trim(), regel: n + 1 };
      uit.push({ ...basis, tekst: '', markers: [], weg: true });
      continue;
    }
    if (huidige && r.trim() !== '') {
      huidige.tekst += ` ${r.trim()}`;
      uit.push({ ...basis, tekst: '', markers: [], weg: true });
      continue;
    }
    if (huidige) {
      voetnoten.set(huidige.nummer, { ...huidige });
      huidige = null;
    }
    const markers: Marker[] = [];
    let tekst = '';
    let laatste = 0;
    for (const m of r.matchAll(SUPERSCRIPT_RUN)) {
      const start = m.index ?? 0;
      tekst += r.slice(laatste, start);
      markers.push({ nummer: superscriptNaarCijfers(m[0]), kolom: tekst.length });
      laatste = start + m[0].length;
    }
    tekst += r.slice(laatste);
    uit.push({ ...basis, tekst, markers, weg: false });
  }
  if (huidige) voetnoten.set(huidige.nummer, { ...huidige });
  return uit;
}

/**
 * Step 1 for text from PDF with plain digits: footnotes are lines `N Text` numbered 1, 2, 3 … at the foot of a
 * page, and the markers are the same digits glued to the preceding word (`Azarkan9 een`, `c.s.2aan`).
 * Found in sequence: marker N lies after marker N-1 and before footnote N.
 */
function leesCijferVoetnoten(regels: readonly string[], voetnoten: Map<string, Voetnoot>): SchoneRegel[] {
  const uit: SchoneRegel[] = regels.map((r) => ({ tekst: r, markers: [], toc: false, weg: false, begintMetWit: /^\s/.test(r), begintMetTab: /^\t/.test(r) }));
  const definities: Array<{ nummer: number; regel: number }> = [];
  let verwacht = 1;
  for (let n = 0; n < regels.length; n++) {
    const m = /^(\d{1,3}) (\S.*)$/.exec(regels[n]);
    const ervoorLeeg = n === 0 || regels[n - 1].trim() === '' || uit[n - 1].weg;
    if (!m || Number(m[1]) !== verwacht || !ervoorLeeg) continue;
    if (!/^\p{L}/u.test(m[2]) && !/^[«"'(]/.test(m[2])) continue;
    let tekst = m[2].trim();
    uit[n].weg = true;
    let k = n + 1;
    let regelsInNoot = 0;
    while (k < regels.length && regelsInNoot < 12) {
      const volgende = regels[k];
      if (volgende.trim() === '') {
        k++;
        continue;
      }
      if (/^\s/.test(volgende)) break;
      const nieuweNoot = /^(\d{1,3}) \S/.exec(volgende);
      if (nieuweNoot && Number(nieuweNoot[1]) === verwacht + 1) break;
      tekst += ` ${volgende.trim()}`;
      uit[k].weg = true;
      regelsInNoot++;
      k++;
    }
    voetnoten.set(String(verwacht), { nummer: String(verwacht), tekst: tekst.replace(/-\s(?=\p{Ll})/gu, ''), regel: n + 1 });
    definities.push({ nummer: verwacht, regel: n });
    verwacht++;
    n = k - 1;
  }
  let cursorRegel = 0;
  let cursorKolom = 0;
  for (const def of definities) {
    const patroon = new RegExp(`(?<=[\\p{L}.)»”’,;:])${def.nummer}(?!\\d)`, 'u');
    for (let n = cursorRegel; n <= def.regel && n < uit.length; n++) {
      if (uit[n].weg) continue;
      const van = n === cursorRegel ? cursorKolom : 0;
      const deel = uit[n].tekst.slice(van);
      const m = patroon.exec(deel);
      if (!m) continue;
      const kolom = van + (m.index ?? 0);
      const lengte = String(def.nummer).length;
      const na = uit[n].tekst.slice(kolom + lengte);
      const tussen = /^\p{L}/u.test(na) ? ' ' : '';
      uit[n].tekst = uit[n].tekst.slice(0, kolom) + tussen + na;
      uit[n].markers.push({ nummer: String(def.nummer), kolom });
      cursorRegel = n;
      cursorKolom = kolom;
      break;
    }
  }
  return uit;
}

/** The separator of table cells in the normalised text (the DOCX reader writes rows this way too). */
export const CEL_SCHEIDING = ' | ';

/**
 * A row of a table as text extraction leaves it: three or more cells separated by tabs (PDF), or by pipes (Word, Markdown).
 * Returns the cells, or null when the line is no row. A single tab after an enumerator ("1)\thandhaving …") is no table.
 */
export function tabelCellen(tekst: string): string[] | null {
  const t = tekst.trim();
  let cellen: string[];
  if (/\S\t+\S[^\t]*\t+\S/.test(t)) cellen = t.split(/\t+/);
  else if ((t.match(/\s\|\s|^\||\|$/g) ?? []).length >= 2) cellen = t.replace(/^\|\s*|\s*\|$/g, '').split(/\s*\|\s*/);
  else return null;
  cellen = cellen.map((c) => c.replace(/\s+/g, ' ').trim());
  return cellen.length >= 3 && cellen.filter((c) => c !== '').length >= 2 ? cellen : null;
}

/** Headings that split a table into groups by status ("Afgerond", "Niet-afgeronde moties"): they may recur on every page. */
const GROEPSKOP = /^(?:niet[- ])?(?:afgeronde?|afgedane?)\b|^(?:openstaande?|lopende?)\s+(?:moties|toezeggingen)\b/i;

/** Page furniture: short lines that recur on several pages (letterhead, date, kenmerk, page numbers). */
function markeerPaginaopmaak(regels: SchoneRegel[]): void {
  const sleutel = (t: string): string => t.trim().replace(/\d+/g, '#').toLowerCase();
  const tellingen = new Map<string, number>();
  for (const r of regels) {
    if (r.weg || r.tekst.trim() === '') continue;
    const k = sleutel(r.tekst);
    tellingen.set(k, (tellingen.get(k) ?? 0) + 1);
  }
  for (const r of regels) {
    const t = r.tekst.trim();
    if (r.weg || t === '' || t.length > 60 || EINDE_ZIN.test(t) || r.markers.length > 0) continue;
    // Item headings, table rows, status groups and status fields ("Status: Voldaan") recur because they are content.
    if (/^(moties?|toezegging(en)?)\b/i.test(t) || r.tabel || GROEPSKOP.test(t) || /^(?:status|stand(?: van zaken)?)\s*:/i.test(t)) continue;
    if ((tellingen.get(sleutel(t)) ?? 0) >= 3 || /^(pagina|blad) \d+( van \d+)?$/i.test(t)) r.weg = true;
  }
}

function isKopTekst(tekst: string, regel: SchoneRegel): boolean {
  const t = tekst.trim();
  if (t.length === 0 || t.length > 180 || regel.begintMetTab) return false;
  if (/[.;:,?!]$/.test(t) || /^(tabel|figuur|bron)\b/i.test(t)) return false;
  // A field of a register list ("Debat: Commissiedebat Zorg, 4 oktober 2023", "Status: Voldaan") is no heading.
  if (/^\p{Lu}\p{Ll}+(?: \p{Ll}+){0,2}\s*:\s+\S/u.test(t)) return false;
  if (!/^[\p{Lu}\d'‘“(]/u.test(t)) return false;
  if (!/\p{L}{3,}/u.test(t)) return false;
  return regel.markers.length === 0;
}

class AlineaBouwer {
  tekst = '';
  segmenten: Array<{ offset: number; regel: number }> = [];
  verwijzingen: VoetnootVerwijzing[] = [];
  regels = 0;
  toc = false;
  kopKandidaat = false;
  tabel = false;
  /** Stands alone (a table row or caption): the next line starts a paragraph of its own. */
  los = false;

  voegToe(regel: SchoneRegel, nummer: number, aaneen: boolean): void {
    let stuk = regel.tekst.replace(/\s+/g, ' ');
    let markers = regel.markers;
    const voorloop = stuk.length - stuk.trimStart().length;
    stuk = stuk.trim();
    markers = markers.map((m) => ({ nummer: m.nummer, kolom: Math.max(0, Math.min(stuk.length, m.kolom - voorloop)) }));
    if (this.tekst.length > 0) {
      if (aaneen && /\p{Ll}-$/u.test(this.tekst) && /^\p{Ll}/u.test(stuk)) this.tekst = this.tekst.slice(0, -1);
      else this.tekst += ' ';
    }
    const offset = this.tekst.length;
    this.segmenten.push({ offset, regel: nummer });
    this.tekst += stuk;
    for (const m of markers) this.verwijzingen.push({ nummer: m.nummer, offset: offset + m.kolom });
    this.regels++;
    this.toc = this.toc || regel.toc;
  }
}

function dominantGewikkeld(regels: readonly SchoneRegel[]): boolean {
  const lengtes = regels.filter((r) => !r.weg && r.tekst.trim().length > 0).map((r) => r.tekst.trim().length).sort((a, b) => a - b);
  if (lengtes.length < 10) return false;
  return lengtes[Math.floor(lengtes.length * 0.8)] < 110;
}

export function normaliseer(bronRegels: readonly string[]): GenormaliseerdeTekst {
  const voetnoten = new Map<string, Voetnoot>();
  const gemarkeerd = bronRegels.map((r) => r.replace(/\r$/, ''));
  const heeftInhoudsopgave = gemarkeerd.some((r) => r.includes('[bookmark: _Toc'));
  const opgeschoond = gemarkeerd;
  const schoon =
    leesWordVoetnoten(opgeschoond, voetnoten) ?? leesSuperscriptVoetnoten(opgeschoond, voetnoten) ?? leesCijferVoetnoten(opgeschoond, voetnoten);
  for (const r of schoon) {
    const voor = r.tekst;
    r.tekst = schoonMarkup(r.tekst);
    if (r.markers.length > 0 && voor !== r.tekst) {
      // Markup removed before a marker shifts it; recompute by stripping the markup from the prefix.
      r.markers = r.markers.map((m) => ({ nummer: m.nummer, kolom: schoonMarkup(voor.slice(0, m.kolom)).length }));
    }
  }
  for (const r of schoon) {
    if (r.weg) continue;
    const cellen = tabelCellen(r.tekst);
    if (!cellen) continue;
    r.tabel = true;
    // Markers keep their column only when no tab was replaced before them (Word rows come with ` | ` already).
    if (r.markers.length === 0 || !r.tekst.includes('\t')) r.tekst = r.tekst.includes('\t') ? cellen.join(CEL_SCHEIDING) : r.tekst;
  }
  markeerPaginaopmaak(schoon);
  const gewikkeld = dominantGewikkeld(schoon);

  const bouwers: AlineaBouwer[] = [];
  let huidige: AlineaBouwer | null = null;
  let leegSinds = false;
  let wegSinds = false;
  const sluit = (): void => {
    if (huidige && huidige.tekst.trim().length > 0) bouwers.push(huidige);
    huidige = null;
  };
  for (let n = 0; n < schoon.length; n++) {
    const r = schoon[n];
    if (r.weg) {
      wegSinds = true;
      continue;
    }
    if (r.tekst.trim() === '') {
      leegSinds = true;
      continue;
    }
    // A table row, or a table's caption ("Tabel 2 Toezeggingen"), stands alone: it never joins the next line.
    if (r.tabel || /^(?:tabel|figuur)\s+\d+\b.{0,100}$/i.test(r.tekst.trim())) {
      sluit();
      const rij = new AlineaBouwer();
      rij.voegToe(r, n + 1, false);
      rij.tabel = r.tabel === true;
      rij.los = true;
      bouwers.push(rij);
      leegSinds = false;
      wegSinds = false;
      continue;
    }
    const vorige: AlineaBouwer | null = huidige ?? bouwers[bouwers.length - 1] ?? null;
    const begin = r.tekst.trim();
    const vorigeOpen = vorige !== null && !vorige.los && !EINDE_ZIN.test(vorige.tekst.trim()) && !(vorige.regels === 1 && isKopTekst(vorige.tekst, r) && vorige.tekst.length < 80);
    const doorloop =
      vorige !== null && vorigeOpen && (/^\p{Ll}/u.test(begin) || (wegSinds && vorige.tekst.length > 80 && !isKopTekst(begin, r)));
    if (leegSinds || wegSinds || !gewikkeld) {
      if (doorloop && (leegSinds || wegSinds)) {
        if (!huidige) huidige = bouwers.pop() ?? new AlineaBouwer();
      } else {
        sluit();
        huidige = new AlineaBouwer();
      }
    } else if (!huidige) {
      huidige = new AlineaBouwer();
    }
    if (!gewikkeld && !leegSinds && !wegSinds && vorige !== null && !vorige.los && !EINDE_ZIN.test(vorige.tekst.trim()) && /^\p{Ll}/u.test(begin) && huidige !== vorige) {
      // A hard-wrapped line inside an unwrapped document (a PDF page among paragraphs): continue the sentence.
      huidige = bouwers.pop() ?? huidige;
    }
    const actief: AlineaBouwer = huidige ?? new AlineaBouwer();
    huidige = actief;
    actief.voegToe(r, n + 1, true);
    // A line right after a table cell (tab-indented) is a cell too, not a heading.
    const naTabel = n > 0 && schoon[n - 1].begintMetTab && schoon[n - 1].tekst.trim() !== '';
    if (actief.regels === 1) actief.kopKandidaat = isKopTekst(r.tekst, r) && !naTabel;
    leegSinds = false;
    wegSinds = false;
  }
  sluit();

  const alineas: Alinea[] = bouwers.map((b, index) => {
    const segmenten = b.segmenten;
    const kop = b.regels === 1 && b.kopKandidaat && !b.tabel;
    return {
      index,
      tekst: b.tekst,
      kop,
      tabelrij: b.tabel,
      inhoudsopgave: kop && b.toc,
      verwijzingen: b.verwijzingen,
      eersteRegel: segmenten[0].regel,
      regelBij(offset: number): number {
        let gevonden = segmenten[0].regel;
        for (const s of segmenten) {
          if (s.offset <= offset) gevonden = s.regel;
          else break;
        }
        return gevonden;
      },
    };
  });
  return { alineas, voetnoten, heeftInhoudsopgave };
}
