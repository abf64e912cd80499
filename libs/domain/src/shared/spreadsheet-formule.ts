/**
 * CSV formula injection (OWASP "CSV Injection"): Excel, LibreOffice and Numbers run a cell that
 * begins with `=`, `+`, `-` or `@` as a formula, and a leading tab or carriage return lets one
 * slip past a check on the first character. Excel also ignores whitespace before the trigger, and
 * Numbers reads the full-width forms (＝＋－＠) as the ASCII ones, so those count as well.
 */
const FORMULE_BEGIN = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

/**
 * The value as a spreadsheet shows text: a cell that could start a formula gets a leading `'`, as
 * OWASP advises. This is the one rule for every CSV the register writes (the annex on the server,
 * the register export in the web app), passed to csv-stringify as its `cast.string`.
 *
 * Every cell in those files is text, so a value such as `-5` or `+31 70 …` is prefixed too: the
 * reader sees `'-5`, which is the price of never running a formula. csv-stringify's own
 * `escape_formulas` looks only at the first character and so misses `  =1+1`.
 */
export function neutraliseerFormule(waarde: string): string {
  return FORMULE_BEGIN.test(waarde) ? `'${waarde}` : waarde;
}

/**
 * Characters XML 1.0 does not allow (C0 controls but tab and newlines, U+FFFE, U+FFFF, lone
 * surrogates): the register accepts them in texts, but one of them in an XLSX or DOCX file makes the
 * whole file unreadable, so every file the register writes as XML leaves them out.
 */
const NIET_IN_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function zonderOngeldigeXmlTekens(tekst: string): string {
  return tekst.replace(NIET_IN_XML, '');
}
