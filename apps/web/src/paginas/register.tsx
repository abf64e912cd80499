import { Alert, Button, Heading, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { FormEvent, ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { ApiFout, bestand, bewaar, vraag } from '../api';
import { useMijnEmail } from '../onderdelen/mijn-email';
import { StatusLabel } from '../onderdelen/status';
import { metZoek, navigeer } from '../router';
import { sessie } from '../sessie';
import { ItemKort, ItemPagina, STATUS_LABEL, datumNl } from '../types';
import './register.css';

export const FILTERS = ['zoek', 'soort', 'status', 'lid', 'fractie', 'bewindspersoon', 'thema', 'directie', 'behandelaar', 'achterstalligOp'] as const;
type Filter = (typeof FILTERS)[number];
type Waarden = Record<Filter, string>;

/** Fields whose values the register suggests while typing (GET /api/suggesties). */
const SUGGESTIEVELDEN = ['lid', 'fractie', 'bewindspersoon', 'thema'] as const;
type Suggestieveld = (typeof SUGGESTIEVELDEN)[number];

interface Suggestie {
  readonly waarde: string;
  readonly toelichting?: string;
  readonly aantal: number;
}

const LABEL: Record<Filter, string> = {
  zoek: 'Zoeken',
  soort: 'Soort',
  status: 'Status',
  lid: 'Kamerlid',
  fractie: 'Fractie',
  bewindspersoon: 'Bewindspersoon',
  thema: 'Thema',
  directie: 'Directie',
  behandelaar: 'Behandelaar (e-mailadres)',
  achterstalligOp: 'Achterstallig op',
};

const SOORTEN = [
  { waarde: '', label: 'Alle soorten' },
  { waarde: 'motie', label: 'Moties' },
  { waarde: 'toezegging', label: 'Toezeggingen' },
];

const STATUSSEN = [{ waarde: '', label: 'Alle' }, { waarde: 'open', label: 'Open (in behandeling of deels afgedaan)' }, ...Object.entries(STATUS_LABEL).map(([waarde, label]) => ({ waarde, label }))];

type Kolom = 'nummer' | 'titel' | 'leden' | 'bewindspersoon' | 'thema' | 'status' | 'termijn' | 'gewijzigd' | 'behandelaar';

const KOLOMMEN: { sleutel: Kolom; label: string; sorteer?: string; vast?: true }[] = [
  { sleutel: 'nummer', label: 'Nummer', sorteer: 'nummer', vast: true },
  { sleutel: 'titel', label: 'Titel', sorteer: 'titel', vast: true },
  { sleutel: 'leden', label: 'Leden' },
  { sleutel: 'bewindspersoon', label: 'Bewindspersoon' },
  { sleutel: 'thema', label: 'Thema' },
  { sleutel: 'status', label: 'Status', sorteer: 'status' },
  { sleutel: 'termijn', label: 'Termijn', sorteer: 'termijn' },
  { sleutel: 'gewijzigd', label: 'Laatst gewijzigd', sorteer: 'laatsteWijziging' },
  // Last, so that the columns before it keep their places (in print too).
  { sleutel: 'behandelaar', label: 'Behandelaar' },
];

/** What a person sees first: on a phone number, title and status (the rest one tap away); on a desk also members, bewindspersoon and termijn, and on a wide one the theme. */
const STANDAARD_KOLOMMEN = (): Kolom[] =>
  window.matchMedia('(max-width: 48rem)').matches
    ? ['nummer', 'titel', 'status']
    : window.matchMedia('(max-width: 90rem)').matches
      ? ['nummer', 'titel', 'leden', 'bewindspersoon', 'status', 'termijn']
      : ['nummer', 'titel', 'leden', 'bewindspersoon', 'thema', 'status', 'termijn'];

const KOLOMMEN_OPSLAG = 'register:kolommen';

function bewaardeKolommen(): Kolom[] {
  try {
    const bewaard = JSON.parse(localStorage.getItem(KOLOMMEN_OPSLAG) ?? 'null') as unknown;
    if (Array.isArray(bewaard)) return KOLOMMEN.filter((k) => k.vast || bewaard.includes(k.sleutel)).map((k) => k.sleutel);
  } catch {
    // A damaged setting is the default again.
  }
  return STANDAARD_KOLOMMEN();
}

const uitUrl = (zoek: URLSearchParams): Waarden => Object.fromEntries(FILTERS.map((f) => [f, zoek.get(f) ?? ''])) as Waarden;

/** Typing waits this long before the list follows; a choice from a list or a date applies at once. */
const WACHT_MS = 300;

/** Printing loads every row of the filter, up to this many (the register's pages hold 200). */
const AFDRUK_MAX = 2000;

/**
 * The register as a working table. The URL is the whole state (filters, sort, page), so a view can
 * be bookmarked and shared; the list follows the filters as they are typed. Filters sit in a side
 * panel on wide screens and in a drawer on phones, so the results come first.
 */
export function RegisterPagina({ zoek }: { zoek: URLSearchParams }) {
  const filters = uitUrl(zoek);
  const sorteer = zoek.get('sorteer') ?? '';
  const pagina = Number(zoek.get('pagina') ?? '1') || 1;
  const perPagina = Number(zoek.get('perPagina') ?? '25') || 25;
  const [invoer, setInvoer] = useState<Waarden>(filters);
  const [data, setData] = useState<ItemPagina | null>(null);
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);
  const [kolommen, setKolommen] = useState<Kolom[]>(bewaardeKolommen);
  const [afdruk, setAfdruk] = useState<ItemKort[] | null>(null);
  const [exportBezig, setExportBezig] = useState<string | null>(null);
  const [exportFout, setExportFout] = useState<string | null>(null);
  const lade = useRef<HTMLDialogElement>(null);
  const eigenUrl = useRef<string | null>(null);
  const wachten = useRef<number | undefined>(undefined);
  const sleutel = zoek.toString();
  const actief = FILTERS.filter((f) => filters[f]);
  const email = useMijnEmail();
  const mijn = !!email && filters.behandelaar.trim().toLowerCase() === email.toLowerCase();

  useEffect(() => {
    // A URL this page made while typing keeps what is in the fields (the person may have typed on);
    // a URL from elsewhere (back, a link, a bookmark) sets them.
    if (eigenUrl.current !== sleutel) setInvoer(uitUrl(zoek));
    eigenUrl.current = null;
    let actueel = true;
    setBezig(true);
    vraag<ItemPagina>(metZoek('/api/items', { ...filters, sorteer, pagina, perPagina, weergave: 'kort' }))
      .then((d) => actueel && (setData(d), setFout(null)))
      .catch((e: ApiFout) => actueel && (setFout(e), setData(null)))
      .finally(() => actueel && setBezig(false));
    return () => {
      actueel = false;
    };
  }, [sleutel]); // the URL is the whole state: reload exactly when it changes

  useEffect(() => () => window.clearTimeout(wachten.current), []);

  useEffect(() => {
    if (!afdruk) return;
    // Rendered with every row: print, then back to the page.
    const terug = () => setAfdruk(null);
    window.addEventListener('afterprint', terug, { once: true });
    requestAnimationFrame(() => window.print());
    return () => window.removeEventListener('afterprint', terug);
  }, [afdruk]);

  const url = (extra: Record<string, string | number>, pad = '/register') => metZoek(pad, { ...filters, sorteer, perPagina: perPagina === 25 ? '' : perPagina, pagina: '', ...extra });

  /** The filters as typed, applied: at once, or after a pause in typing. */
  const pasToe = (waarden: Waarden, direct: boolean) => {
    window.clearTimeout(wachten.current);
    const doe = () => {
      const doel = url({ ...waarden });
      const nieuw = new URL(doel, location.origin).searchParams.toString();
      if (nieuw === sleutel) return;
      eigenUrl.current = nieuw;
      navigeer(doel, true);
    };
    if (direct) doe();
    else wachten.current = window.setTimeout(doe, WACHT_MS);
  };

  const wijzig = (veld: Filter, waarde: string, direct: boolean) => {
    const volgende = { ...invoer, [veld]: waarde };
    setInvoer(volgende);
    pasToe(volgende, direct);
  };

  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    pasToe(invoer, true);
    if (lade.current?.open) lade.current.close();
  };

  const kiesKolom = (k: Kolom, aan: boolean) => {
    const volgende = KOLOMMEN.map((c) => c.sleutel).filter((c) => (c === k ? aan : kolommen.includes(c)));
    setKolommen(volgende);
    localStorage.setItem(KOLOMMEN_OPSLAG, JSON.stringify(volgende));
  };

  const exporteer = async (formaat: 'csv' | 'xlsx') => {
    setExportBezig(formaat);
    setExportFout(null);
    try {
      const { blob, naam } = await bestand(metZoek('/api/items', { ...filters, sorteer, formaat }));
      bewaar(blob, naam);
    } catch (e) {
      setExportFout((e as ApiFout).message);
    } finally {
      setExportBezig(null);
    }
  };

  const drukAf = async () => {
    if (!data) return;
    if (data.totaal <= data.items.length) {
      setAfdruk(data.items);
      return;
    }
    const rijen: ItemKort[] = [];
    for (let p = 1; rijen.length < Math.min(data.totaal, AFDRUK_MAX); p++) {
      const deel = await vraag<ItemPagina>(metZoek('/api/items', { ...filters, sorteer, pagina: p, perPagina: 200, weergave: 'kort' }));
      rijen.push(...deel.items);
      if (deel.items.length < 200) break;
    }
    setAfdruk(rijen);
  };

  const paginas = data ? Math.max(1, Math.ceil(data.totaal / data.perPagina)) : 1;
  const rijen = afdruk ?? data?.items ?? [];
  const verborgen = (k: Kolom) => (kolommen.includes(k) ? undefined : 'kolom--verborgen');

  const filterFormulier = (id: string) => (
    <form className="filterpaneel__formulier" onSubmit={verstuur} role="search" aria-label="Filters van het register" id={id}>
      <FilterTekst id={id} veld="zoek" waarde={invoer.zoek} onWijzig={(w) => wijzig('zoek', w, false)} type="search" hulp="Nummer, titel, tekst, voortgang en leden" />
      <FilterKeuze id={id} veld="status" waarde={invoer.status} opties={STATUSSEN} onWijzig={(w) => wijzig('status', w, true)} />
      <FilterKeuze id={id} veld="soort" waarde={invoer.soort} opties={SOORTEN} onWijzig={(w) => wijzig('soort', w, true)} />
      {SUGGESTIEVELDEN.map((veld) => (
        <FilterSuggestie key={veld} id={id} veld={veld} waarde={invoer[veld]} onWijzig={(w, direct) => wijzig(veld, w, direct)} />
      ))}
      <FilterTekst id={id} veld="directie" waarde={invoer.directie} onWijzig={(w) => wijzig('directie', w, false)} type="text" hulp="Van de behandelaar, zoals geschreven" />
      <FilterTekst id={id} veld="behandelaar" waarde={invoer.behandelaar} onWijzig={(w) => wijzig('behandelaar', w, false)} type="text" />
      <FilterTekst id={id} veld="achterstalligOp" waarde={invoer.achterstalligOp} onWijzig={(w) => wijzig('achterstalligOp', w, true)} type="date" hulp="Open items met een termijn vóór deze datum" />
      <div className="filterpaneel__knoppen">
        <Button appearance="primary-action-button" type="submit">
          Filteren
        </Button>
        {actief.length > 0 && <Link href={url({ ...Object.fromEntries(FILTERS.map((f) => [f, ''])) })}>Alle filters wissen</Link>}
      </div>
    </form>
  );

  return (
    <div className="register">
      <div className="register__kop">
        <Heading level={1} tabIndex={-1}>
          {mijn ? 'Mijn items' : 'Register'}
        </Heading>
        {email && (
          <nav className="register__mijn niet-afdrukken" aria-label="Mijn items of het hele register">
            {mijn ? (
              <>
                <Link href={url({ behandelaar: '' })}>Alle items</Link>
                {' · '}
                <Link href="/agenda">Termijnen in uw agenda</Link>
              </>
            ) : (
              <Link href={url({ behandelaar: email })} title={`De items waarvan ${email} de behandelaar is`}>
                Mijn items
              </Link>
            )}
          </nav>
        )}
        {sessie.heeft('griffier') && (
          <div className="register__nieuw niet-afdrukken">
            <Link href="/nieuw/motie">Nieuwe motie</Link>
            <Link href="/nieuw/toezegging">Nieuwe toezegging</Link>
          </div>
        )}
      </div>
      <AfdrukKop filters={filters} totaal={data?.totaal} rijen={rijen.length} peildatum={data?.peildatum} />

      <div className="register__indeling">
        <aside className="filterpaneel niet-afdrukken" aria-labelledby="filters-kop">
          <Heading level={2} id="filters-kop" className="filterpaneel__kop">
            Filters
          </Heading>
          {filterFormulier('filters')}
        </aside>

        <section className="register__resultaten" aria-label="Resultaten">
          <div className="register__balk niet-afdrukken">
            <Button appearance="secondary-action-button" type="button" className="filterknop" aria-haspopup="dialog" onClick={() => lade.current?.showModal()}>
              Filters{actief.length ? ` (${actief.length} actief)` : ''}
            </Button>
            <p className="register__aantal" aria-live="polite">
              {bezig && !data ? 'Bezig met laden…' : data ? `${data.totaal.toLocaleString('nl-NL')} ${data.totaal === 1 ? 'item' : 'items'}${paginas > 1 ? `, pagina ${data.pagina} van ${paginas}` : ''}` : ''}
            </p>
            <div className="register__acties">
              <span className="register__exportlabel" id="export-label">
                Exporteer {data && data.totaal > 0 ? `alle ${data.totaal.toLocaleString('nl-NL')}` : ''}:
              </span>
              <Button appearance="secondary-action-button" type="button" aria-describedby="export-label" onClick={() => void exporteer('xlsx')} disabled={!data || data.totaal === 0 || exportBezig !== null}>
                {exportBezig === 'xlsx' ? 'Bezig…' : 'Excel'}
              </Button>
              <Button appearance="secondary-action-button" type="button" aria-describedby="export-label" onClick={() => void exporteer('csv')} disabled={!data || data.totaal === 0 || exportBezig !== null}>
                {exportBezig === 'csv' ? 'Bezig…' : 'CSV'}
              </Button>
              <Button appearance="subtle-button" type="button" className="afdrukknop" onClick={() => void drukAf()} disabled={!data || data.totaal === 0}>
                Afdrukken
              </Button>
              <details className="kolomkeuze">
                <summary>Kolommen</summary>
                <fieldset className="kolomkeuze__lijst">
                  <legend className="visueel-verborgen">Zichtbare kolommen</legend>
                  {KOLOMMEN.filter((k) => !k.vast).map((k) => (
                    <label key={k.sleutel} className="kolomkeuze__optie">
                      <input type="checkbox" checked={kolommen.includes(k.sleutel)} onChange={(e) => kiesKolom(k.sleutel, e.currentTarget.checked)} /> {k.label}
                    </label>
                  ))}
                </fieldset>
              </details>
            </div>
          </div>
          {exportFout && (
            <Alert type="error">
              <Paragraph>De export is niet gelukt: {exportFout}</Paragraph>
            </Alert>
          )}
          {fout && (
            <Alert type="error">
              <Paragraph>{fout.fouten.length ? fout.fouten.map((f) => `${LABEL[f.veld as Filter] ?? f.veld}: ${f.melding}`).join('; ') : fout.message}</Paragraph>
            </Alert>
          )}

          {rijen.length > 0 && (
            <div className="tabel-houder">
              <Table className="register-tabel" aria-busy={bezig || undefined}>
                <TableCaption className="visueel-verborgen">Moties en toezeggingen{data && data.totaal > rijen.length ? `, pagina ${data.pagina}` : ''}</TableCaption>
                <TableHeader>
                  <TableRow>
                    {KOLOMMEN.map((k) => (
                      <KolomKop key={k.sleutel} kolom={k} sorteer={sorteer} href={(s) => url({ sorteer: s })} className={verborgen(k.sleutel)} />
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rijen.map((item) => (
                    <TableRow key={item.itemId} className={item.achterstallig ? 'rij--achterstallig' : undefined}>
                      <TableCell className="register-tabel__nummer">
                        <Link href={`/items/${item.itemId}`}>{item.nummer}</Link>
                        <div className="klein">{item.soort}</div>
                      </TableCell>
                      <TableCell className="register-tabel__titel">
                        <span className="register-tabel__titeltekst">{item.titel}</span>
                      </TableCell>
                      <TableCell className={verborgen('leden')}>{item.leden.map((l) => (l.fractie ? `${l.naam} (${l.fractie})` : l.naam)).join(', ')}</TableCell>
                      <TableCell className={`register-tabel__bewindspersoon ${verborgen('bewindspersoon') ?? ''}`}>{item.bewindspersoon}</TableCell>
                      <TableCell className={verborgen('thema')}>{item.thema}</TableCell>
                      <TableCell className={verborgen('status')}>
                        <StatusLabel item={item} />
                      </TableCell>
                      <TableCell className={verborgen('termijn')}>
                        {item.termijn ? item.termijn.omschrijving : ''}
                        {item.termijn?.datum && <div className="klein register-tabel__datum">{datumNl(item.termijn.datum)}</div>}
                      </TableCell>
                      <TableCell className={verborgen('gewijzigd')}>
                        <span className="register-tabel__datum">{datumNl(item.laatsteWijziging.op.slice(0, 10))}</span>
                      </TableCell>
                      <TableCell className={verborgen('behandelaar')}>
                        {item.behandelaar && (
                          <>
                            {item.behandelaar.naam}
                            <div className="klein">{item.behandelaar.directie}</div>
                          </>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {data && data.items.length === 0 && <Paragraph>Geen items die aan deze filters voldoen.</Paragraph>}
          {data && paginas > 1 && (
            <nav aria-label="Paginering" className="paginering niet-afdrukken">
              {pagina > 1 && <Link href={url({ pagina: pagina - 1 })}>Vorige pagina</Link>}
              <span>
                Pagina {pagina} van {paginas}
              </span>
              {pagina < paginas && <Link href={url({ pagina: pagina + 1 })}>Volgende pagina</Link>}
              <label className="paginering__per">
                Per pagina{' '}
                <select className="utrecht-select utrecht-select--html-select" value={perPagina} onChange={(e) => navigeer(url({ perPagina: e.currentTarget.value === '25' ? '' : e.currentTarget.value }))}>
                  {[25, 50, 100, 200].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </label>
            </nav>
          )}
        </section>
      </div>

      <dialog ref={lade} className="filterlade niet-afdrukken" aria-labelledby="filterlade-kop">
        <div className="filterlade__kop">
          <Heading level={2} id="filterlade-kop">
            Filters
          </Heading>
          <Button appearance="subtle-button" type="button" onClick={() => lade.current?.close()}>
            Sluiten
          </Button>
        </div>
        {filterFormulier('filterlade')}
        <Paragraph className="filterlade__aantal" aria-live="polite">
          {data ? `${data.totaal.toLocaleString('nl-NL')} ${data.totaal === 1 ? 'item' : 'items'}` : ''}
        </Paragraph>
        <Button appearance="secondary-action-button" type="button" onClick={() => lade.current?.close()}>
          Toon resultaten
        </Button>
      </dialog>
    </div>
  );
}

function KolomKop({ kolom: k, sorteer, href, className }: { kolom: (typeof KOLOMMEN)[number]; sorteer: string; href: (s: string) => string; className?: string }) {
  const actief = sorteer === k.sorteer || sorteer === `-${k.sorteer}` || (!sorteer && k.sorteer === 'nummer');
  const aflopend = sorteer === `-${k.sorteer}`;
  return (
    <TableHeaderCell scope="col" aria-sort={actief ? (aflopend ? 'descending' : 'ascending') : undefined} className={className}>
      {k.sorteer ? (
        <Link href={href(actief && !aflopend ? `-${k.sorteer}` : k.sorteer)}>
          {k.label}
          <span className="visueel-verborgen">, sorteer {actief && !aflopend ? 'aflopend' : 'oplopend'}</span>
          {actief ? (aflopend ? ' ▼' : ' ▲') : ''}
        </Link>
      ) : (
        k.label
      )}
    </TableHeaderCell>
  );
}

/** Only on paper: what was printed, with which filters, on which day (page numbers come from the print stylesheet). */
function AfdrukKop({ filters, totaal, rijen, peildatum }: { filters: Waarden; totaal?: number; rijen: number; peildatum?: string }) {
  const actief = FILTERS.filter((f) => filters[f]);
  const waarde = (f: Filter) => (f === 'status' ? (STATUSSEN.find((s) => s.waarde === filters.status)?.label ?? filters.status) : f === 'achterstalligOp' ? datumNl(filters[f]) : filters[f]);
  return (
    <div className="afdrukkop alleen-afdrukken">
      <p>
        <strong>Register moties en toezeggingen</strong> · afgedrukt op {datumNl(peildatum ?? new Date().toISOString().slice(0, 10))}
      </p>
      <p>
        {actief.length ? `Filters: ${actief.map((f) => `${LABEL[f]}: ${waarde(f)}`).join('; ')}` : 'Geen filters: het hele register'}
        {totaal !== undefined ? ` · ${rijen === totaal ? `${totaal} items` : `${rijen} van ${totaal} items`}` : ''}
      </p>
    </div>
  );
}

interface VeldProps {
  readonly id: string;
  readonly veld: Filter;
  readonly waarde: string;
}

function Label({ id, veld, hulp }: { id: string; veld: Filter; hulp?: string }): ReactNode {
  return (
    <>
      <label className="utrecht-form-label" htmlFor={`${id}-${veld}`}>
        {LABEL[veld]}
      </label>
      {hulp && (
        <div className="filterpaneel__hulp" id={`${id}-${veld}-hulp`}>
          {hulp}
        </div>
      )}
    </>
  );
}

function FilterTekst({ id, veld, waarde, onWijzig, type, hulp }: VeldProps & { onWijzig: (w: string) => void; type: 'search' | 'date' | 'text'; hulp?: string }) {
  return (
    <div className="filterpaneel__veld">
      <Label id={id} veld={veld} hulp={hulp} />
      <input
        id={`${id}-${veld}`}
        name={veld}
        type={type}
        className="utrecht-textbox utrecht-textbox--html-input"
        value={waarde}
        aria-describedby={hulp ? `${id}-${veld}-hulp` : undefined}
        onChange={(e) => onWijzig(e.currentTarget.value)}
      />
    </div>
  );
}

function FilterKeuze({ id, veld, waarde, opties, onWijzig }: VeldProps & { opties: readonly { waarde: string; label: string }[]; onWijzig: (w: string) => void }) {
  return (
    <div className="filterpaneel__veld">
      <Label id={id} veld={veld} />
      <select id={`${id}-${veld}`} name={veld} className="utrecht-select utrecht-select--html-select" value={waarde} onChange={(e) => onWijzig(e.currentTarget.value)}>
        {opties.map((o) => (
          <option key={o.waarde} value={o.waarde}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A text filter with the register's own values as suggestions (a datalist, which browsers and
 * screen readers present as a combobox). Part of a name is enough: the register matches it
 * without case and accents. A value picked from the list applies at once.
 */
function FilterSuggestie({ id, veld, waarde, onWijzig }: { id: string; veld: Suggestieveld; waarde: string; onWijzig: (w: string, direct: boolean) => void }) {
  const [suggesties, setSuggesties] = useState<readonly Suggestie[]>([]);
  const lijst = `${id}-${veld}-suggesties`;
  const wacht = useRef<number | undefined>(undefined);
  const waarden = useMemo(() => new Set(suggesties.map((s) => s.waarde)), [suggesties]);

  useEffect(() => () => window.clearTimeout(wacht.current), []);

  const typ = (w: string) => {
    onWijzig(w, waarden.has(w));
    window.clearTimeout(wacht.current);
    if (!w.trim()) {
      setSuggesties([]);
      return;
    }
    wacht.current = window.setTimeout(() => {
      vraag<{ suggesties: Suggestie[] }>(metZoek('/api/suggesties', { veld, q: w, max: 10 }))
        .then((r) => setSuggesties(r.suggesties))
        .catch(() => setSuggesties([]));
    }, 150);
  };

  return (
    <div className="filterpaneel__veld">
      <Label id={id} veld={veld} />
      <input id={`${id}-${veld}`} name={veld} type="text" className="utrecht-textbox utrecht-textbox--html-input" list={lijst} autoComplete="off" value={waarde} onChange={(e) => typ(e.currentTarget.value)} />
      <datalist id={lijst}>
        {suggesties.map((s) => (
          <option key={s.waarde} value={s.waarde} label={`${s.toelichting ? `${s.toelichting} · ` : ''}${s.aantal} ${s.aantal === 1 ? 'item' : 'items'}`} />
        ))}
      </datalist>
    </div>
  );
}
