import { Heading, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { ImportDetail, Voorstel, datumNl } from '../../types';
import { stappenTekst, voorstelNaam } from './model';

function wat(v: Voorstel) {
  if (v.afhandeling === 'aanvaard') return `Aanvaard: ${stappenTekst(v.stappen) || 'geen wijziging nodig'}${v.gewijzigdeVelden.length ? ` (aangepast: ${v.gewijzigdeVelden.join(', ')})` : ''}`;
  if (v.afhandeling === 'samengevoegd') return `Samengevoegd${v.stappen.length ? `: ${stappenTekst(v.stappen)}` : ''}`;
  return `Afgewezen${v.reden ? `: ${v.reden}` : ''}`;
}

/** Who read the document in, and who accepted, merged or rejected which proposal, when. */
export function ImportHistorie({ detail, onKies }: { detail: ImportDetail; onKies: (v: Voorstel) => void }) {
  const afgehandeld = detail.voorstellen.filter((v) => v.afhandeling !== 'open' && v.afgehandeldOp).sort((a, b) => (a.afgehandeldOp! < b.afgehandeldOp! ? -1 : a.afgehandeldOp! > b.afgehandeldOp! ? 1 : Number(a.voorstelId) - Number(b.voorstelId)));
  return (
    <section aria-labelledby="historie-titel">
      <Heading level={2} id="historie-titel">
        Geschiedenis van deze import
      </Heading>
      <Paragraph className="klein">
        {afgehandeld.length} van {detail.voorstellen.length} voorstellen afgehandeld.
      </Paragraph>
      <div className="tabel-houder">
        <Table>
          <TableCaption className="visueel-verborgen">Geschiedenis van deze import, oudste eerst</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
              <TableHeaderCell scope="col">Wie</TableHeaderCell>
              <TableHeaderCell scope="col">Voorstel</TableHeaderCell>
              <TableHeaderCell scope="col">Wat</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            <TableRow>
              <TableCell>{datumNl(detail.ingelezenOp)}</TableCell>
              <TableCell>{detail.ingelezenDoor}</TableCell>
              <TableCell>{detail.bestandsnaam}</TableCell>
              <TableCell>Ingelezen: {detail.voorstellen.length} voorstellen</TableCell>
            </TableRow>
            {afgehandeld.map((v) => (
              <TableRow key={v.id}>
                <TableCell>{datumNl(v.afgehandeldOp)}</TableCell>
                <TableCell>{v.afgehandeldDoor ?? '—'}</TableCell>
                <TableCell>
                  <button type="button" className="linkknop" onClick={() => onKies(v)}>
                    {voorstelNaam(v)}
                  </button>
                  {v.itemId && (
                    <>
                      {' · '}
                      <Link href={`/items/${v.itemId}`}>naar het item</Link>
                    </>
                  )}
                </TableCell>
                <TableCell>{wat(v)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
