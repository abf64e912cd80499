import { BijlageItem, BijlageModel } from './bijlage.model';
import { html, markdown } from './bijlage.renderers';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const LINK = '[klik](javascript:alert(1))';

function model(tekst: string, titel = 'Informeren over het aantal agenten'): BijlageModel {
  const item: BijlageItem = {
    volgnummer: 1,
    itemId: '00000000-0000-4000-8000-000000000001',
    soort: 'toezegging',
    nummer: 'TZ202412-156',
    titel,
    omschrijving: titel,
    leden: [{ naam: 'Michon-Derkzen', fractie: 'VVD' }],
    vindplaats: 'Kamerstukken II 2024/25, TZ202412, nr. 156',
    sectie: 'Politie',
    tekst,
    status: 'in-behandeling',
    statuszin: 'De toezegging is nog in behandeling.',
    standVanZaken: `In behandeling. ${tekst}`,
  };
  const zaak = { volgnummer: 1, zaakId: '00000000-0000-4000-8000-000000000002', sectie: 'Politie', titel: LINK, tekst: SCRIPT };
  return {
    berichtId: '00000000-0000-4000-8000-000000000003',
    titel: 'Eerste halfjaarbericht',
    peildatum: '2025-06-01',
    peildatumTekst: '1 juni 2025',
    status: 'Verzonden',
    verzondenOp: '2025-06-20',
    kenmerk: IMG,
    toezeggingen: [item],
    moties: [],
    zaken: [zaak],
    secties: [{ naam: 'Politie', items: [item], zaken: [zaak] }],
    telling: { afgedaan: 0, deelsAfgedaan: 0, inBehandeling: 1 },
  };
}

describe('the Markdown annex', () => {
  it.each(['verhalend', 'tabel'] as const)('(%s) shows HTML and links from users as text', (indeling) => {
    const md = markdown(model(`${SCRIPT} ${IMG} ${LINK}`, `${LINK} ${SCRIPT}`), indeling);
    expect(md).not.toMatch(/<script|<img|\]\(javascript:/i);
    expect(md).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
    expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(md).toContain('\\[klik\\]\\(javascript:alert\\(1\\)\\)');
  });

  it('does not let a line of a text open a heading, an HTML block, a list or a code block', () => {
    const md = markdown(model('Eerste alinea.\n# Kop\n<div>blok</div>\n- punt\n1. punt\n    code\n===\n```'), 'verhalend');
    const regels = md.split('\n');
    expect(regels).toEqual(expect.arrayContaining(['Eerste alinea.', '\\# Kop', '&lt;div&gt;blok&lt;/div&gt;', '\\- punt', '1\\. punt', 'code', '\\===', '\\`\\`\\`']));
    expect(regels.filter((r) => /^#+ Kop|^<|^- punt|^\d\. punt|^ {4}|^===|^```/.test(r))).toEqual([]);
  });

  it('keeps a title on its own line, whatever line breaks it holds', () => {
    const md = markdown(model('x', 'Titel\n# Ingevoegde kop'), 'verhalend');
    expect(md).toContain('### Titel \\# Ingevoegde kop');
    expect(md).not.toMatch(/^#+ Ingevoegde/m);
  });

  it('escapes the table separator in the table layout', () => {
    const md = markdown(model('a | b\nc'), 'tabel');
    expect(md).toContain('| In behandeling. a \\| b c |');
  });

  it('leaves ordinary Dutch text as it was', () => {
    const md = markdown(model('De Kamer is op 20 juni 2025 geïnformeerd; de verwachting is dat de brief in het najaar volgt.', 'Informeren over het aantal agenten met taakaccent ME'), 'verhalend');
    expect(md).toContain('### Informeren over het aantal agenten met taakaccent ME\n\n*Kamerstukken II 2024/25, TZ202412, nr. 156*\n\nDe Kamer is op 20 juni 2025 geïnformeerd; de verwachting is dat de brief in het najaar volgt.\n');
  });
});

describe('the HTML annex', () => {
  it.each(['verhalend', 'tabel'] as const)('(%s) escapes every user text', (indeling) => {
    const out = html(model(`${SCRIPT} ${IMG} ${LINK}`, `${LINK} ${SCRIPT}`), indeling);
    expect(out).not.toMatch(/<script|<img|<a\b|href=/i);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
