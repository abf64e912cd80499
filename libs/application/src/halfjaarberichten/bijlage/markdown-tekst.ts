/**
 * Users' text in the Markdown annex. Others render that file (GitLab, Teams, a wiki, a converter to
 * HTML), so what a clerk typed must come out as the characters typed and never as markup: no raw
 * HTML, no links or images, no emphasis, no heading or list made by a line of a text.
 *
 * `&`, `<` and `>` become entities, which a renderer shows as the character (a backslash does not
 * stop HTML in every renderer). The punctuation that opens inline markup is backslash-escaped
 * wherever it stands; CommonMark shows a backslash-escaped ASCII punctuation mark as that mark, so
 * the rendered text is unchanged. `(` and `)` are escaped too, although a link also needs `[`: some
 * renderers have other syntax built on them, and `1)` starts a list; `@` would mention someone on
 * GitLab or GitHub. What only starts a block at the start of a line (`+`, `-`, `=`, `1.`,
 * indentation) is escaped there. GFM also turns a bare `https://…` or `www.…` into a link; an
 * escaped `:` or `.` stops that and still shows the address.
 */
const OVERAL = /[\\`*_[\]()!|#~@]/g;
const ENTITEITEN: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function escape(regel: string): string {
  return regel
    .trim()
    .replace(/[&<>]/g, (c) => ENTITEITEN[c])
    .replace(OVERAL, '\\$&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/^[+\-=]/, '\\$&')
    .replace(/^(\d+)\./, '$1\\.');
}

/**
 * Text that must stay on one line: a heading, a list entry, a table cell, a run inside emphasis.
 * A line break in it would end that line and let the rest start a block of its own.
 */
export function markdownRegel(tekst: string): string {
  return escape(tekst.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' '));
}

/**
 * A text of one or more paragraphs. Each line becomes its own paragraph, as in the HTML and DOCX
 * annexes, and each is escaped at its start, so a line of the text cannot open a block either.
 */
export function markdownAlineas(tekst: string): string {
  return tekst
    .split(/\r\n|\r|\n/)
    .map(escape)
    .filter((regel) => regel !== '')
    .join('\n\n');
}
