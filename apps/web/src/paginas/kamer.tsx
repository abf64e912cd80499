import { Alert, Button, Heading, Link, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useCallback, useEffect, useState } from 'react';
import { ApiFout, vraag } from '../api';
import { metZoek } from '../router';
import { sessie } from '../sessie';
import { datumNl } from '../types';

type Soort = 'afgedaan-hier-open-daar' | 'open-hier-afgedaan-daar' | 'vervallen-daar-open-hier' | 'niet-aangenomen-bij-kamer' | 'onbekend-bij-kamer' | 'verwijderd-bij-kamer' | 'niet-beoordeeld';

interface Verschil {
  readonly soort: Soort;
  readonly sinds: string;
  readonly dagen: number;
  readonly item: { itemId: string; nummer: string; titel: string; status: string } | null;
  /** Null: a number the Kamer does not know. */
  readonly kamer: { kamerId: string; entiteit: string; nummer: string | null; status: string | null; datumNakoming: string | null; url: string } | null;
  readonly voorstel: { id: string; batchId: string } | null;
}

interface Verschillen {
  readonly verschillen: Verschil[];
  readonly telling: Record<Soort, number>;
  readonly totaal: number;
  readonly koppelingAan: boolean;
}

interface Koppeling {
  readonly toestand: 'uit' | 'in orde' | 'verstoord';
  readonly aan: boolean;
  readonly volgende: string | null;
  readonly bezig: boolean;
  readonly laatste: { begonnen: string; klaar: string | null; door: string; resultaat: { melding: string; fout: string | null; bezet: boolean } | null; fout: string | null } | null;
  readonly laatsteSucces: string | null;
  readonly stand: { batchId: string; watermerk: string | null; voorstellen: number; open: number } | null;
}

const SOORTEN: { soort: Soort; label: string; uitleg: string }[] = [
  { soort: 'afgedaan-hier-open-daar', label: 'Afgedaan hier, open bij de Kamer', uitleg: 'Het register noemt de toezegging afgedaan; de Kamer houdt hem open. Stuur de Kamer de brief, of heropen het item.' },
  { soort: 'open-hier-afgedaan-daar', label: 'Open hier, afgedaan bij de Kamer', uitleg: 'De Kamer noemt de toezegging afgedaan. Het voorstel om hem af te doen staat in de inbox.' },
  { soort: 'vervallen-daar-open-hier', label: 'Vervallen bij de Kamer', uitleg: 'De Kamer liet de toezegging vervallen; in het register is hij open.' },
  { soort: 'niet-aangenomen-bij-kamer', label: 'Niet aangenomen bij de Kamer', uitleg: 'Een motie in het register waarvan de Kamer de stemming nu anders vastlegt (verworpen, aangehouden). Controleer het Kamerverslag.' },
  { soort: 'onbekend-bij-kamer', label: 'Onbekend bij de Kamer', uitleg: 'Een toezegging in het register met een TZ-nummer dat de Kamer, gevraagd, niet kent. Controleer het nummer.' },
  { soort: 'verwijderd-bij-kamer', label: 'Verwijderd bij de Kamer', uitleg: 'De Kamer verwijderde het record; het register kent het item nog.' },
  { soort: 'niet-beoordeeld', label: 'Nog niet beoordeeld', uitleg: 'Een toezegging van de Kamer waarover nog niemand besliste (aanvaarden of afwijzen in de inbox).' },
];

const STATUS_NL: Record<string, string> = { InBehandeling: 'In behandeling', DeelsAfgedaan: 'Deels afgedaan', Afgedaan: 'Afgedaan', Vervallen: 'Vervallen' };

/**
 * The liaison's view of the Kamer: where the register and the Tweede Kamer's open data disagree,
 * each row linking both sides; how the link stands, and for the griffier a button to ask now.
 */
export function KamerPagina({ zoek }: { zoek: URLSearchParams }) {
  const soort = (zoek.get('soort') as Soort | null) ?? null;
  const [data, setData] = useState<Verschillen | null>(null);
  const [koppeling, setKoppeling] = useState<Koppeling | null>(null);
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [melding, setMelding] = useState<string | null>(null);

  const laad = useCallback(async () => {
    try {
      const [verschillen, status] = await Promise.all([vraag<Verschillen>(metZoek('/api/kamer/verschillen', soort ? { soort, perPagina: '500' } : { perPagina: '500' })), vraag<Koppeling>('/api/kamer/status')]);
      setData(verschillen);
      setKoppeling(status);
      setFout(null);
    } catch (e) {
      setFout(e as ApiFout);
    }
  }, [soort]);
  useEffect(() => {
    void laad();
  }, [laad]);

  // While a run goes, ask every second how it stands; the differences are read again when it ends.
  useEffect(() => {
    if (!koppeling?.bezig) return;
    const klok = setInterval(async () => {
      const status = await vraag<Koppeling>('/api/kamer/status').catch(() => null);
      if (!status) return;
      setKoppeling(status);
      if (!status.bezig) {
        clearInterval(klok);
        const r = status.laatste?.resultaat;
        setMelding(r ? r.melding : (status.laatste?.fout ?? null));
        void laad();
      }
    }, 1000);
    return () => clearInterval(klok);
  }, [koppeling?.bezig, laad]);

  const synchroniseer = async () => {
    setMelding(null);
    try {
      const { koppeling: status } = await vraag<{ koppeling: Koppeling }>('/api/kamer/synchronisatie', { methode: 'POST' });
      setKoppeling(status);
    } catch (e) {
      setFout(e as ApiFout);
    }
  };

  const kop = (
    <Heading level={1} tabIndex={-1}>
      Tweede Kamer
    </Heading>
  );
  if (!data || !koppeling) {
    return (
      <>
        {kop}
        {fout ? (
          <Alert type="error" role="alert">
            <Paragraph>{fout.message}</Paragraph>
          </Alert>
        ) : (
          <Paragraph aria-live="polite">Bezig met laden…</Paragraph>
        )}
      </>
    );
  }
  const uitleg = soort ? SOORTEN.find((s) => s.soort === soort)?.uitleg : null;
  return (
    <>
      {kop}
      <Paragraph>Waar het register en de open data van de Tweede Kamer het oneens zijn. Niets verandert vanzelf: wat de Kamer meldt, komt als voorstel in de inbox.</Paragraph>
      <Status koppeling={koppeling} />
      {sessie.heeft('griffier') && koppeling.aan && (
        <Paragraph>
          <Button appearance="secondary-action-button" type="button" onClick={synchroniseer} disabled={koppeling.bezig} aria-describedby="kamer-toestand">
            {koppeling.bezig ? 'Bezig met vragen…' : 'Vraag de Kamer nu'}
          </Button>{' '}
          {koppeling.stand && koppeling.stand.open > 0 && (
            <Link href={`/importen/${koppeling.stand.batchId}`}>
              {koppeling.stand.open} open {koppeling.stand.open === 1 ? 'voorstel' : 'voorstellen'} in de inbox
            </Link>
          )}
        </Paragraph>
      )}
      {melding && (
        <Alert type="info" role="status">
          <Paragraph>{melding}</Paragraph>
        </Alert>
      )}
      {fout && (
        <Alert type="error" role="alert">
          <Paragraph>{fout.message}</Paragraph>
        </Alert>
      )}
      <nav aria-label="Soort verschil" className="kamer-soorten">
        <Link href="/kamer" aria-current={soort === null ? 'page' : undefined}>
          Alle ({Object.values(data.telling).reduce((a, b) => a + b, 0)})
        </Link>
        {SOORTEN.map((s) => (
          <Link key={s.soort} href={metZoek('/kamer', { soort: s.soort })} aria-current={soort === s.soort ? 'page' : undefined}>
            {s.label} ({data.telling[s.soort]})
          </Link>
        ))}
      </nav>
      {uitleg && <Paragraph className="klein">{uitleg}</Paragraph>}
      {data.verschillen.length === 0 ? (
        <Paragraph>{soort ? 'Geen verschillen van deze soort.' : 'Het register en de Kamer zijn het eens.'}</Paragraph>
      ) : (
        <div className="tabel-houder">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Item</TableHeaderCell>
                <TableHeaderCell scope="col">Verschil</TableHeaderCell>
                <TableHeaderCell scope="col">Register</TableHeaderCell>
                <TableHeaderCell scope="col">Tweede Kamer</TableHeaderCell>
                <TableHeaderCell scope="col">Sinds</TableHeaderCell>
                <TableHeaderCell scope="col" alignCell="end">
                  Dagen
                </TableHeaderCell>
                <TableHeaderCell scope="col">Verder</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.verschillen.map((v) => (
                <TableRow key={`${v.soort}-${v.kamer?.kamerId ?? v.item?.itemId}`}>
                  <TableHeaderCell scope="row">
                    {v.item ? <Link href={`/items/${v.item.itemId}`}>{v.item.nummer}</Link> : (v.kamer?.nummer ?? v.kamer?.kamerId)}
                    {v.item && <div className="klein">{v.item.titel}</div>}
                  </TableHeaderCell>
                  <TableCell>{SOORTEN.find((s) => s.soort === v.soort)?.label ?? v.soort}</TableCell>
                  <TableCell>{v.item ? (STATUS_NL[v.item.status] ?? v.item.status) : 'Niet geregistreerd'}</TableCell>
                  <TableCell>
                    {v.kamer ? (v.kamer.status ?? 'zonder status') : 'Niet bekend'}
                    {v.kamer?.datumNakoming && <div className="klein">nagekomen {datumNl(v.kamer.datumNakoming)}</div>}
                  </TableCell>
                  <TableCell>{datumNl(v.sinds)}</TableCell>
                  <TableCell className="getal">{v.dagen}</TableCell>
                  <TableCell>
                    {v.voorstel && (
                      <>
                        <Link href={metZoek(`/importen/${v.voorstel.batchId}`, { voorstel: v.voorstel.id })}>Voorstel in de inbox</Link>
                        <br />
                      </>
                    )}
                    {v.kamer && (
                      <Link href={v.kamer.url} target="_blank" rel="noopener noreferrer">
                        Record bij de Kamer
                      </Link>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

function Status({ koppeling }: { koppeling: Koppeling }) {
  if (!koppeling.aan) {
    return (
      <Alert type="info" id="kamer-toestand">
        <Paragraph>De koppeling met de Tweede Kamer staat uit. De beheerder zet haar aan met TK_ODATA_URL of TK_SYNC=aan en TK_MINISTERIE.</Paragraph>
      </Alert>
    );
  }
  const l = koppeling.laatste;
  const fout = l?.fout ?? l?.resultaat?.fout ?? null;
  return (
    <Alert type={koppeling.toestand === 'verstoord' ? 'warning' : 'info'} id="kamer-toestand" role="status">
      <Paragraph>
        {koppeling.toestand === 'verstoord' ? 'De laatste vraag aan de Kamer mislukte: ' : 'De koppeling is in orde. '}
        {fout && `${fout} `}
        {koppeling.stand?.watermerk && `Gelezen tot ${datumNl(koppeling.stand.watermerk)}. `}
        {koppeling.laatsteSucces && `Laatst gelukt ${datumNl(koppeling.laatsteSucces)}. `}
        {koppeling.volgende && `Volgende keer ${datumNl(koppeling.volgende)}.`}
      </Paragraph>
    </Alert>
  );
}
