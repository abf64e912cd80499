import { Alert, Button, Heading, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useEffect, useState } from 'react';
import { ApiFout, bewaar, vraag } from '../api';
import { Formulier, Veld, Waarden } from '../onderdelen/formulier';
import { StatusLabel } from '../onderdelen/status';
import { metZoek, navigeer } from '../router';
import { sessie } from '../sessie';
import { ItemPagina, STATUS_LABEL, datumNl } from '../types';
import { celwaarden, registerCsv } from './register-csv';

export const FILTERS = ['soort', 'status', 'zoek', 'lid', 'fractie', 'bewindspersoon', 'thema', 'achterstalligOp'] as const;

const VELDEN: Veld[] = [
  { naam: 'zoek', label: 'Zoeken', beschrijving: 'In nummer, titel, tekst en voortgang' },
  { naam: 'soort', label: 'Soort', soort: 'keuze', opties: [{ waarde: '', label: 'Moties en toezeggingen' }, { waarde: 'motie', label: 'Moties' }, { waarde: 'toezegging', label: 'Toezeggingen' }] },
  {
    naam: 'status',
    label: 'Status',
    soort: 'keuze',
    opties: [
      { waarde: '', label: 'Alle' },
      { waarde: 'open', label: 'Open (in behandeling of deels afgedaan)' },
      ...Object.entries(STATUS_LABEL).map(([waarde, label]) => ({ waarde, label })),
    ],
  },
  { naam: 'lid', label: 'Kamerlid' },
  { naam: 'fractie', label: 'Fractie' },
  { naam: 'bewindspersoon', label: 'Bewindspersoon' },
  { naam: 'thema', label: 'Thema' },
  { naam: 'achterstalligOp', label: 'Achterstallig op', soort: 'datum', beschrijving: 'Alleen open items waarvan de termijn vóór deze datum verliep' },
];

const KOLOMMEN: { sleutel: string; label: string; sorteer?: string }[] = [
  { sleutel: 'nummer', label: 'Nummer', sorteer: 'nummer' },
  { sleutel: 'titel', label: 'Titel', sorteer: 'titel' },
  { sleutel: 'leden', label: 'Leden' },
  { sleutel: 'bewindspersoon', label: 'Bewindspersoon' },
  { sleutel: 'thema', label: 'Thema' },
  { sleutel: 'status', label: 'Status', sorteer: 'status' },
  { sleutel: 'termijn', label: 'Termijn', sorteer: 'termijn' },
];

/** The register: filters in the URL (a view can be bookmarked and shared), sorting, paging, CSV. */
export function RegisterPagina({ zoek }: { zoek: URLSearchParams }) {
  const filters: Waarden = Object.fromEntries(FILTERS.map((f) => [f, zoek.get(f) ?? '']));
  const sorteer = zoek.get('sorteer') ?? '';
  const pagina = Number(zoek.get('pagina') ?? '1') || 1;
  const perPagina = Number(zoek.get('perPagina') ?? '25') || 25;
  const [invoer, setInvoer] = useState<Waarden>(filters);
  const [data, setData] = useState<ItemPagina | null>(null);
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);
  const sleutel = zoek.toString();

  useEffect(() => {
    setInvoer(Object.fromEntries(FILTERS.map((f) => [f, zoek.get(f) ?? ''])));
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

  const url = (extra: Record<string, string | number>) => metZoek('/register', { ...filters, sorteer, perPagina: perPagina === 25 ? '' : perPagina, pagina: '', ...extra });
  const paginas = data ? Math.max(1, Math.ceil(data.totaal / data.perPagina)) : 1;

  const exporteer = () => {
    if (!data) return;
    bewaar(new Blob([registerCsv(data.items)], { type: 'text/csv;charset=utf-8' }), `register-${data.peildatum}${pagina > 1 ? `-pagina-${pagina}` : ''}.csv`);
  };

  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Register
      </Heading>
      <details className="filters" open={FILTERS.some((f) => filters[f]) || undefined}>
        <summary>Filters{FILTERS.some((f) => filters[f]) ? ` (${FILTERS.filter((f) => filters[f]).length} actief)` : ''}</summary>
        <Formulier
          id="filters"
          velden={VELDEN}
          waarden={invoer}
          onWijzig={setInvoer}
          onVerstuur={() => navigeer(url({ ...invoer }))}
          knop="Filteren"
          bezig={false}
          fout={fout?.status === 400 ? fout : null}
          na={
            <Paragraph>
              <Link href="/register">Alle filters wissen</Link>
            </Paragraph>
          }
        />
      </details>
      {fout && fout.status !== 400 && <Alert type="error"><Paragraph>{fout.message}</Paragraph></Alert>}
      <div className="register__balk" aria-live="polite">
        <Paragraph>
          {bezig ? 'Bezig met laden…' : data ? `${data.totaal.toLocaleString('nl-NL')} ${data.totaal === 1 ? 'item' : 'items'}${data.totaal > 0 ? `, pagina ${data.pagina} van ${paginas}` : ''}` : ''}
        </Paragraph>
        <div className="register__acties">
          {sessie.heeft('griffier') && (
            <>
              <Link href="/nieuw/motie">Nieuwe motie</Link>
              <Link href="/nieuw/toezegging">Nieuwe toezegging</Link>
            </>
          )}
          <Button appearance="secondary-action-button" type="button" onClick={exporteer} disabled={!data || data.items.length === 0}>
            Exporteer CSV (deze pagina)
          </Button>
        </div>
      </div>
      {data && data.items.length > 0 && (
        <div className="tabel-houder">
          <Table className="register-tabel">
            <TableCaption className="visueel-verborgen">Moties en toezeggingen{data.totaal > data.items.length ? `, pagina ${data.pagina}` : ''}</TableCaption>
            <TableHeader>
              <TableRow>
                {KOLOMMEN.map((k) => {
                  const actief = sorteer === k.sorteer || sorteer === `-${k.sorteer}`;
                  const aflopend = sorteer === `-${k.sorteer}`;
                  return (
                    <TableHeaderCell key={k.sleutel} scope="col" aria-sort={actief ? (aflopend ? 'descending' : 'ascending') : undefined}>
                      {k.sorteer ? (
                        <Link href={url({ sorteer: actief && !aflopend ? `-${k.sorteer}` : k.sorteer })}>
                          {k.label}
                          <span className="visueel-verborgen">, sorteer {actief && !aflopend ? 'aflopend' : 'oplopend'}</span>
                          {actief ? (aflopend ? ' ▼' : ' ▲') : ''}
                        </Link>
                      ) : (
                        k.label
                      )}
                    </TableHeaderCell>
                  );
                })}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((item) => {
                const c = celwaarden(item);
                return (
                  <TableRow key={item.itemId} className={item.achterstallig ? 'rij--achterstallig' : undefined}>
                    <TableCell>
                      <Link href={`/items/${item.itemId}`}>{item.nummer}</Link>
                      <div className="klein">{item.soort}</div>
                    </TableCell>
                    <TableCell>{c.titel}</TableCell>
                    <TableCell>{c.leden}</TableCell>
                    <TableCell>{c.bewindspersoon}</TableCell>
                    <TableCell>{c.thema}</TableCell>
                    <TableCell>
                      <StatusLabel item={item} />
                    </TableCell>
                    <TableCell>
                      {item.termijn ? item.termijn.omschrijving : ''}
                      {item.termijn?.datum && <div className="klein">{datumNl(item.termijn.datum)}</div>}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      {data && data.items.length === 0 && <Paragraph>Geen items die aan deze filters voldoen.</Paragraph>}
      {data && paginas > 1 && (
        <nav aria-label="Paginering" className="paginering">
          {pagina > 1 && <Link href={url({ pagina: pagina - 1 })}>Vorige pagina</Link>}
          <span>
            Pagina {pagina} van {paginas}
          </span>
          {pagina < paginas && <Link href={url({ pagina: pagina + 1 })}>Volgende pagina</Link>}
        </nav>
      )}
    </>
  );
}
