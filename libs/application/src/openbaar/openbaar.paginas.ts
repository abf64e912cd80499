import { datumTekst } from '../halfjaarberichten/bijlage/bijlage.model';
import { Html, alineas, html } from './html';
import { OpenbaarBerichtDto, OpenbaarBerichtItemDto, OpenbaarBerichtKortDto, OpenbaarItemDto, OpenbaarItemKortDto, OpenbareItemPaginaDto, OpenbareWijzeDto } from './openbaar.dto';
import { BERICHT_STATUS } from './openbaar.service';

export const STATUS_TEKST: Record<string, string> = { InBehandeling: 'In behandeling', DeelsAfgedaan: 'Deels afgedaan', Afgedaan: 'Afgedaan', Vervallen: 'Vervallen' };

export type Menu = 'register' | 'halfjaarberichten' | 'wijzigingen' | 'open-data' | undefined;

export interface PaginaKader {
  readonly afzender: string;
  readonly stijl: string;
  /** The page's own absolute address (rel=canonical), when it has one. */
  readonly canoniek?: string;
}

const datum = (d: string | null | undefined) => (d ? datumTekst(d.slice(0, 10)) : '');

/** Every public page: header with the Rijkshuisstijl ribbon, the menu, the content and the open-data footer. */
export function pagina(kader: PaginaKader, titel: string, menu: Menu, inhoud: Html): string {
  const item = (naam: Menu, pad: string, tekst: string) => html`<li><a href="${pad}"${menu === naam ? new Html(' aria-current="page"') : ''}>${tekst}</a></li>`;
  return String(html`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${titel} | Moties en toezeggingen | ${kader.afzender}</title>
<link rel="stylesheet" href="${kader.stijl}">
<link rel="alternate" type="application/atom+xml" title="Wijzigingen in het register (Atom)" href="/openbaar/feed.atom">
${kader.canoniek ? html`<link rel="canonical" href="${kader.canoniek}">` : ''}
</head>
<body>
<a class="overslaan" href="#inhoud">Direct naar de inhoud</a>
<header class="kop">
<a class="logo" href="/openbaar/"><span class="lint" aria-hidden="true"></span><span class="afzender">${kader.afzender}</span><span class="overslaan">Naar de startpagina van het register</span></a>
<nav class="menu" aria-label="Hoofdmenu"><ul>
${item('register', '/openbaar/', 'Moties en toezeggingen')}
${item('halfjaarberichten', '/openbaar/halfjaarberichten', 'Halfjaarberichten')}
${item('wijzigingen', '/openbaar/wijzigingen', 'Wijzigingen')}
${item('open-data', '/openbaar/open-data', 'Open data')}
</ul></nav>
</header>
<main id="inhoud" tabindex="-1">
${inhoud}
</main>
<footer class="voet"><div>
<p>Dit overzicht toont wat het ministerie de Tweede Kamer heeft beloofd en wat ermee is gedaan. De gegevens zijn vrij te hergebruiken (CC0).</p>
<ul>
<li><a href="/openbaar/open-data">Open data en voorwaarden</a></li>
<li><a href="/openbaar/feed.atom">Wijzigingen volgen (Atom)</a></li>
<li><a href="/openbaar/register.csv">Het register als CSV</a></li>
</ul>
</div></footer>
</body>
</html>
`);
}

function statusLabel(status: string): Html {
  return html`<span class="status status-${status}">${STATUS_TEKST[status] ?? BERICHT_STATUS[status] ?? status}</span>`;
}

function leden(item: OpenbaarItemKortDto): string {
  return item.leden.map((l) => (l.fractie ? `${l.naam} (${l.fractie})` : l.naam)).join(', ');
}

function termijn(item: OpenbaarItemKortDto): Html {
  if (!item.termijn) return html`<span>geen</span>`;
  const dag = item.termijn.datum ? ` (${datum(item.termijn.datum)})` : '';
  return html`${item.termijn.omschrijving}${dag}${item.achterstallig ? html` <span class="verstreken">termijn verstreken</span>` : ''}`;
}

export interface RegisterKeuzes {
  readonly zoek?: string;
  readonly soort?: string;
  readonly status?: string;
  readonly bewindspersoon?: string;
  readonly thema?: string;
  readonly lid?: string;
  readonly fractie?: string;
}

const optie = (waarde: string, tekst: string, gekozen: string | undefined) => html`<option value="${waarde}"${gekozen === waarde ? new Html(' selected') : ''}>${tekst}</option>`;

/** The register with its filters: a GET form, so it works without JavaScript and every selection has an address. */
export function registerPagina(kader: PaginaKader, keuzes: RegisterKeuzes, uitkomst: OpenbareItemPaginaDto, zoekdeel: string): string {
  const veld = (naam: keyof RegisterKeuzes, label: string, hint?: string) =>
    html`<div><label for="f-${naam}">${label}</label><input id="f-${naam}" name="${naam}" type="text" value="${keuzes[naam] ?? ''}" maxlength="200"${hint ? html` aria-describedby="f-${naam}-hint"` : ''}>${hint ? html`<span id="f-${naam}-hint" class="bron">${hint}</span>` : ''}</div>`;
  const paginas = Math.max(1, Math.ceil(uitkomst.totaal / uitkomst.perPagina));
  const van = uitkomst.totaal === 0 ? 0 : (uitkomst.pagina - 1) * uitkomst.perPagina + 1;
  const tot = Math.min(uitkomst.totaal, uitkomst.pagina * uitkomst.perPagina);
  const naarPagina = (p: number) => `/openbaar/?${[zoekdeel, p > 1 ? `pagina=${p}` : ''].filter(Boolean).join('&')}`.replace(/\?$/, '');
  const rijen = uitkomst.items.map(
    (i) => html`<tr>
<td class="kort">${i.nummer}</td>
<td><a href="${new URL(i.url).pathname}">${i.titel}</a><br><span class="bron">${i.soort === 'motie' ? 'Motie' : 'Toezegging'} van ${datum(i.datum)}${i.leden.length ? `, ${leden(i)}` : ''}</span></td>
<td>${statusLabel(i.status)}</td>
<td>${termijn(i)}</td>
<td>${i.bewindspersoon}</td>
</tr>`,
  );
  const data = (formaat: string) => `/openbaar/${formaat}${zoekdeel ? `?${zoekdeel}` : ''}`;
  return pagina(
    kader,
    uitkomst.pagina > 1 ? `Moties en toezeggingen, pagina ${uitkomst.pagina}` : 'Moties en toezeggingen',
    'register',
    html`<h1>Moties en toezeggingen</h1>
<p class="inleiding">Elke aangenomen motie die het ministerie moet uitvoeren en elke toezegging die een bewindspersoon aan de Tweede Kamer deed, met de stand van zaken en hoe en wanneer zij is afgedaan.</p>
<form class="filters" method="get" action="/openbaar/" role="search" aria-label="Zoeken en filteren">
<div class="zoekveld"><label for="f-zoek">Zoeken</label><input id="f-zoek" name="zoek" type="search" value="${keuzes.zoek ?? ''}" maxlength="200" aria-describedby="f-zoek-hint"><span id="f-zoek-hint" class="bron">In nummer, titel, tekst, voortgang en Kamerleden; ook andere woordvormen (agent vindt agenten).</span></div>
<div><label for="f-soort">Soort</label><select id="f-soort" name="soort">${optie('', 'Moties en toezeggingen', keuzes.soort)}${optie('motie', 'Moties', keuzes.soort)}${optie('toezegging', 'Toezeggingen', keuzes.soort)}</select></div>
<div><label for="f-status">Status</label><select id="f-status" name="status">${optie('', 'Alle', keuzes.status)}${optie('open', 'Open (in behandeling of deels afgedaan)', keuzes.status)}${optie('InBehandeling', 'In behandeling', keuzes.status)}${optie('DeelsAfgedaan', 'Deels afgedaan', keuzes.status)}${optie('Afgedaan', 'Afgedaan', keuzes.status)}${optie('Vervallen', 'Vervallen', keuzes.status)}</select></div>
${veld('bewindspersoon', 'Bewindspersoon')}
${veld('thema', 'Thema')}
${veld('lid', 'Kamerlid')}
${veld('fractie', 'Fractie')}
<div class="knoppen"><button type="submit">Zoeken</button><a href="/openbaar/">Alle filters wissen</a></div>
</form>
<div class="tabel">
<table>
<caption>${uitkomst.totaal === 0 ? 'Geen items gevonden' : `${uitkomst.totaal} ${uitkomst.totaal === 1 ? 'item' : 'items'}${paginas > 1 ? `, ${van}–${tot} op deze pagina` : ''}`}</caption>
<thead><tr><th scope="col">Nummer</th><th scope="col">Titel</th><th scope="col">Status</th><th scope="col">Termijn</th><th scope="col">Bewindspersoon</th></tr></thead>
<tbody>${rijen}</tbody>
</table>
</div>
${paginas > 1
  ? html`<nav class="paginering" aria-label="Paginering"><ul>
${uitkomst.pagina > 1 ? html`<li><a href="${naarPagina(uitkomst.pagina - 1)}" rel="prev">Vorige pagina</a></li>` : ''}
<li>Pagina ${uitkomst.pagina} van ${paginas}</li>
${uitkomst.pagina < paginas ? html`<li><a href="${naarPagina(uitkomst.pagina + 1)}" rel="next">Volgende pagina</a></li>` : ''}
</ul></nav>`
  : ''}
<p class="bron">Deze selectie als open data: <a href="${data('register.csv')}">CSV</a> · <a href="${data('api/v1/items')}">JSON</a>. Stand per ${datum(uitkomst.peildatum)}.</p>`,
  );
}

function wijze(w: OpenbareWijzeDto): Html {
  const tekst = w.soort === 'brief-ander-ministerie' && w.ministerie ? `${w.referentie} (${w.ministerie})` : w.referentie;
  return w.kamerstukUrl ? html`<a href="${w.kamerstukUrl}">${tekst}</a>` : html`${tekst}`;
}

const RELATIE: Record<string, string> = { 'meegenomen-in': 'Meegenomen in', 'herhaling-van': 'Herhaling van', 'samen-behandeld-met': 'Samen behandeld met' };

/** One item: what it asks, where it stands, how it was afgedaan, what the reports said, and its history. */
export function itemPagina(kader: PaginaKader, item: OpenbaarItemDto): string {
  const soort = item.soort === 'motie' ? 'Motie' : 'Toezegging';
  const sinds = item.historie.at(-1);
  return pagina(
    kader,
    `${soort} ${item.nummer}: ${item.titel}`,
    'register',
    html`<nav class="kruimelpad" aria-label="Kruimelpad"><ol><li><a href="/openbaar/">Moties en toezeggingen</a></li><li><span aria-current="page">${item.nummer}</span></li></ol></nav>
<p class="soortnummer">${soort} ${item.nummer}</p>
<h1>${item.titel}</h1>
<p>${statusLabel(item.status)}${sinds && sinds.soort !== 'geregistreerd' ? html` sinds ${datum(sinds.datum)}` : ''}</p>
<dl class="gegevens">
<dt>Vindplaats</dt><dd>${item.kamerstukUrl ? html`<a href="${item.kamerstukUrl}">${item.vindplaats}</a>` : item.vindplaats}</dd>
<dt>Datum</dt><dd>${datum(item.datum)}</dd>
<dt>Debat</dt><dd>${item.debat}</dd>
<dt>${item.soort === 'motie' ? 'Ingediend door' : 'Gedaan aan'}</dt><dd>${leden(item) || 'niet bekend'}</dd>
<dt>Bewindspersoon</dt><dd>${item.bewindspersoon} (${item.ministerie})</dd>
<dt>Thema</dt><dd>${item.thema}</dd>
<dt>Termijn</dt><dd>${termijn(item)}</dd>
</dl>
<h2>Tekst</h2>
<div class="tekst">${alineas(item.tekst)}</div>
${item.afdoening
  ? html`<h2>Hoe is het afgedaan?</h2>
<dl class="gegevens"><dt>Afgedaan op</dt><dd>${datum(item.afdoening.datum)}</dd><dt>Met</dt><dd>${wijze(item.afdoening.wijze)}</dd></dl>
<div class="tekst">${alineas(item.afdoening.toelichting)}</div>`
  : ''}
${item.deelAfdoeningen.length
  ? html`<h2>Deels afgedaan</h2><ul>${item.deelAfdoeningen.map((d) => html`<li>${datum(d.datum)}: ${d.deel}, met ${wijze(d.bewijs)}</li>`)}</ul>`
  : ''}
${item.vervallenReden ? html`<h2>Waarom vervallen?</h2><div class="tekst">${alineas(item.vervallenReden)}</div>` : ''}
<h2>Voortgang</h2>
${item.voortgang.length ? html`<ul class="tekst">${item.voortgang.map((v) => html`<li><strong>${datum(v.datum)}</strong>: ${v.tekst}</li>`)}</ul>` : html`<p>Er is nog geen voortgang gemeld.</p>`}
<h2>In halfjaarberichten</h2>
${item.gerapporteerd.length
  ? html`<div class="tabel"><table><caption>Wat de halfjaarberichten aan de Kamer over dit item meldden</caption>
<thead><tr><th scope="col">Halfjaarbericht</th><th scope="col">Verzonden</th><th scope="col">Stand</th><th scope="col">Tekst</th></tr></thead>
<tbody>${item.gerapporteerd.map((g) => html`<tr><td><a href="${new URL(g.url).pathname}">${g.bericht}</a></td><td class="kort">${datum(g.verzondenOp)}</td><td>${statusLabel(g.status)}</td><td>${g.tekst}</td></tr>`)}</tbody></table></div>`
  : html`<p>Dit item stond nog in geen verzonden halfjaarbericht.</p>`}
<h2>Historie</h2>
<div class="tabel"><table><caption>Registratie en statuswijzigingen, oudste eerst</caption>
<thead><tr><th scope="col">Datum</th><th scope="col">Wijziging</th></tr></thead>
<tbody>${item.historie.map((h) => html`<tr><td class="kort">${datum(h.datum)}</td><td>${h.omschrijving}</td></tr>`)}</tbody></table></div>
${item.koppelingen.length ? html`<h2>Samenhang</h2><ul>${item.koppelingen.map((k) => html`<li>${RELATIE[k.relatie] ?? k.relatie} <a href="${new URL(k.url).pathname}">${k.nummer}</a></li>`)}</ul>` : ''}
<p class="bron">Dit item als open data: <a href="/openbaar/api/v1/items/${encodeURIComponent(item.nummerBron === 'kamer' ? item.nummer : item.id)}">JSON</a>. Historie laatst bijgewerkt op ${datum(item.bijgewerktOp)}.</p>`,
  );
}

export function berichtenPagina(kader: PaginaKader, berichten: readonly OpenbaarBerichtKortDto[]): string {
  return pagina(
    kader,
    'Halfjaarberichten',
    'halfjaarberichten',
    html`<h1>Halfjaarberichten</h1>
<p class="inleiding">Twee keer per jaar meldt het ministerie de Kamer per motie en toezegging wat er is gedaan. Hier staan de verzonden berichten met hun bijlage, zoals ze zijn verzonden.</p>
${berichten.length
  ? html`<div class="tabel"><table><caption>${berichten.length} verzonden ${berichten.length === 1 ? 'halfjaarbericht' : 'halfjaarberichten'}, nieuwste eerst</caption>
<thead><tr><th scope="col">Halfjaarbericht</th><th scope="col">Stand per</th><th scope="col">Verzonden</th><th scope="col">Kenmerk</th><th scope="col">Kamerstuk</th></tr></thead>
<tbody>${berichten.map((b) => html`<tr><td><a href="${new URL(b.url).pathname}">${b.titel}</a></td><td>${datum(b.peildatum)}</td><td>${datum(b.verzondenOp)}</td><td>${b.kenmerk}</td><td>${b.kamerstuk ? (b.kamerstukUrl ? html`<a href="${b.kamerstukUrl}">${b.kamerstuk}</a>` : b.kamerstuk) : '–'}</td></tr>`)}</tbody></table></div>`
  : html`<p>Er is nog geen halfjaarbericht verzonden.</p>`}`,
  );
}

function bijlageLijst(kop: string, items: readonly OpenbaarBerichtItemDto[]): Html {
  if (!items.length) return html``;
  return html`<h2>${kop}</h2><ol class="bijlage">${items.map(
    (i) => html`<li><h3><a href="${new URL(i.url).pathname}">${i.omschrijving}</a></h3>
<p class="bron">${i.vindplaats} · ${i.sectie}</p>
<p>${statusLabel(i.status)}</p>
<div class="tekst">${alineas(i.tekst)}<p><strong>${i.statuszin}</strong></p></div></li>`,
  )}</ol>`;
}

/** A sent report's annex: the items in the order and words it was sent in. */
export function berichtPagina(kader: PaginaKader, b: OpenbaarBerichtDto): string {
  return pagina(
    kader,
    b.titel,
    'halfjaarberichten',
    html`<nav class="kruimelpad" aria-label="Kruimelpad"><ol><li><a href="/openbaar/halfjaarberichten">Halfjaarberichten</a></li><li><span aria-current="page">${b.titel}</span></li></ol></nav>
<h1>${b.titel}</h1>
<dl class="gegevens">
<dt>Stand per</dt><dd>${datum(b.peildatum)}</dd>
<dt>Verzonden</dt><dd>${datum(b.verzondenOp)}</dd>
<dt>Kenmerk</dt><dd>${b.kenmerk}</dd>
${b.kamerstuk ? html`<dt>Kamerstuk</dt><dd>${b.kamerstukUrl ? html`<a href="${b.kamerstukUrl}">${b.kamerstuk}</a>` : b.kamerstuk}</dd>` : ''}
<dt>In deze bijlage</dt><dd>${b.telling.afgedaan} afgedaan, ${b.telling.deelsAfgedaan} deels afgedaan, ${b.telling.inBehandeling} in behandeling</dd>
</dl>
${bijlageLijst('Toezeggingen', b.toezeggingen)}
${bijlageLijst('Moties', b.moties)}
${b.aanvullendeZaken.length ? html`<h2>Aanvullende zaken</h2><ol class="bijlage">${b.aanvullendeZaken.map((z) => html`<li><h3>${z.titel}</h3><p class="bron">${z.sectie}</p><div class="tekst">${alineas(z.tekst)}</div></li>`)}</ol>` : ''}
<p class="bron">Dit halfjaarbericht als open data: <a href="/openbaar/api/v1/halfjaarberichten/${b.berichtId}">JSON</a>.</p>`,
  );
}

export function wijzigingenPagina(kader: PaginaKader, wijzigingen: readonly { titel: string; omschrijving: string; datum: string; url: string }[]): string {
  return pagina(
    kader,
    'Wijzigingen',
    'wijzigingen',
    html`<h1>Wijzigingen</h1>
<p class="inleiding">Nieuwe moties en toezeggingen, statuswijzigingen, verschoven termijnen en verzonden halfjaarberichten, nieuwste eerst. Volg ze in een feedlezer met de <a href="/openbaar/feed.atom">Atom-feed</a>.</p>
${wijzigingen.length
  ? html`<ol class="bijlage">${wijzigingen.map((w) => html`<li><h2><a href="${new URL(w.url).pathname}">${w.titel}</a></h2><p class="bron">${datum(w.datum)}</p><p>${w.omschrijving}</p></li>`)}</ol>`
  : html`<p>Er zijn nog geen wijzigingen.</p>`}`,
  );
}

export function foutPagina(kader: PaginaKader, titel: string, uitleg: string): string {
  return pagina(kader, titel, undefined, html`<h1>${titel}</h1><p class="inleiding">${uitleg}</p><p><a href="/openbaar/">Naar alle moties en toezeggingen</a></p>`);
}
