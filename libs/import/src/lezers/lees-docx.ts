/*
 * DOCX via mammoth, as HTML so footnotes survive: each paragraph becomes a line, a footnote reference becomes
 * `[footnoteRef:N]` and the footnote's text `[N:  …]` at the end of that paragraph, as text exported from Word
 * presents them (the seeds); headings h1–h3 carry a `_Toc` bookmark, as Word's own headings do. A table row becomes one
 * line with its cells separated by ` | ` (the budget annex "Omschrijving | Vindplaats | Stand van zaken" is a table), so
 * that the extractor can read it as a row and not as loose paragraphs.
 */

import mammoth from 'mammoth';
import { ImportFout } from '../import-fout';

function decodeer(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

export async function leesDocx(bytes: Uint8Array): Promise<string[]> {
  let html: string;
  try {
    const resultaat = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    html = resultaat.value;
  } catch {
    // mammoth's and jszip's messages are English and technical: the clerk gets what to do instead.
    throw new ImportFout('beschadigd-bestand', 'Het Word-document is beschadigd of geen geldig DOCX-bestand en kan niet worden gelezen. Open het in Word, sla het opnieuw op als .docx en probeer het nog eens.');
  }
  const voetnoten = new Map<string, string>();
  for (const m of html.matchAll(/<li id="(?:footnote|endnote)-(\d+)">([\s\S]*?)<\/li>/g)) {
    voetnoten.set(m[1], decodeer(m[2].replace(/<a href="#(?:footnote|endnote)-ref-\d+">[\s\S]*?<\/a>/g, '')));
  }
  const body = html.replace(/<ol>\s*<li id="(?:footnote|endnote)-[\s\S]*$/, '');
  const regels: string[] = [];
  const metNoten = (inhoud: string): { tekst: string; nummers: string[] } => {
    const nummers: string[] = [];
    const vervangen = inhoud.replace(/<sup>\s*<a href="#(?:footnote|endnote)-(\d+)"[^>]*>[\s\S]*?<\/a>\s*<\/sup>/g, (_, n: string) => {
      nummers.push(n);
      return `§§${n}§§`;
    });
    return { tekst: decodeer(vervangen.replace(/<\/p>\s*<p[^>]*>/g, ' ')).replace(/§§(\d+)§§/g, '[footnoteRef:$1]'), nummers };
  };
  const noten = (nummers: readonly string[]): string => nummers.map((n) => ` [${n}:  ${voetnoten.get(n) ?? ''}]`).join('');
  for (const m of body.matchAll(/<table\b[^>]*>([\s\S]*?)<\/table>|<(p|h[1-6]|li)\b[^>]*>([\s\S]*?)<\/\2>/g)) {
    if (m[1] !== undefined) {
      for (const rij of m[1].matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)) {
        const cellen = [...rij[1].matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => metNoten(c[1]));
        if (cellen.every((c) => c.tekst === '')) continue;
        regels.push(cellen.map((c) => c.tekst).join(' | ') + noten(cellen.flatMap((c) => c.nummers)));
      }
      continue;
    }
    const { tekst: inhoud, nummers } = metNoten(m[3]);
    let tekst = inhoud;
    if (tekst === '') continue;
    if (/^h[1-3]$/.test(m[2])) tekst = `[bookmark: _Toc]${tekst}`;
    if (m[2] === 'li') tekst = `· ${tekst}`;
    tekst += noten(nummers);
    regels.push(tekst);
  }
  return regels;
}
