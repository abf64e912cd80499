import { Alert, Heading, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useCallback, useEffect, useState } from 'react';
import { ApiFout, vraag } from '../api';
import { metZoek, navigeer } from '../router';
import { sessie } from '../sessie';
import { ImportSamenvatting, Ingelezen, datumNl } from '../types';
import { UploadFormulier } from './importen/upload';

const FORMAAT: Record<ImportSamenvatting['formaat'], string> = { txt: 'tekst', docx: 'Word', pdf: 'PDF', xlsx: 'Excel', csv: 'CSV', odata: 'open data van de Tweede Kamer' };

export const grootte = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`);

/** The documents read into the inbox, newest first, and (for the griffier) the upload. */
export function ImportenPagina() {
  const [importen, setImporten] = useState<ImportSamenvatting[] | null>(null);
  const [laadFout, setLaadFout] = useState<ApiFout | null>(null);
  const [melding, setMelding] = useState<{ tekst: string; batchId: string } | null>(null);

  const laad = useCallback(async (minimalePositie?: string) => {
    try {
      const antwoord = await vraag<{ importen: ImportSamenvatting[] }>(metZoek('/api/importen', { minimalePositie }));
      setImporten(antwoord.importen);
      setLaadFout(null);
    } catch (e) {
      setLaadFout(e as ApiFout);
    }
  }, []);

  useEffect(() => {
    void laad();
  }, [laad]);

  const ingelezen = (antwoord: Ingelezen, bestandsnaam: string) => {
    if (antwoord.nieuw) {
      navigeer(metZoek(`/importen/${antwoord.batchId}`, { positie: antwoord.positie }));
      return;
    }
    // The same bytes make the same batch: nothing new, so the clerk is pointed at the one there is.
    setMelding({ tekst: `${bestandsnaam} was al eerder ingelezen: er komt niets nieuws bij (${antwoord.voorstellen} voorstellen).`, batchId: antwoord.batchId });
    void laad(antwoord.positie);
  };

  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Importen
      </Heading>
      <Paragraph className="ingang">Bestaande halfjaarberichten en registerlijsten inlezen, en de voorstellen die eruit komen beoordelen.</Paragraph>
      <div role="status">
        {melding && (
          <Alert type="info">
            <Paragraph>
              {melding.tekst} <Link href={`/importen/${melding.batchId}`}>Naar de eerdere import</Link>
            </Paragraph>
          </Alert>
        )}
      </div>
      {sessie.heeft('griffier') && (
        <section className="paneel" aria-labelledby="upload-titel">
          <UploadFormulier onIngelezen={ingelezen} />
        </section>
      )}
      <section aria-labelledby="importen-titel">
        <Heading level={2} id="importen-titel">
          Ingelezen documenten
        </Heading>
        {laadFout && (
          <Alert type="error">
            <Paragraph>{laadFout.message}</Paragraph>
          </Alert>
        )}
        {importen && importen.length === 0 && <Paragraph>Er is nog geen document ingelezen.</Paragraph>}
        {importen && importen.length > 0 && (
          <div className="tabel-houder">
            <Table className="importen-tabel">
              <TableCaption className="visueel-verborgen">Ingelezen documenten, nieuwste eerst</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Document</TableHeaderCell>
                  <TableHeaderCell scope="col">Datum van het bericht</TableHeaderCell>
                  <TableHeaderCell scope="col">Ingelezen</TableHeaderCell>
                  <TableHeaderCell scope="col">Voorstellen</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {importen.map((i) => (
                  <TableRow key={i.batchId} className={i.open > 0 ? 'rij--open' : undefined}>
                    <TableCell>
                      <Link href={`/importen/${i.batchId}`}>{i.bestandsnaam}</Link>
                      <div className="klein">
                        {FORMAAT[i.formaat] ?? i.formaat}{i.formaat === 'odata' ? '' : `, ${grootte(i.bytes)}`}
                        {i.referentie && i.referentie !== i.bestandsnaam ? ` · ${i.referentie}` : ''}
                      </div>
                    </TableCell>
                    <TableCell>{datumNl(i.datum)}</TableCell>
                    <TableCell>
                      {datumNl(i.ingelezenOp)}
                      <div className="klein">door {i.ingelezenDoor}</div>
                    </TableCell>
                    <TableCell>
                      {i.open > 0 ? <strong>{i.open} open</strong> : 'Alles beoordeeld'}
                      <div className="klein">van {i.aantal}</div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}
