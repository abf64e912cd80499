import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { stringify } from 'csv-stringify/sync';
import { neutraliseerFormule } from '@register/domain';
import JSZip from 'jszip';
import { BijlageItem, BijlageModel, BijlageZaak } from './bijlage.model';
import { markdownAlineas, markdownRegel } from './markdown-tekst';

export const FORMATEN = ['md', 'html', 'docx', 'csv'] as const;
export type Formaat = (typeof FORMATEN)[number];
export const INDELINGEN = ['verhalend', 'tabel'] as const;
export type Indeling = (typeof INDELINGEN)[number];

export const CONTENT_TYPES: Record<Formaat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
};

const KOP = 'Bijlage 2 — Moties, toezeggingen en aanvullende zaken';

function lijstregel(i: BijlageItem): string {
  return `${i.volgnummer}. ${i.omschrijving} (${i.vindplaats})`;
}

const statusLabel = (s: BijlageItem['status']) => (s === 'afgedaan' ? 'Afgedaan' : s === 'deels-afgedaan' ? 'Deels afgedaan' : 'In behandeling');

/** The rows of the budget-annex table, split into afgerond and niet afgerond. */
function tabelrijen(m: BijlageModel): { afgerond: BijlageItem[]; nietAfgerond: BijlageItem[] } {
  const alle = [...m.toezeggingen, ...m.moties];
  return { afgerond: alle.filter((i) => i.status === 'afgedaan'), nietAfgerond: alle.filter((i) => i.status !== 'afgedaan') };
}

/** Every text from a user goes through `markdownRegel` or `markdownAlineas`: others render this file. */
export function markdown(m: BijlageModel, indeling: Indeling): string {
  const r = markdownRegel;
  const out: string[] = [`# ${KOP}`, '', `**${r(m.titel)}** — stand per ${r(m.peildatumTekst)}${m.kenmerk ? ` — kenmerk ${r(m.kenmerk)}` : ''}`, ''];
  if (indeling === 'tabel') {
    const { afgerond, nietAfgerond } = tabelrijen(m);
    for (const [kop, rijen] of [['Afgerond', afgerond], ['Niet afgerond', nietAfgerond]] as const) {
      out.push(`## ${kop} (stand per ${r(m.peildatumTekst)})`, '', '| Omschrijving | Vindplaats | Stand van zaken |', '| --- | --- | --- |');
      for (const i of rijen) out.push(`| ${r(i.omschrijving)} | ${r(i.vindplaats)} | ${r(i.standVanZaken)} |`);
      out.push('');
    }
    return out.join('\n');
  }
  const lijstregelMd = (i: BijlageItem) => `${i.volgnummer}. ${r(i.omschrijving)} (${r(i.vindplaats)})`;
  out.push('## Toezeggingen', '', ...m.toezeggingen.map(lijstregelMd), '', '## Moties', '', ...m.moties.map(lijstregelMd), '');
  if (m.zaken.length) out.push('## Aanvullende zaken', '', ...m.zaken.map((z) => `${z.volgnummer}. ${r(z.titel)}`), '');
  for (const sectie of m.secties) {
    out.push(`## ${r(sectie.naam)}`, '');
    for (const i of sectie.items) out.push(`### ${r(i.omschrijving)}`, '', `*${r(i.vindplaats)}*`, '', markdownAlineas(i.tekst), '', `**${r(i.statuszin)}**`, '');
    for (const z of sectie.zaken) out.push(`### ${r(z.titel)}`, '', markdownAlineas(z.tekst), '');
  }
  out.push(`---`, '', `Afgedaan: ${m.telling.afgedaan} · deels afgedaan: ${m.telling.deelsAfgedaan} · in behandeling: ${m.telling.inBehandeling}`, '');
  return out.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function html(m: BijlageModel, indeling: Indeling): string {
  const body: string[] = [`<h1>${esc(KOP)}</h1>`, `<p class="meta"><strong>${esc(m.titel)}</strong> — stand per ${esc(m.peildatumTekst)}${m.kenmerk ? ` — kenmerk ${esc(m.kenmerk)}` : ''}</p>`];
  if (indeling === 'tabel') {
    const { afgerond, nietAfgerond } = tabelrijen(m);
    for (const [kop, rijen] of [['Afgerond', afgerond], ['Niet afgerond', nietAfgerond]] as const) {
      body.push(`<h2>${kop} <small>(stand per ${esc(m.peildatumTekst)})</small></h2>`, '<table><thead><tr><th>Omschrijving</th><th>Vindplaats</th><th>Stand van zaken</th></tr></thead><tbody>');
      for (const i of rijen) body.push(`<tr><td>${esc(i.omschrijving)}</td><td>${esc(i.vindplaats)}</td><td>${esc(i.standVanZaken)}</td></tr>`);
      body.push('</tbody></table>');
    }
  } else {
    const lijst = (kop: string, regels: string[]) => (regels.length ? [`<h2>${kop}</h2>`, '<ol>', ...regels.map((r) => `<li>${r}</li>`), '</ol>'] : []);
    body.push(...lijst('Toezeggingen', m.toezeggingen.map((i) => `${esc(i.omschrijving)} <span class="vindplaats">(${esc(i.vindplaats)})</span>`)));
    body.push(...lijst('Moties', m.moties.map((i) => `${esc(i.omschrijving)} <span class="vindplaats">(${esc(i.vindplaats)})</span>`)));
    body.push(...lijst('Aanvullende zaken', m.zaken.map((z) => esc(z.titel))));
    for (const sectie of m.secties) {
      body.push(`<section><h2>${esc(sectie.naam)}</h2>`);
      for (const i of sectie.items) {
        body.push(`<article><h3>${esc(i.omschrijving)}</h3><p class="vindplaats">${esc(i.vindplaats)}</p>`, ...i.tekst.split(/\n+/).map((p) => `<p>${esc(p)}</p>`), `<p class="status status-${i.status}">${esc(i.statuszin)}</p></article>`);
      }
      for (const z of sectie.zaken) body.push(`<article><h3>${esc(z.titel)}</h3>`, ...z.tekst.split(/\n+/).map((p) => `<p>${esc(p)}</p>`), '</article>');
      body.push('</section>');
    }
    body.push(`<p class="telling">Afgedaan: ${m.telling.afgedaan} · deels afgedaan: ${m.telling.deelsAfgedaan} · in behandeling: ${m.telling.inBehandeling}</p>`);
  }
  const css = `@page{size:A4;margin:2.5cm 2cm}body{font-family:"RijksoverheidSans","Calibri","Segoe UI",sans-serif;font-size:10.5pt;line-height:1.45;color:#000;max-width:46em;margin:2em auto;padding:0 1em}h1{font-size:15pt;color:#01689b}h2{font-size:12.5pt;margin-top:1.6em;border-bottom:1px solid #01689b}h3{font-size:11pt;margin-bottom:.2em}.meta{color:#333}.vindplaats{font-style:italic;color:#444}.status{font-weight:bold}table{border-collapse:collapse;width:100%;font-size:9.5pt}th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}th{background:#e5f0f9}article{break-inside:avoid}@media print{body{margin:0;max-width:none}a{color:#000}}`;
  return `<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>${esc(KOP)} — ${esc(m.titel)}</title>\n<style>${css}</style>\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}

/** Liaisons open this in Excel: no cell may run as a formula there. */
export function csv(m: BijlageModel): string {
  const rijen = [...m.toezeggingen, ...m.moties].map((i) => [i.soort, i.nummer, i.omschrijving, i.leden.map((l) => (l.fractie ? `${l.naam} (${l.fractie})` : l.naam)).join('; '), i.vindplaats, i.sectie, statusLabel(i.status)]);
  const zaken = m.zaken.map((z: BijlageZaak) => ['aanvullende zaak', '', z.titel, '', '', z.sectie, '']);
  return stringify([['soort', 'nummer', 'omschrijving', 'leden', 'vindplaats', 'sectie', 'status'], ...rijen, ...zaken], { bom: true, record_delimiter: 'windows', cast: { string: neutraliseerFormule } });
}

/**
 * DOCX through the `docx` library (the ministry finishes the annex in Word). A .docx is a zip with
 * timestamps in it; the archive is packed again with the report's own date, so the same report
 * always gives the same bytes.
 */
export async function docx(m: BijlageModel, indeling: Indeling): Promise<Buffer> {
  const p = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, ...opts })], spacing: { after: 120 } });
  const kop = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading, spacing: { before: 240, after: 120 } });
  const children: (Paragraph | Table)[] = [kop(KOP, HeadingLevel.HEADING_1), p(`${m.titel} — stand per ${m.peildatumTekst}${m.kenmerk ? ` — kenmerk ${m.kenmerk}` : ''}`, { bold: true })];
  if (indeling === 'tabel') {
    const { afgerond, nietAfgerond } = tabelrijen(m);
    const cel = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
    for (const [titel, rijen] of [['Afgerond', afgerond], ['Niet afgerond', nietAfgerond]] as const) {
      children.push(kop(`${titel} (stand per ${m.peildatumTekst})`, HeadingLevel.HEADING_2));
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: [cel('Omschrijving', true), cel('Vindplaats', true), cel('Stand van zaken', true)] }),
            ...rijen.map((i) => new TableRow({ children: [cel(i.omschrijving), cel(i.vindplaats), cel(i.standVanZaken)] })),
          ],
        }),
      );
    }
  } else {
    const lijst = (titel: string, regels: string[]) => (regels.length ? [kop(titel, HeadingLevel.HEADING_2), ...regels.map((r) => p(r))] : []);
    children.push(...lijst('Toezeggingen', m.toezeggingen.map(lijstregel)), ...lijst('Moties', m.moties.map(lijstregel)), ...lijst('Aanvullende zaken', m.zaken.map((z) => `${z.volgnummer}. ${z.titel}`)));
    for (const sectie of m.secties) {
      children.push(kop(sectie.naam, HeadingLevel.HEADING_2));
      for (const i of sectie.items) {
        children.push(kop(i.omschrijving, HeadingLevel.HEADING_3), p(i.vindplaats, { italics: true }), ...i.tekst.split(/\n+/).map((t) => p(t)), p(i.statuszin, { bold: true }));
      }
      for (const z of sectie.zaken) children.push(kop(z.titel, HeadingLevel.HEADING_3), ...z.tekst.split(/\n+/).map((t) => p(t)));
    }
    children.push(new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: `Afgedaan: ${m.telling.afgedaan} · deels afgedaan: ${m.telling.deelsAfgedaan} · in behandeling: ${m.telling.inBehandeling}`, italics: true })] }));
  }
  const document = new Document({
    creator: 'Register moties en toezeggingen',
    title: `${KOP} — ${m.titel}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [{ children }],
  });
  const datum = new Date(`${m.verzondenOp ?? m.peildatum}T00:00:00Z`);
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  const core = zip.file('docProps/core.xml');
  if (core) {
    const xml = (await core.async('string')).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${datum.toISOString().replace(/\.\d{3}Z$/, 'Z')}$3`);
    zip.file('docProps/core.xml', xml);
  }
  const vast = new JSZip();
  for (const naam of Object.keys(zip.files).sort()) {
    const entry = zip.files[naam];
    if (!entry.dir) vast.file(naam, await entry.async('uint8array'), { date: datum, createFolders: false });
  }
  return vast.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

export async function render(m: BijlageModel, formaat: Formaat, indeling: Indeling): Promise<Buffer> {
  switch (formaat) {
    case 'md':
      return Buffer.from(markdown(m, indeling), 'utf8');
    case 'html':
      return Buffer.from(html(m, indeling), 'utf8');
    case 'csv':
      return Buffer.from(csv(m), 'utf8');
    case 'docx':
      return docx(m, indeling);
  }
}
