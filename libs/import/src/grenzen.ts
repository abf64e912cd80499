/*
 * How much one document may propose. Every item travels on as an event, so its texts are capped (a section of
 * 2 MB with 200 moties would otherwise put the whole section in each of them), and so is the number of items.
 */

import { GelezenItem } from './bijlage';
import { ImportFout } from './import-fout';

export const MAX_ITEMS = 1000;
export const MAX_TEKST = 10_000;
export const MAX_BEWIJS = 1_000;
export const MAX_TITEL = 500;

const EINDE = ' …';

/**
 * At most `max` characters: cut after the last sentence end in the second half of what fits, else after the last
 * space there, else hard; the cut is marked with "…".
 */
export function begrens(tekst: string, max: number): string {
  if (tekst.length <= max) return tekst;
  const ruimte = max - EINDE.length;
  const deel = tekst.slice(0, ruimte + 1);
  const ondergrens = Math.floor(ruimte / 2);
  let knip = -1;
  for (let i = ruimte - 1; i >= ondergrens; i--) {
    const c = deel[i];
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(deel[i + 1] ?? ' ')) {
      knip = i + 1;
      break;
    }
  }
  if (knip < 0) {
    const spatie = deel.lastIndexOf(' ', ruimte);
    knip = spatie >= ondergrens ? spatie : ruimte;
  }
  return `${deel.slice(0, knip).trimEnd()}${EINDE}`;
}

export function begrensItem(item: GelezenItem): GelezenItem {
  if (item.tekst.length <= MAX_TEKST && item.bewijs.length <= MAX_BEWIJS && item.titel.length <= MAX_TITEL) return item;
  return { ...item, tekst: begrens(item.tekst, MAX_TEKST), bewijs: begrens(item.bewijs, MAX_BEWIJS), titel: begrens(item.titel, MAX_TITEL) };
}

/** `tenMinste`: the reader stopped counting as soon as it passed the maximum. */
export function teVeelItems(aantal: number, tenMinste = false): ImportFout {
  return new ImportFout(
    'te-veel-items',
    `Het document bevat ${tenMinste ? 'ten minste ' : ''}${aantal} moties en toezeggingen; per document worden er maximaal ${MAX_ITEMS} ingelezen. Splits het document in delen en lees die apart in.`,
  );
}
