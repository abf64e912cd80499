import { OPEN_STATUSSEN, RegisterFilter, RegisterPage, SORTEERVELDEN, Sorteerveld } from './register.query';
import { RegisterItem } from './register-item.entity';
import { zoekSleutel } from './zoek-sleutel';

const OPEN: readonly string[] = OPEN_STATUSSEN;

/** The row's field each sort key stands for (SORTEERVELDEN names the columns). */
const VELD: Record<Sorteerveld, keyof RegisterItem> = Object.fromEntries(
  Object.entries(SORTEERVELDEN).map(([sleutel, kolom]) => [sleutel, kolom.slice('item.'.length)]),
) as Record<Sorteerveld, keyof RegisterItem>;

const WOORD = /[\p{L}\p{N}\p{Co}]+/gu;

/**
 * The words FTS5's unicode61 tokenizer (remove_diacritics 2) makes of a text: letters, digits and
 * private-use characters make words, everything else (spaces, punctuation, symbols such as ^ and ´)
 * separates them; words are folded to lower case without their diacritics.
 */
function woorden(tekst: string): string[] {
  return tekst.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(WOORD) ?? [];
}

/** SQLite's NOCASE, as the register compares theme, bewindspersoon and fractie: ASCII letters only. */
function nocase(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function gelijk(a: string | null | undefined, b: string): boolean {
  return nocase(a ?? '') === nocase(b);
}

/**
 * The register's filters, sorting and paging over rows in memory, with RegisterQuery's meaning:
 * for the auditor's register as it was, which is folded from the log and has no table to query.
 * A test holds both to the same answers. Comparisons and search are RegisterQuery's on SQLite:
 * theme, bewindspersoon and fractie equal up to ASCII case, members by their zoekSleutel, and every
 * word of the query as a prefix of a word in number, title, text or a progress report.
 */
export function filterRegister(rows: Iterable<RegisterItem>, f: RegisterFilter): RegisterPage {
  const statussen = f.status?.length ? new Set(f.status.flatMap((s) => (s === 'open' ? OPEN : [s]))) : undefined;
  const lid = f.lid ? zoekSleutel(f.lid) : undefined;
  // As RegisterQuery splits the query before FTS5 tokenizes each term.
  const termen = f.zoek?.trim() ? (f.zoek.match(/[\p{L}\p{N}]+/gu) ?? []).flatMap(woorden) : undefined;
  const past = (r: RegisterItem): boolean => {
    if (f.soort && r.soort !== f.soort) return false;
    if (statussen && !statussen.has(r.status)) return false;
    if (f.bewindspersoon && !gelijk(r.bewindspersoon, f.bewindspersoon)) return false;
    if (f.ministerie && !gelijk(r.ministerie, f.ministerie)) return false;
    if (f.thema && !gelijk(r.thema, f.thema)) return false;
    // One member must match both, as in the member rows the register queries.
    if ((lid || f.fractie) && !r.leden.some((l) => (!lid || zoekSleutel(l.naam) === lid) && (!f.fractie || gelijk(l.fractie, f.fractie)))) return false;
    if (f.achterstalligOp && !(OPEN.includes(r.status) && r.termijnDatum !== null && r.termijnDatum < f.achterstalligOp)) return false;
    if (termen) {
      if (termen.length === 0) return false;
      const inhoud = woorden([r.nummer, r.titel, r.tekst, ...r.voortgang.map((v) => v.tekst)].join('\n'));
      if (!termen.every((t) => inhoud.some((w) => w.startsWith(t)))) return false;
    }
    return true;
  };
  const veld = VELD[f.sorteer ?? 'nummer'];
  const richting = f.aflopend ? -1 : 1;
  const gevonden = [...rows].filter(past).sort((a, b) => {
    const x = a[veld] as string | null;
    const y = b[veld] as string | null;
    if (x !== y) {
      // Ascending puts empty values last, descending first: NULLS LAST / NULLS FIRST.
      if (x === null) return 1 * richting;
      if (y === null) return -1 * richting;
      return (x < y ? -1 : 1) * richting;
    }
    return a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0;
  });
  const begin = (f.pagina - 1) * f.perPagina;
  return { items: gevonden.slice(begin, begin + f.perPagina), totaal: gevonden.length };
}
