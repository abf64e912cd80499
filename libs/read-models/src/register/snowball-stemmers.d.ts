/** The package ships no types; this is the part the register uses. */
declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(woord: string): string;
  }
  export function newStemmer(algoritme: string): Stemmer;
  export function algorithms(): string[];
}
