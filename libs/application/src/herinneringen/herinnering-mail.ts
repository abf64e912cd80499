import { HerinneringItem, HerinneringVoorbereidData, dagenTussen } from '@register/domain';
import { datumTekst } from '../halfjaarberichten/bijlage/bijlage.model';
import { htmlTekst } from '../html-tekst';
import { dagenNa } from './herinnering-lijsten';

/** A mail as it goes out: both parts are rendered from what was recorded, so every attempt sends the same. */
export interface HerinneringMail {
  readonly onderwerp: string;
  readonly html: string;
  readonly tekst: string;
}

const esc = htmlTekst;
const meervoud = (n: number, een: string, meer: string) => `${n} ${n === 1 ? een : meer}`;

/** The subject, chosen when the reminder is prepared and recorded with it. */
export function herinneringOnderwerp(d: Pick<HerinneringVoorbereidData, 'soort' | 'bewindspersoon' | 'inhoud' | 'periode'>): string {
  const telling = [
    d.inhoud.aantalAchterstallig > 0 ? `${d.inhoud.aantalAchterstallig} over de termijn` : null,
    d.inhoud.aantalBinnenkort > 0 ? `${d.inhoud.aantalBinnenkort} binnenkort` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const onderwerp = d.soort === 'bewindspersoon' ? `Weekoverzicht termijnen ${d.bewindspersoon} (week ${d.periode.slice(-2)}): ${telling}` : `Termijnen in het register: ${telling}`;
  // A header is one line: a line break in a name typed into the register must not start another header.
  return onderwerp.replace(/[\r\n\u2028\u2029]+/g, ' ').slice(0, 250);
}

function verschil(datum: string, termijn: string): string {
  const dagen = dagenTussen(datum, termijn);
  if (dagen === 0) return 'vandaag';
  return dagen < 0 ? `${meervoud(-dagen, 'dag', 'dagen')} over de termijn` : `over ${meervoud(dagen, 'dag', 'dagen')}`;
}

function termijn(i: HerinneringItem): string {
  return i.termijnOmschrijving && i.termijnOmschrijving !== datumTekst(i.termijnDatum) ? `${datumTekst(i.termijnDatum)} (${i.termijnOmschrijving})` : datumTekst(i.termijnDatum);
}

interface Lijst {
  readonly kop: string;
  readonly items: readonly HerinneringItem[];
  readonly aantal: number;
}

function lijsten(d: HerinneringVoorbereidData): Lijst[] {
  return [
    { kop: 'Over de termijn', items: d.inhoud.achterstallig, aantal: d.inhoud.aantalAchterstallig },
    { kop: `Termijn binnen ${d.dagen} dagen (tot en met ${datumTekst(dagenNa(d.datum, d.dagen))})`, items: d.inhoud.binnenkort, aantal: d.inhoud.aantalBinnenkort },
  ].filter((l) => l.aantal > 0);
}

function inleiding(d: HerinneringVoorbereidData): { aanhef: string; tekst: string } {
  const { aantalAchterstallig: a, aantalBinnenkort: b } = d.inhoud;
  const stand = [a > 0 ? `van ${meervoud(a, 'item', 'items')} is de termijn verstreken` : null, b > 0 ? `${meervoud(b, 'item heeft', 'items hebben')} een termijn in de komende ${d.dagen} dagen` : null].filter(Boolean).join('; ');
  if (d.soort === 'bewindspersoon') {
    const zonder = d.inhoud.zonderBehandelaar ? ` ${meervoud(d.inhoud.zonderBehandelaar, 'item heeft', 'items hebben')} nog geen behandelaar.` : '';
    return { aanhef: `Aan het secretariaat van ${d.bewindspersoon},`, tekst: `Dit is het weekoverzicht van de open moties en toezeggingen van ${d.bewindspersoon} op ${datumTekst(d.datum)}: ${stand}.${zonder}` };
  }
  return { aanhef: `Beste ${d.ontvanger.naam},`, tekst: `U bent in het register behandelaar van open moties en toezeggingen. Op ${datumTekst(d.datum)}: ${stand}.` };
}

function links(d: HerinneringVoorbereidData, webUrl: string): { register: string; registerTekst: string } {
  const zoek = new URLSearchParams(d.soort === 'bewindspersoon' ? { bewindspersoon: d.bewindspersoon ?? '', status: 'open', sorteer: 'termijn' } : { behandelaar: d.ontvanger.email, status: 'open', sorteer: 'termijn' });
  return { register: `${webUrl}/register?${zoek}`, registerTekst: d.soort === 'bewindspersoon' ? `Alle open items van ${d.bewindspersoon}` : 'Mijn items in het register' };
}

const UITLEG_TERMIJN = 'Haalt u een termijn niet? Open het item en kies "Termijn wijzigen": met de nieuwe datum en de reden staat de nieuwe prognose in het volgende halfjaarbericht en op de rappel.';

function waarom(d: HerinneringVoorbereidData): string {
  return d.soort === 'bewindspersoon'
    ? 'U ontvangt dit overzicht eens per week omdat uw adres voor deze bewindspersoon is ingesteld in het register moties en toezeggingen.'
    : 'U ontvangt deze herinnering omdat u in het register moties en toezeggingen als behandelaar staat. U krijgt er hoogstens één per dag, alleen als er een termijn verstreken is of binnenkort verstrijkt.';
}

const STIJL = {
  body: 'margin:0;padding:0;background:#ffffff;color:#000000;font-family:Verdana,Arial,sans-serif;font-size:16px;line-height:1.5',
  kop: 'background:#154273;color:#ffffff;padding:12px 24px;font-size:18px;font-weight:bold;margin:0',
  inhoud: 'padding:8px 24px 24px',
  h2: 'font-size:18px;color:#154273;margin:24px 0 8px',
  tabel: 'border-collapse:collapse;width:100%;max-width:900px',
  th: 'text-align:left;border-bottom:2px solid #154273;padding:6px 8px;font-size:14px',
  td: 'border-bottom:1px solid #cccccc;padding:6px 8px;vertical-align:top;font-size:14px',
  link: 'color:#154273;text-decoration:underline',
  klein: 'color:#333333;font-size:13px',
} as const;

/** The mail in Dutch, as HTML (one table per list, headers marked) and as plain text with the same content. */
export function herinneringMail(d: HerinneringVoorbereidData, webUrl: string): HerinneringMail {
  const basis = webUrl.replace(/\/+$/, '');
  const { aanhef, tekst } = inleiding(d);
  const link = links(d, basis);
  const metBehandelaar = d.soort === 'bewindspersoon';
  const itemUrl = (i: HerinneringItem) => `${basis}/items/${encodeURIComponent(i.itemId)}`;
  const soort = (i: HerinneringItem) => (i.soort === 'motie' ? 'Motie' : 'Toezegging');

  const html: string[] = [
    '<!DOCTYPE html>',
    `<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(d.onderwerp)}</title></head>`,
    `<body style="${STIJL.body}">`,
    `<p role="heading" aria-level="1" style="${STIJL.kop}">Register moties en toezeggingen</p>`,
    `<div style="${STIJL.inhoud}">`,
    `<p>${esc(aanhef)}</p>`,
    `<p>${esc(tekst)}</p>`,
  ];
  const tekstregels: string[] = ['Register moties en toezeggingen', '', aanhef, '', tekst];
  for (const l of lijsten(d)) {
    html.push(`<h2 style="${STIJL.h2}">${esc(l.kop)} (${l.aantal})</h2>`);
    html.push(`<table role="table" style="${STIJL.tabel}"><thead><tr>`);
    for (const k of ['Nummer', 'Titel', 'Termijn', ...(metBehandelaar ? ['Behandelaar'] : [])]) html.push(`<th scope="col" style="${STIJL.th}">${k}</th>`);
    html.push('</tr></thead><tbody>');
    tekstregels.push('', `${l.kop} (${l.aantal})`, '-'.repeat(l.kop.length + String(l.aantal).length + 3));
    for (const i of l.items) {
      const wie = i.behandelaar ? `${i.behandelaar.naam}${i.behandelaar.directie ? ` (${i.behandelaar.directie})` : ''}` : 'nog geen behandelaar';
      html.push(
        `<tr><td style="${STIJL.td};white-space:nowrap"><a href="${esc(itemUrl(i))}" style="${STIJL.link}">${esc(i.nummer)}</a></td>`,
        `<td style="${STIJL.td}">${esc(soort(i))}: ${esc(i.titel)}</td>`,
        `<td style="${STIJL.td}">${esc(termijn(i))}<br><span style="${STIJL.klein}">${esc(verschil(d.datum, i.termijnDatum))}</span></td>`,
        ...(metBehandelaar ? [`<td style="${STIJL.td}">${esc(wie)}</td>`] : []),
        '</tr>',
      );
      tekstregels.push(`- ${i.nummer} ${soort(i).toLowerCase()}: ${i.titel}`, `  termijn ${termijn(i)}, ${verschil(d.datum, i.termijnDatum)}${metBehandelaar ? `; ${wie}` : ''}`, `  ${itemUrl(i)}`);
    }
    html.push('</tbody></table>');
    if (l.aantal > l.items.length) {
      const rest = `En nog ${l.aantal - l.items.length} meer: zie het register.`;
      html.push(`<p>${esc(rest)}</p>`);
      tekstregels.push(rest);
    }
  }
  html.push(
    `<p style="margin-top:24px"><a href="${esc(link.register)}" style="${STIJL.link}">${esc(link.registerTekst)}</a></p>`,
    `<p>${esc(UITLEG_TERMIJN)}</p>`,
    `<p style="${STIJL.klein}">${esc(waarom(d))}</p>`,
    '</div></body></html>',
  );
  tekstregels.push('', `${link.registerTekst}: ${link.register}`, '', UITLEG_TERMIJN, '', waarom(d), '');
  return { onderwerp: d.onderwerp, html: html.join('\n'), tekst: tekstregels.join('\n') };
}
