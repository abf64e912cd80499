/*
 * DOCX via mammoth, as HTML so footnotes survive: each paragraph becomes a line, a footnote reference becomes
 * `[footnoteRef:N]` and the footnote's text `[N:  …]` at the end of that paragraph, as text exported from Word
 * presents them (the seeds); headings h1–h3 carry a `_Toc` bookmark, as Word's own headings do.
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
  } catch (e) {
    throw new ImportFout('beschadigd-bestand', `Het Word-document kan niet worden gelezen (${e instanceof Error ? e.message.slice(0, 120) : 'onbekende fout'}).`);
  }
  const voetnoten = new Map<string, string>();
  for (const m of html.matchAll(/<li id="(?:footnote|endnote)-(\d+)">([\s\S]*?)<\/li>/g)) {
    voetnoten.set(m[1], decodeer(m[2].replace(/<a href="#(?:footnote|endnote)-ref-\d+">[\s\S]*?<\/a>/g, '')));
  }
  const body = html.replace(/<ol>\s*<li id="(?:footnote|endnote)-[\s\S]*$/, '');
  const regels: string[] = [];
  for (const m of body.matchAll(/<(p|h[1-6]|li)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const nummers: string[] = [];
    const inhoud = m[2].replace(/<sup>\s*<a href="#(?:footnote|endnote)-(\d+)"[^>]*>[\s\S]*?<\/a>\s*<\/sup>/g, (_, n: string) => {
      nummers.push(n);
      return `§§${n}§§`;
    });
    let tekst = decodeer(inhoud).replace(/§§(\d+)§§/g, '[footnoteRef:$1]');
    if (tekst === '') continue;
    if (/^h[1-3]$/.test(m[1])) tekst = `[bookmark: _Toc]${tekst}`;
    if (m[1] === 'li') tekst = `· ${tekst}`;
    for (const n of nummers) tekst += ` [${n}:  ${voetnoten.get(n) ?? ''}]`;
    regels.push(tekst);
  }
  return regels;
}
