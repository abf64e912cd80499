import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import demo from './demo-register.json';
import { termijnDatum } from './termijn';

/**
 * The demo's termijnen and fracties are read off the letters by hand: each must stand in the letter
 * where the data says it does (the repository's own copies of the seeds, test/fixtures/import).
 */
const BRIEVEN = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'import');
const regels = (document: string) => readFileSync(join(BRIEVEN, document), 'utf8').split('\n');
const plat = (tekst: string) => tekst.toLowerCase().replace(/\[footnoteref:\d+\]/g, '').replace(/\s+/g, ' ');

/** The wording's words in this order in the text, others allowed between (a page break's footnotes, a slip such as "in het een eerstvolgende"). */
function staatErIn(tekst: string, omschrijving: string): boolean {
  const woorden = plat(tekst).replace(/[.,;:!?()«»“”"]/g, '').split(' ');
  let bij = 0;
  for (const woord of plat(omschrijving).split(' ')) {
    bij = woorden.indexOf(woord, bij);
    if (bij < 0) return false;
    bij++;
  }
  return true;
}

interface Termijn {
  omschrijving: string;
  regel: number;
  gezegdOp?: string;
  wordt?: { omschrijving: string; regel: number };
}

const metTermijn = demo.berichten.flatMap((b) => (b.items as { titel: string; datum: string; bron: { document: string }; termijn?: Termijn }[]).filter((i) => i.termijn).map((i) => ({ bericht: b.bericht, item: i, termijn: i.termijn! })));

describe('the demo register’s termijnen and fracties, against the letters', () => {
  it('gives termijnen to a good share of the open items', () => {
    expect(metTermijn.length).toBeGreaterThanOrEqual(20);
  });

  it.each(metTermijn.map((m) => [m.item.bron.document, m.termijn.regel, m.termijn.omschrijving, m]))('%s:%i says "%s", and the rule gives it a date', (document, regel, omschrijving, m) => {
    // A sentence may run over a page break: the wording starts on its line and ends within a few lines.
    expect(staatErIn(regels(document as string).slice((regel as number) - 1, (regel as number) + 15).join(' '), omschrijving as string)).toBe(true);
    expect(plat(regels(document as string)[(regel as number) - 1])).toContain(plat(omschrijving as string).split(' ').slice(0, 2).join(' '));
    const { bericht, termijn } = m as (typeof metTermijn)[number];
    expect(termijnDatum(termijn.omschrijving, termijn.gezegdOp ?? bericht.datum)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (termijn.wordt) {
      expect(plat(regels(document as string)[termijn.wordt.regel - 1])).toContain(plat(termijn.wordt.omschrijving));
      expect(termijnDatum(termijn.wordt.omschrijving, bericht.datum)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it.each(Object.entries(demo.fracties))('%s is named with the fractie the table gives', (naam, { fractie, bron }) => {
    const regel = regels(bron.document)[bron.regel - 1];
    expect(regel.toLowerCase()).toContain(`${naam.toLowerCase()}`);
    expect(regel).toMatch(new RegExp(`${naam.replace(/^Van /i, '[Vv]an ')}\\s?\\(${fractie}\\)`));
  });
});
