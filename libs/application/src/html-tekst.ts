/** Text as HTML text or attribute value (double or single quoted): every character that could start markup escaped. */
export function htmlTekst(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
