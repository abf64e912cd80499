import { OPEN_STATUSSEN, RegisterFilter, RegisterPage, SORTEERVELDEN, Sorteerveld } from './register.query';
import { nlStammen, zoekTermen } from './nl-stammen';
import { RegisterItem } from './register-item.entity';
import { gekozenWaarden } from './register-waarden';
import { zoekTekst } from './register.writers';
import { zoekSleutel } from './zoek-sleutel';
export { LICHTE_VELDEN } from './register-licht';

const OPEN: readonly string[] = OPEN_STATUSSEN;

/** The row's field each sort key stands for (SORTEERVELDEN names the columns). */
const VELD: Record<Sorteerveld, keyof RegisterItem> = Object.fromEntries(
  Object.entries(SORTEERVELDEN).map(([sleutel, kolom]) => [sleutel, kolom.slice('item.'.length)]),
) as Record<Sorteerveld, keyof RegisterItem>;

/**
 * The fields filterRegister reads for this filter, or undefined for a search, which reads the
 * searchable text (zoekTekst) of every row: what a row must hold to be filtered and sorted. The
 * time travel loads only these for most rows.
 */
export function filterVelden(f: RegisterFilter): ReadonlySet<keyof RegisterItem> | undefined {
  if (f.zoek?.trim()) return undefined;
  const velden = new Set<keyof RegisterItem>(['itemId', VELD[f.sorteer ?? 'nummer']]);
  if (f.soort) velden.add('soort');
  if (f.status?.length || f.achterstalligOp) velden.add('status');
  if (f.bewindspersoon) velden.add('bewindspersoon');
  if (f.ministerie) velden.add('ministerie');
  if (f.directie) velden.add('behandelaarDirectie');
  if (f.behandelaar) velden.add('behandelaarEmail');
  if (f.thema) velden.add('thema');
  if (f.lid || f.fractie) velden.add('leden');
  if (f.achterstalligOp) velden.add('termijnDatum');
  return velden;
}

/** SQLite's NOCASE, as the register compares the ministerie, directie and behandelaar: ASCII letters only. */
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
 * members, fracties, bewindspersonen and themes by gekozenWaarden over the register's own values,
 * ministerie, the behandelaar's directie and e-mail equal up to ASCII case, and the Dutch stem of every word of the query as a prefix of a
 * stem in number, title, text, a progress report or a member's name and fractie.
 */
export function filterRegister(rows: Iterable<RegisterItem>, f: RegisterFilter): RegisterPage {
  const alle = [...rows];
  const statussen = f.status?.length ? new Set(f.status.flatMap((s) => (s === 'open' ? OPEN : [s]))) : undefined;
  const gekozen = (invoer: string | undefined, waarden: () => Iterable<string>) => (invoer?.trim() ? new Set(gekozenWaarden(invoer, waarden())) : undefined);
  const leden = gekozen(f.lid, () => alle.flatMap((r) => r.leden.map((l) => zoekSleutel(l.naam))));
  const fracties = gekozen(f.fractie, () => alle.flatMap((r) => r.leden.flatMap((l) => (l.fractie ? [l.fractie] : []))));
  const bewindspersonen = gekozen(f.bewindspersoon, () => alle.map((r) => r.bewindspersoon));
  const themas = gekozen(f.thema, () => alle.map((r) => r.thema));
  const termen = f.zoek?.trim() ? zoekTermen(f.zoek) : undefined;
  const past = (r: RegisterItem): boolean => {
    if (f.soort && r.soort !== f.soort) return false;
    if (statussen && !statussen.has(r.status)) return false;
    if (bewindspersonen && !bewindspersonen.has(r.bewindspersoon)) return false;
    if (f.ministerie && !gelijk(r.ministerie, f.ministerie)) return false;
    if (f.directie && !gelijk(r.behandelaarDirectie, f.directie)) return false;
    if (f.behandelaar && !gelijk(r.behandelaarEmail, f.behandelaar)) return false;
    if (themas && !themas.has(r.thema)) return false;
    // One member must match both, as in the member rows the register queries.
    if ((leden || fracties) && !r.leden.some((l) => (!leden || leden.has(zoekSleutel(l.naam))) && (!fracties || (l.fractie !== null && fracties.has(l.fractie))))) return false;
    if (f.achterstalligOp && !(OPEN.includes(r.status) && r.termijnDatum !== null && r.termijnDatum < f.achterstalligOp)) return false;
    if (termen) {
      if (termen.length === 0) return false;
      const inhoud = nlStammen(zoekTekst(r));
      if (!termen.every((t) => inhoud.some((w) => (t.voorvoegsel ? w.startsWith(t.stam) : w === t.stam)))) return false;
    }
    return true;
  };
  const veld = VELD[f.sorteer ?? 'nummer'];
  const richting = f.aflopend ? -1 : 1;
  const gevonden = alle.filter(past).sort((a, b) => {
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
