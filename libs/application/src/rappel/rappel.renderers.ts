import { stringify } from 'csv-stringify/sync';
import { Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { neutraliseerFormule, zonderOngeldigeXmlTekens } from '@register/domain';
import { datumTekst } from '../halfjaarberichten/bijlage/bijlage.model';
import { htmlTekst } from '../html-tekst';
import { RappelBewindspersoon, RappelItem, RappelModel, RappelVerschuiving } from './rappel.model';

export const RAPPEL_FORMATEN = ['json', 'html', 'docx', 'csv'] as const;
export type RappelFormaat = (typeof RAPPEL_FORMATEN)[number];
export type RappelBestand = Exclude<RappelFormaat, 'json'>;

export const RAPPEL_CONTENT_TYPES: Record<RappelBestand, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
};

const KOP = 'Rappel toezeggingen en moties';
const KOLOMMEN = ['Nr.', 'Nummer', 'Titel', 'Lid of leden', 'Termijn', 'Eerder verschoven', 'Nieuwe prognose'] as const;
/** Percentages of the page width, the same in every list (and in Word). */
const BREEDTES = [4, 12, 26, 14, 14, 16, 14] as const;

const SOORT = { motie: 'Motie', toezegging: 'Toezegging' } as const;
const STATUS = { InBehandeling: 'In behandeling', DeelsAfgedaan: 'Deels afgedaan' } as const;

/** The two lists of one bewindspersoon, with their headings. */
function lijsten(m: RappelModel, b: RappelBewindspersoon): { kop: string; csv: string; items: readonly RappelItem[] }[] {
  return [
    { kop: `Termijn verstreken vóór ${datumTekst(m.peildatum)}`, csv: `Verstreken vóór ${m.peildatum}`, items: b.verstreken },
    { kop: `Termijn verstrijkt vóór ${datumTekst(m.volgendePeildatum)}`, csv: `Verstrijkt vóór ${m.volgendePeildatum}`, items: b.komend },
  ];
}

const metaregel = (m: RappelModel) => `Peildatum ${datumTekst(m.peildatum)} — volgende peildatum ${datumTekst(m.volgendePeildatum)}${m.bewindspersoon ? ` — ${m.bewindspersoon}` : ''}`;
const bewindspersoonKop = (b: RappelBewindspersoon) => `${b.bewindspersoon}${b.ministeries.length ? ` (${b.ministeries.join(', ')})` : ''}`;
const leden = (i: RappelItem) => i.leden.map((l) => (l.fractie ? `${l.naam} (${l.fractie})` : l.naam)).join(', ') || '—';
const termijn = (t: { omschrijving: string; datum: string | null }, datum: (d: string) => string = datumTekst) =>
  t.datum ? (t.omschrijving ? `${t.omschrijving} (${datum(t.datum)})` : datum(t.datum)) : t.omschrijving;
const verschuiving = (v: RappelVerschuiving, datum: (d: string) => string = datumTekst) => `${termijn(v.van, datum)}, verschoven op ${datum(v.op)}`;
const zonderDatum = (b: RappelBewindspersoon) =>
  b.zonderTermijndatum > 0 ? `Daarnaast ${b.zonderTermijndatum === 1 ? 'staat 1 open item' : `staan ${b.zonderTermijndatum} open items`} zonder termijndatum in het register; die staan niet op deze rappel.` : null;
const leeg = (m: RappelModel) => `Er zijn geen open moties of toezeggingen waarvan de termijn vóór ${datumTekst(m.volgendePeildatum)} verstrijkt${m.bewindspersoon ? ` voor "${m.bewindspersoon}"` : ''}.`;

const esc = htmlTekst;

/** A page to show or print, in the annex's house style; every text from a user is escaped. */
export function html(m: RappelModel): string {
  const body: string[] = [`<h1>${esc(KOP)}</h1>`, `<p class="meta">${esc(metaregel(m))}</p>`];
  if (m.bewindspersonen.length === 0) body.push(`<p>${esc(leeg(m))}</p>`);
  for (const b of m.bewindspersonen) {
    body.push(`<section><h2>${esc(bewindspersoonKop(b))}</h2>`);
    for (const lijst of lijsten(m, b)) {
      body.push(`<h3>${esc(lijst.kop)} <small>(${lijst.items.length})</small></h3>`);
      if (lijst.items.length === 0) {
        body.push('<p class="geen">Geen.</p>');
        continue;
      }
      body.push(`<table><colgroup>${BREEDTES.map(() => '<col>').join('')}</colgroup><thead><tr>${KOLOMMEN.map((k) => `<th scope="col">${k}</th>`).join('')}</tr></thead><tbody>`);
      lijst.items.forEach((i, n) => {
        const eerder = i.verschuivingen.length ? `${i.verschuivingen.length}×<br>${i.verschuivingen.map((v) => esc(verschuiving(v))).join('<br>')}` : 'Nee';
        body.push(
          `<tr><td>${n + 1}</td><td class="nummer">${esc(i.nummer)}<br><span class="klein">${SOORT[i.soort]}</span></td><td>${esc(i.titel)}</td><td>${esc(leden(i))}</td><td>${esc(termijn(i.termijn))}</td><td>${eerder}</td><td class="prognose"></td></tr>`,
        );
      });
      body.push('</tbody></table>');
    }
    const zonder = zonderDatum(b);
    if (zonder) body.push(`<p class="klein">${esc(zonder)}</p>`);
    body.push('</section>');
  }
  const kolommen = BREEDTES.map((b, n) => `col:nth-child(${n + 1}){width:${b}%}`).join('');
  const css = `${kolommen}@page{size:A4 landscape;margin:2cm 1.5cm}body{font-family:"RijksoverheidSans","Calibri","Segoe UI",sans-serif;font-size:10.5pt;line-height:1.45;color:#000;max-width:70em;margin:2em auto;padding:0 1em}h1{font-size:15pt;color:#01689b}h2{font-size:12.5pt;margin-top:1.6em;border-bottom:1px solid #01689b}h3{font-size:11pt;margin-bottom:.4em}.meta{color:#333}.klein{font-size:9pt;color:#444}table{border-collapse:collapse;width:100%;table-layout:fixed;font-size:9.5pt}th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}th{background:#e5f0f9}.nummer{overflow-wrap:anywhere}tr{break-inside:avoid}section{break-before:auto}@media print{body{margin:0;max-width:none}}`;
  return `<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>${esc(KOP)} — ${esc(datumTekst(m.peildatum))}</title>\n<style>${css}</style>\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}

/** One row per item, for Excel: no cell may run as a formula there. */
export function csv(m: RappelModel): string {
  const kop = ['bewindspersoon', 'ministerie', 'lijst', 'soort', 'nummer', 'titel', 'leden', 'termijn', 'termijndatum', 'status', 'keer verschoven', 'eerdere termijnen', 'nieuwe prognose', 'itemId'];
  const iso = (d: string) => d;
  const rijen = m.bewindspersonen.flatMap((b) =>
    lijsten(m, b).flatMap((lijst) =>
      lijst.items.map((i) => [
        b.bewindspersoon,
        b.ministeries.join(', '),
        lijst.csv,
        i.soort,
        i.nummer,
        i.titel,
        i.leden.map((l) => (l.fractie ? `${l.naam} (${l.fractie})` : l.naam)).join('; '),
        i.termijn.omschrijving,
        i.termijn.datum,
        STATUS[i.status],
        i.verschuivingen.length,
        i.verschuivingen.map((v) => verschuiving(v, iso)).join('; '),
        '',
        i.itemId,
      ]),
    ),
  );
  return stringify([kop, ...rijen], { bom: true, record_delimiter: 'windows', cast: { string: neutraliseerFormule } });
}

/** DOCX through the `docx` library, landscape: the ministry fills in the last column in Word. */
export async function docx(m: RappelModel): Promise<Buffer> {
  // Every text without the characters XML does not allow: one of them makes the document unreadable.
  const x = zonderOngeldigeXmlTekens;
  const p = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text: x(text), ...opts })], spacing: { after: 120 } });
  const kop = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text: x(text), heading, spacing: { before: 240, after: 120 } });
  const cel = (regels: readonly string[], breedte: number, bold = false) =>
    new TableCell({ width: { size: breedte, type: WidthType.PERCENTAGE }, children: regels.map((text) => new Paragraph({ children: [new TextRun({ text: x(text), bold })] })) });
  const children: (Paragraph | Table)[] = [kop(KOP, HeadingLevel.HEADING_1), p(metaregel(m), { bold: true })];
  if (m.bewindspersonen.length === 0) children.push(p(leeg(m)));
  for (const b of m.bewindspersonen) {
    children.push(kop(bewindspersoonKop(b), HeadingLevel.HEADING_2));
    for (const lijst of lijsten(m, b)) {
      children.push(kop(`${lijst.kop} (${lijst.items.length})`, HeadingLevel.HEADING_3));
      if (lijst.items.length === 0) {
        children.push(p('Geen.', { italics: true }));
        continue;
      }
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, cantSplit: true, children: KOLOMMEN.map((k, n) => cel([k], BREEDTES[n], true)) }),
            ...lijst.items.map(
              (i, n) =>
                new TableRow({
                  cantSplit: true,
                  children: [
                    cel([String(n + 1)], BREEDTES[0]),
                    cel([i.nummer, SOORT[i.soort]], BREEDTES[1]),
                    cel([i.titel], BREEDTES[2]),
                    cel([leden(i)], BREEDTES[3]),
                    cel([termijn(i.termijn)], BREEDTES[4]),
                    cel(i.verschuivingen.length ? [`${i.verschuivingen.length}×`, ...i.verschuivingen.map((v) => verschuiving(v))] : ['Nee'], BREEDTES[5]),
                    cel([''], BREEDTES[6]),
                  ],
                }),
            ),
          ],
        }),
      );
    }
    const zonder = zonderDatum(b);
    if (zonder) children.push(p(zonder, { italics: true }));
  }
  const document = new Document({
    creator: 'Register moties en toezeggingen',
    title: `${KOP} — ${datumTekst(m.peildatum)}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 20 } } } },
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }],
  });
  return Packer.toBuffer(document);
}

export async function render(m: RappelModel, formaat: RappelBestand): Promise<Buffer> {
  switch (formaat) {
    case 'html':
      return Buffer.from(html(m), 'utf8');
    case 'csv':
      return Buffer.from(csv(m), 'utf8');
    case 'docx':
      return docx(m);
  }
}

/** `rappel-2026-01-01.docx`, with the bewindspersoon asked for in plain ASCII. */
export function bestandsnaam(m: RappelModel, formaat: RappelBestand): string {
  const wie = m.bewindspersoon
    ?.normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `rappel-${m.peildatum}${wie ? `-${wie}` : ''}.${formaat}`;
}
