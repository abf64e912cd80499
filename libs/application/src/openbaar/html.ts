/** HTML that is already safe: built by `html`, never from text a user typed. */
export class Html {
  constructor(readonly tekst: string) {}
  toString(): string {
    return this.tekst;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escape(tekst: string): string {
  return tekst.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function deel(waarde: unknown): string {
  if (waarde instanceof Html) return waarde.tekst;
  if (Array.isArray(waarde)) return waarde.map(deel).join('');
  if (waarde === null || waarde === undefined || waarde === false) return '';
  return escape(String(waarde));
}

/**
 * A tagged template that escapes every value put into it, unless the value is itself Html. Every
 * public page is built with it: a title or a text from the register can never become markup.
 */
export function html(delen: TemplateStringsArray, ...waarden: unknown[]): Html {
  let uit = delen[0];
  for (let i = 0; i < waarden.length; i++) uit += deel(waarden[i]) + delen[i + 1];
  return new Html(uit);
}

/** Paragraphs from a text with blank lines between them; single line breaks kept. */
export function alineas(tekst: string): Html {
  const blokken = tekst.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  return new Html(blokken.map((b) => `<p>${b.split('\n').map(escape).join('<br>')}</p>`).join(''));
}
