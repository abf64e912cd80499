import { html } from './html';
import { PaginaKader, pagina } from './openbaar.paginas';

/** What is published, in which forms, and what never is: the same list as the README's. */
export function openDataPagina(kader: PaginaKader, basis: string): string {
  const adres = (pad: string) => html`<code>${basis}${pad}</code>`;
  return pagina(
    kader,
    'Open data',
    'open-data',
    html`<h1>Open data</h1>
<p class="inleiding">Alles wat deze site toont is ook als data beschikbaar, vrij te hergebruiken onder <a href="https://creativecommons.org/publicdomain/zero/1.0/deed.nl">CC0 1.0</a>.</p>
<h2>Vormen</h2>
<ul>
<li><strong>JSON</strong>, schema versie 1: ${adres('/api/v1/items')} (met dezelfde filters als de site: <code>zoek</code>, <code>soort</code>, <code>status</code>, <code>bewindspersoon</code>, <code>thema</code>, <code>lid</code>, <code>fractie</code>, <code>sorteer</code>, <code>pagina</code>, <code>perPagina</code>), ${adres('/api/v1/items/{nummer}')}, ${adres('/api/v1/halfjaarberichten')}, ${adres('/api/v1/halfjaarberichten/{id}')} en ${adres('/api/v1/wijzigingen')}. Het schema staat in het <a href="/api/docs">OpenAPI-document</a> (label <em>openbaar</em>). Binnen versie 1 komen er alleen velden bij; er verdwijnt of verandert er geen.</li>
<li><strong>CSV</strong>: ${adres('/register.csv')}, met dezelfde filters.</li>
<li><strong>Atom-feed</strong> van wijzigingen (nieuwe items, statuswijzigingen, verschoven termijnen, verzonden halfjaarberichten): ${adres('/feed.atom')}.</li>
<li><strong>Dagelijkse dump</strong> van het hele register (gzip, JSON): <a href="/openbaar/dumps">lijst van dumps</a>, een per dag, een maand bewaard.</li>
</ul>
<p>Elk item heeft een vast adres: ${adres('/items/{nummer}')} met het Kamernummer (<code>29628-1230</code>, <code>TZ202412-156</code>), of met zijn sleutel als de Kamer het geen nummer gaf. Antwoorden dragen een ETag; vraag met <code>If-None-Match</code> en u krijgt 304 als er niets veranderde. Per adres zijn er hoogstens een aantal verzoeken per minuut; daarboven volgt 429 met <code>Retry-After</code>.</p>
<h2>Wat wordt gepubliceerd</h2>
<p>Per motie en toezegging: nummer, soort, titel, tekst, datum, debat, vergaderjaar, de Kamerleden met hun fractie, bewindspersoon, ministerie, thema, status, termijn, de gemelde voortgang, hoe en waarmee het is afgedaan (met een verwijzing naar het Kamerstuk), deels afgedaan, waarom het verviel, de samenhang met andere items, wat elk verzonden halfjaarbericht erover meldde, en de historie: registratie, statuswijzigingen (met de reden bij heropenen en vervallen), verschoven termijnen en overdrachten, met hun datum. Per verzonden halfjaarbericht: titel, peildatum, verzenddatum, kenmerk, Kamerstuk en de bijlage zoals verzonden.</p>
<h2>Wat nooit wordt gepubliceerd</h2>
<ul>
<li>Behandelaars: wie binnen het ministerie een item behandelt, met naam, e-mailadres, directie en afdeling; ook filteren of zoeken daarop kan hier niet.</li>
<li>Wie iets in het register vastlegde of wijzigde, en gebruikers en tokens van het register.</li>
<li>Correcties van de registratie en hun reden, en de redenen bij een termijnwijziging, een overdracht of een toewijzing (het register toont wel de gecorrigeerde gegevens, de nieuwe termijn en de nieuwe bewindspersoon).</li>
<li>Halfjaarberichten die nog niet zijn verzonden, voorstellen uit de import en van de Kamer die nog niet zijn aanvaard, herinneringen en rappels.</li>
</ul>`,
  );
}
