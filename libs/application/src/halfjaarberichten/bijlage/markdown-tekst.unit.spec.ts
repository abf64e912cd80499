import fc from 'fast-check';
import { markdownAlineas, markdownRegel } from './markdown-tekst';

/**
 * Reads escaped Markdown back the way a renderer reads plain text: `\x` is the character x, an
 * entity is its character. Anything else that could be markup makes it throw.
 */
function leesTerug(md: string): string {
  let uit = '';
  for (let i = 0; i < md.length; i++) {
    const c = md[i];
    if (c === '\\') uit += md[++i];
    else if (c === '&') {
      const entiteit = /^&(amp|lt|gt);/.exec(md.slice(i));
      if (!entiteit) throw new Error(`los & op ${i} in ${JSON.stringify(md)}`);
      uit += { amp: '&', lt: '<', gt: '>' }[entiteit[1] as 'amp' | 'lt' | 'gt'];
      i += entiteit[0].length - 1;
    } else if ('`*_[]()!|#~@<>\r\n'.includes(c)) throw new Error(`onge-escapet ${JSON.stringify(c)} op ${i} in ${JSON.stringify(md)}`);
    else if ((c === ':' && md.startsWith('//', i + 1)) || /^www\./i.test(md.slice(i))) throw new Error(`autolink op ${i} in ${JSON.stringify(md)}`);
    else uit += c;
  }
  return uit;
}

/** Any text, with the pieces markup is made of coming up far more often than chance would have them. */
const willekeurigeTekst = fc
  .array(fc.oneof(fc.constantFrom('<', '>', '&', '&amp;', '[', '](', '!', '\\', '`', '*', '_', '#', '- ', '+', '=', '1. ', '2)', '|', '~', '@', 'www.', 'https://', '\n', '\r\n', '    ', '\t'), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 30 })
  .map((delen) => delen.join(''));

describe('markdownRegel', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert\\(1\\)&gt;'],
    ['[klik](javascript:alert(1))', '\\[klik\\]\\(javascript:alert\\(1\\)\\)'],
    ['![beeld](http://x/y.png)', '\\!\\[beeld\\]\\(http\\://x/y.png\\)'],
    ['*vet* _schuin_ ~~weg~~ `code`', '\\*vet\\* \\_schuin\\_ \\~\\~weg\\~\\~ \\`code\\`'],
    ['a | b', 'a \\| b'],
    ['C:\\pad', 'C:\\\\pad'],
    ['# kop', '\\# kop'],
    ['- punt', '\\- punt'],
    ['+ punt', '\\+ punt'],
    ['2025. Een jaar', '2025\\. Een jaar'],
    ['AT&T', 'AT&amp;T'],
    ['&lt;', '&amp;lt;'],
    ['regel een\n# regel twee\r\n<b>drie</b>', 'regel een \\# regel twee &lt;b&gt;drie&lt;/b&gt;'],
    ['   ingesprongen', 'ingesprongen'],
    ['zie https://aanvaller.example/x, WWW.aanvaller.example en _www.aanvaller.example_', 'zie https\\://aanvaller.example/x, WWW\\.aanvaller.example en \\_www\\.aanvaller.example\\_'],
    ['@griffie en jan@aanvaller.example', '\\@griffie en jan\\@aanvaller.example'],
  ])('%j → %j', (tekst, md) => {
    expect(markdownRegel(tekst)).toBe(md);
  });

  it('leaves text without special characters as it is', () => {
    const tekst = 'De Kamer is op 20 juni 2025 geïnformeerd over de 4 toezeggingen, zoals toegezegd; zie Kamerstukken II 2024/25, 29628, nr. 1230.';
    expect(markdownRegel(tekst)).toBe(tekst);
  });

  it('keeps every character of any text, one line, with no markup left', () => {
    fc.assert(
      fc.property(willekeurigeTekst, (t) => {
        expect(leesTerug(markdownRegel(t))).toBe(t.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ').trim());
      }),
      { numRuns: 1000 },
    );
  });
});

describe('markdownAlineas', () => {
  it('makes each line a paragraph that cannot open a block', () => {
    expect(markdownAlineas('Eerste.\n\n# Kop\n<div>\n  - punt\n1. punt\n===\n    code')).toBe('Eerste.\n\n\\# Kop\n\n&lt;div&gt;\n\n\\- punt\n\n1\\. punt\n\n\\===\n\ncode');
  });

  it('keeps every character of every line, with no markup left', () => {
    fc.assert(
      fc.property(willekeurigeTekst, (t) => {
        const alineas = markdownAlineas(t).split('\n\n').filter((a) => a !== '');
        expect(alineas.map(leesTerug)).toEqual(t.split(/\r\n|\r|\n/).map((r) => r.trim()).filter((r) => r !== ''));
      }),
      { numRuns: 1000 },
    );
  });
});
