import { newStemmer } from 'snowball-stemmers';

/**
 * Dutch word forms for full-text search on SQLite, as PostgreSQL's `dutch` configuration makes
 * them: the same Snowball algorithm (snowball-stemmers, a port of Snowball's own generated code;
 * a test compares it with PostgreSQL's `dutch_stem`), so "agenten" and "agent" find the same items
 * on both. FTS5 has no Dutch stemmer, so the register indexes the stems and stems every query word.
 */
const stemmer = newStemmer('dutch');

/** Letters, digits and private-use characters make words, as FTS5's unicode61 tokenizer splits them. */
const WOORD = /[\p{L}\p{N}\p{Co}]+/gu;

/** Texts repeat their words: a bounded memo keeps a rebuild from stemming the same word a million times. */
const MEMO_GROOTTE = 50_000;
const memo = new Map<string, string>();

function stam(woord: string): string {
  let uit = memo.get(woord);
  if (uit === undefined) {
    // Stemmed before the diacritics go ("geïnformeerd" is a participle), folded after, as unicode61 does.
    uit = stemmer.stem(woord).normalize('NFD').replace(/\p{M}/gu, '');
    if (memo.size >= MEMO_GROOTTE) memo.clear();
    memo.set(woord, uit);
  }
  return uit;
}

/**
 * The stems of a text's words, in order: lower case, stemmed, without diacritics. The text is
 * composed first (NFC): a decomposed "geïnformeerd" (i + combining diaeresis) would otherwise split
 * into two words at the mark.
 */
export function nlStammen(tekst: string): string[] {
  return (tekst.normalize('NFC').toLowerCase().match(WOORD) ?? []).map(stam);
}

/** At most this many words of a query count: each is a lookup in the index, a prefix one many. */
export const MAX_ZOEKTERMEN = 8;
/** Shorter words match whole words only: the prefix "a" is half the index. */
export const MIN_VOORVOEGSEL = 3;

export interface Zoekterm {
  readonly stam: string;
  /** Also as the start of a longer word, as a person types it. */
  readonly voorvoegsel: boolean;
}

/** The words a search looks for: stemmed, each once, the first MAX_ZOEKTERMEN. */
export function zoekTermen(zoek: string): Zoekterm[] {
  return [...new Set(nlStammen(zoek))].slice(0, MAX_ZOEKTERMEN).map((stam) => ({ stam, voorvoegsel: stam.length >= MIN_VOORVOEGSEL }));
}

/** The stems as one text, for the full-text index (unicode61 splits it into exactly these words). */
export function nlStamTekst(tekst: string): string {
  return nlStammen(tekst).join(' ');
}
