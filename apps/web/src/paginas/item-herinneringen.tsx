import { Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useEffect, useState } from 'react';
import { vraag } from '../api';
import { datumNl } from '../types';

interface Herinnering {
  readonly herinneringId: string;
  readonly soort: 'behandelaar' | 'bewindspersoon';
  readonly datum: string;
  readonly ontvanger: { readonly email: string; readonly naam: string };
  readonly status: 'Voorbereid' | 'Verstuurd' | 'Mislukt';
  readonly reden: string | null;
  readonly verstuurdOp: string | null;
  readonly item?: { readonly achterstallig: boolean };
}

const STATUS: Record<Herinnering['status'], string> = { Voorbereid: 'opgesteld, niet bevestigd', Verstuurd: 'verstuurd', Mislukt: 'niet verstuurd' };

/**
 * For the griffie and auditors: the reminder mails that named this item — to whom, on which day,
 * as overdue or falling due, and whether the mail server accepted them. The proof that the owner knew.
 */
export function ItemHerinneringen({ itemId }: { itemId: string }) {
  const [lijst, setLijst] = useState<{ totaal: number; herinneringen: Herinnering[] } | null>(null);
  useEffect(() => {
    let actueel = true;
    vraag<{ totaal: number; herinneringen: Herinnering[] }>(`/api/herinneringen?itemId=${itemId}&perPagina=20`)
      .then((l) => actueel && setLijst(l))
      .catch(() => actueel && setLijst(null));
    return () => {
      actueel = false;
    };
  }, [itemId]);
  if (!lijst) return null;
  return (
    <section aria-labelledby="herinneringen">
      <Heading level={2} id="herinneringen">
        Herinneringen
      </Heading>
      {lijst.totaal === 0 ? (
        <Paragraph>Dit item stond nog in geen herinneringsmail.</Paragraph>
      ) : (
        <div className="tabel-houder">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Dag</TableHeaderCell>
                <TableHeaderCell scope="col">Aan</TableHeaderCell>
                <TableHeaderCell scope="col">Als</TableHeaderCell>
                <TableHeaderCell scope="col">Uitkomst</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lijst.herinneringen.map((h) => (
                <TableRow key={h.herinneringId}>
                  <TableCell>{datumNl(h.datum)}</TableCell>
                  <TableCell>
                    {h.ontvanger.naam} ({h.ontvanger.email}){h.soort === 'bewindspersoon' ? ', weekoverzicht' : ''}
                  </TableCell>
                  <TableCell>{h.item?.achterstallig ? 'over de termijn' : 'binnenkort'}</TableCell>
                  <TableCell>
                    {STATUS[h.status]}
                    {h.verstuurdOp ? ` ${datumNl(h.verstuurdOp)}` : ''}
                    {h.reden ? `: ${h.reden}` : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {lijst.totaal > lijst.herinneringen.length && <Paragraph>De nieuwste {lijst.herinneringen.length} van {lijst.totaal}.</Paragraph>}
        </div>
      )}
    </section>
  );
}
