import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The public site's own rules, on the Rijkshuisstijl design tokens (@rijkshuisstijl-community/design-tokens):
 * lintblauw for the header, donkerblauw for links, the tokens' font stack. Contrast checked by axe in the
 * browser test (WCAG 2.1 AA).
 */
const REGELS = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:var(--rhc-text-font-family-default);color:var(--rhc-color-foreground-default);background:#fff;line-height:1.5;-webkit-text-size-adjust:100%}
body{margin:0;font-size:1.0625rem}
a{color:var(--rhc-color-foreground-link);text-underline-offset:.15em}
a:hover{color:var(--rhc-color-lintblauw-500)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid var(--rhc-color-donkergeel-500);outline-offset:2px}
.overslaan{position:absolute;left:-9999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.overslaan:focus{left:1rem}
.kop{background:#fff;border-bottom:1px solid var(--rhc-color-cool-grey-300)}
.logo{display:flex;flex-direction:column;align-items:center;padding:0 1rem 1rem;text-decoration:none;color:var(--rhc-color-zwart)}
.logo .lint{display:block;width:44px;height:78px;background:var(--rhc-color-lintblauw-500)}
.logo .afzender{margin-top:.4rem;font-size:1rem;line-height:1.2;text-align:left;max-width:16rem}
.menu{background:var(--rhc-color-lintblauw-500)}
.menu ul{list-style:none;margin:0 auto;padding:0 1rem;display:flex;flex-wrap:wrap;max-width:72rem}
.menu a{display:block;padding:.75rem 1rem;color:#fff;text-decoration:none}
.menu a:hover,.menu a[aria-current=page]{background:var(--rhc-color-donkerblauw-500);text-decoration:underline}
main{display:block;max-width:72rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:2rem;line-height:1.2;margin:.5rem 0 1rem;color:var(--rhc-color-lintblauw-500)}
h2{font-size:1.4rem;margin:2rem 0 .75rem;color:var(--rhc-color-lintblauw-500)}
h3{font-size:1.15rem;margin:1.25rem 0 .5rem}
.inleiding{font-size:1.15rem;max-width:48rem}
.kruimelpad ol{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.5rem}
.kruimelpad li+li::before{content:"›";margin-right:.5rem;color:var(--rhc-color-foreground-subtle)}
.filters{background:var(--rhc-color-lichtblauw-50);border:1px solid var(--rhc-color-lichtblauw-300);padding:1rem;display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.75rem 1rem;align-items:end;margin:0 0 1.5rem}
.filters label{display:block;font-weight:600;margin-bottom:.25rem}
.filters input,.filters select{width:100%;font:inherit;padding:.45rem .5rem;border:1px solid var(--rhc-color-cool-grey-600);border-radius:0;background:#fff;color:inherit}
.filters .zoekveld{grid-column:1/-1}
.knoppen{display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
button,.knop{font:inherit;font-weight:600;padding:.5rem 1.25rem;border:0;background:var(--rhc-color-donkerblauw-500);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button:hover,.knop:hover{background:var(--rhc-color-lintblauw-500);color:#fff}
table{border-collapse:collapse;width:100%;margin:0 0 1rem}
caption{text-align:left;font-weight:600;padding:.5rem 0}
th,td{text-align:left;vertical-align:top;padding:.55rem .6rem;border-bottom:1px solid var(--rhc-color-cool-grey-300)}
thead th{border-bottom:2px solid var(--rhc-color-lintblauw-500);white-space:nowrap}
.tabel{overflow-x:auto}
td.kort{white-space:nowrap}
.status{display:inline-block;padding:.1rem .5rem;font-size:.9rem;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.status-InBehandeling,.status-in-behandeling{color:var(--rhc-color-lintblauw-500);background:var(--rhc-color-lichtblauw-50)}
.status-DeelsAfgedaan,.status-deels-afgedaan{color:#6b3a00;background:var(--rhc-color-donkergeel-50)}
.status-Afgedaan,.status-afgedaan{color:#1d4d05;background:var(--rhc-color-groen-50)}
.status-Vervallen{color:var(--rhc-color-cool-grey-800);background:var(--rhc-color-cool-grey-100)}
.verstreken{color:#a3140b;font-weight:600}
.gegevens{display:grid;grid-template-columns:minmax(9rem,14rem) 1fr;gap:.4rem 1.5rem;margin:0 0 1rem}
.gegevens dt{font-weight:600}
.gegevens dd{margin:0}
.soortnummer{margin:0;color:var(--rhc-color-foreground-subtle);font-weight:600}
.tekst{max-width:48rem}
.paginering ul{list-style:none;padding:0;display:flex;gap:1rem;flex-wrap:wrap;align-items:center}
.bron{font-size:.95rem;color:var(--rhc-color-foreground-subtle)}
.voet{background:var(--rhc-color-lintblauw-500);color:#fff;margin-top:2rem}
.voet div{max-width:72rem;margin:0 auto;padding:1.5rem 1rem}
.voet a{color:#fff}
.voet ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.5rem 0 0}
ol.bijlage>li{margin-bottom:1rem}
code{font-size:.95em;background:var(--rhc-color-cool-grey-100);padding:0 .2em;overflow-wrap:anywhere}
@media (max-width:40rem){.gegevens{grid-template-columns:1fr}.gegevens dd{margin-bottom:.5rem}h1{font-size:1.6rem}th,td{padding:.45rem .35rem}}
`;

/** Every custom property the tokens file defines, by name. */
function tokens(css: string): Map<string, string> {
  const uit = new Map<string, string>();
  for (const m of css.matchAll(/(--rhc-[a-z0-9-]+)\s*:\s*([^;]+);/g)) if (!uit.has(m[1])) uit.set(m[1], m[2].trim());
  return uit;
}

/** Only the tokens the rules use, and the tokens those refer to: a few hundred bytes instead of 90 kB. */
function gebruikteTokens(regels: string, alle: ReadonlyMap<string, string>): string[] {
  const nodig = new Set<string>();
  const stapel = [...regels.matchAll(/var\((--rhc-[a-z0-9-]+)\)/g)].map((m) => m[1]);
  while (stapel.length) {
    const naam = stapel.pop()!;
    if (nodig.has(naam) || !alle.has(naam)) continue;
    nodig.add(naam);
    for (const m of alle.get(naam)!.matchAll(/var\((--rhc-[a-z0-9-]+)\)/g)) stapel.push(m[1]);
  }
  return [...nodig].sort().map((n) => `${n}:${alle.get(n)}`);
}

export interface Stijlblad {
  readonly css: string;
  /** A hash of the content: the sheet's address carries it, so it can be cached for a year. */
  readonly versie: string;
}

export function stijlblad(): Stijlblad {
  const alle = tokens(readFileSync(require.resolve('@rijkshuisstijl-community/design-tokens/dist/index.css'), 'utf8'));
  const ontbrekend = [...REGELS.matchAll(/var\((--rhc-[a-z0-9-]+)\)/g)].map((m) => m[1]).filter((n) => !alle.has(n));
  if (ontbrekend.length) throw new Error(`Rijkshuisstijl-tokens ontbreken: ${[...new Set(ontbrekend)].join(', ')}`);
  const css = `:root{${gebruikteTokens(REGELS, alle).join(';')}}\n${REGELS.trim()}\n`;
  return { css, versie: createHash('sha256').update(css).digest('hex').slice(0, 12) };
}
