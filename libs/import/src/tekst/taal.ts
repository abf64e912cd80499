/* Is this Dutch? Counted on the commonest function words, which every Dutch letter is full of. */

const NL = new Set(['de', 'het', 'een', 'van', 'en', 'in', 'is', 'dat', 'op', 'te', 'voor', 'met', 'zijn', 'niet', 'aan', 'er', 'om', 'ook', 'als', 'bij', 'wordt', 'door', 'naar', 'uw', 'ik', 'deze', 'worden', 'kamer', 'motie']);
const ANDERS = new Set(['the', 'and', 'of', 'to', 'is', 'that', 'for', 'with', 'was', 'der', 'die', 'und', 'nicht', 'ist', 'le', 'la', 'les', 'et', 'des', 'est', 'el', 'los', 'y', 'que', 'il', 'che']);

export function isNederlands(tekst: string): boolean {
  const woorden = tekst.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  if (woorden.length < 30) return true;
  const nl = woorden.filter((w) => NL.has(w)).length;
  const anders = woorden.filter((w) => ANDERS.has(w) && !NL.has(w)).length;
  return nl / woorden.length >= 0.08 && nl >= anders;
}
