/* Sentence splitting for Dutch letters, aware of the abbreviations they use mid-sentence. */

export interface ZinDeel {
  readonly start: number;
  readonly eind: number;
  readonly tekst: string;
}

const AFKORTINGEN = /(?:\bc\.s|\bnr|\bdhr|\bmr|\bmevr|\bdrs|\bdr|\bprof|\bir|\bca|\bo\.a|\bbijv|\bresp|\bart|\bvs|\bStb|\bStcrt|\bn\.a\.v|\bi\.v\.m|\bt\.a\.v|\bz\.s\.m|\bm\.b\.t|\bd\.w\.z|\be\.d|\bi\.p\.v|\bp)\.$/;

export function splitsZinnen(tekst: string): ZinDeel[] {
  const uit: ZinDeel[] = [];
  let start = 0;
  const grens = /([.!?])(["”’)]*)(\s+)(?=["“‘(]?[\p{Lu}\d])/gu;
  for (const m of tekst.matchAll(grens)) {
    const eind = (m.index ?? 0) + m[1].length + m[2].length;
    const kandidaat = tekst.slice(start, eind);
    if (AFKORTINGEN.test(kandidaat)) continue;
    // "art. 162", "nr. 5": a full stop before a digit after a short token is no sentence end.
    if (/\s\p{L}{1,3}\.$/u.test(kandidaat) && /^\d/.test(tekst.slice(eind).trimStart())) continue;
    voegToe(uit, tekst, start, eind);
    start = eind + m[3].length;
  }
  if (start < tekst.length) voegToe(uit, tekst, start, tekst.length);
  return uit;
}

function voegToe(uit: ZinDeel[], tekst: string, start: number, eind: number): void {
  const deel = tekst.slice(start, eind);
  const voorloop = deel.length - deel.trimStart().length;
  if (deel.trim().length > 0) uit.push({ start: start + voorloop, eind, tekst: deel.trim() });
}
