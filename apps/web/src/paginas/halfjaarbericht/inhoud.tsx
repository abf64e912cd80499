import { Alert, Button, Heading, Link, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { MouseEvent, useState } from 'react';
import { ApiFout, vraag } from '../../api';
import { OpdrachtAntwoord } from '../../types';
import { Regel, Overzicht, VERKLAARD, Gewijzigd } from './model';

/** The report's entries per kind, with their declared status; in a draft each can be edited or taken out. */
export function Inhoud({ bericht, bewerkbaar, onGewijzigd, onBewerk }: { bericht: Overzicht; bewerkbaar: boolean; onGewijzigd: Gewijzigd; onBewerk: (r: Regel) => void }) {
  const [fout, setFout] = useState<ApiFout | null>(null);
  const verwijder = async (pad: string, wat: string) => {
    try {
      setFout(null);
      await onGewijzigd(`${wat} is uit het bericht gehaald.`, await vraag<OpdrachtAntwoord>(`/api/halfjaarberichten/${bericht.berichtId}/${pad}`, { methode: 'DELETE' }));
    } catch (e) {
      setFout(e as ApiFout);
    }
  };
  const lijst = (titel: string, regels: Regel[]) => (
    <section aria-labelledby={`lijst-${titel}`}>
      <Heading level={2} id={`lijst-${titel}`} tabIndex={-1}>
        {titel} ({regels.length})
      </Heading>
      {regels.length === 0 ? (
        <Paragraph>Nog geen {titel.toLowerCase()} opgenomen.</Paragraph>
      ) : (
        <div className="tabel-houder">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Nummer</TableHeaderCell>
                <TableHeaderCell scope="col">Sectie</TableHeaderCell>
                <TableHeaderCell scope="col">Verklaarde status</TableHeaderCell>
                <TableHeaderCell scope="col">Tekst in het bericht</TableHeaderCell>
                {bewerkbaar && <TableHeaderCell scope="col">Actie</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {regels.map((r) => (
                <TableRow key={r.itemId}>
                  <TableCell>
                    <Link href={`/items/${r.itemId}`}>{r.nummer}</Link>
                    <div className="klein">{r.titel}</div>
                  </TableCell>
                  <TableCell>{r.sectie}</TableCell>
                  <TableCell>{VERKLAARD[r.status]}</TableCell>
                  <TableCell>{r.tekst}</TableCell>
                  {bewerkbaar && (
                    <TableCell>
                      <Button appearance="subtle-button" type="button" onClick={() => onBewerk({ ...r })}>
                        Bewerk {r.nummer}
                      </Button>
                      <Button appearance="subtle-button" type="button" onClick={() => verwijder(`items/${r.itemId}`, r.nummer)}>
                        Verwijder {r.nummer}
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
  // In-page links: the router takes over link clicks, so a jump is scrolled and focused here.
  const spring = (e: MouseEvent, id: string) => {
    e.preventDefault();
    const kop = document.getElementById(id);
    kop?.scrollIntoView({ block: 'start' });
    kop?.focus({ preventScroll: true });
  };
  return (
    <>
      {fout && (
        <Alert type="error">
          <Paragraph>{fout.message}</Paragraph>
        </Alert>
      )}
      <nav aria-label="In dit bericht" className="sprongen">
        {(
          [
            ['lijst-Toezeggingen', `Toezeggingen (${bericht.toezeggingen.length})`],
            ['lijst-Moties', `Moties (${bericht.moties.length})`],
            ['lijst-zaken', `Aanvullende zaken (${bericht.aanvullendeZaken.length})`],
          ] as const
        ).map(([id, label]) => (
          <Link key={id} href={`#${id}`} onClick={(e: MouseEvent) => spring(e, id)}>
            {label}
          </Link>
        ))}
      </nav>
      {lijst('Toezeggingen', bericht.toezeggingen)}
      {lijst('Moties', bericht.moties)}
      <section aria-labelledby="lijst-zaken">
        <Heading level={2} id="lijst-zaken" tabIndex={-1}>
          Aanvullende zaken ({bericht.aanvullendeZaken.length})
        </Heading>
        <ul>
          {bericht.aanvullendeZaken.map((z) => (
            <li key={z.zaakId}>
              <strong>{z.titel}</strong> ({z.sectie}): {z.tekst}{' '}
              {bewerkbaar && (
                <Button appearance="subtle-button" type="button" onClick={() => verwijder(`zaken/${z.zaakId}`, z.titel)}>
                  Verwijder
                </Button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
