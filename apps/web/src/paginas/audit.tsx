import { Alert, Heading, Link, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { Button } from '@rijkshuisstijl-community/components-react';
import { useEffect, useState } from 'react';
import { ApiFout, vraag } from '../api';
import { Formulier, Waarden } from '../onderdelen/formulier';
import { StatusLabel } from '../onderdelen/status';
import { metZoek, navigeer } from '../router';
import { Item, datumNl, vandaag } from '../types';

interface Tijdreis {
  readonly peilmoment: { as: 'zakelijk' | 'vastgelegd'; datum?: string; moment?: string };
  readonly totaal: number;
  readonly pagina: number;
  readonly perPagina: number;
  readonly items: Item[];
}

const PER_PAGINA = 100;

/** A verification job as GET/POST /api/audit/verificatie answer it. */
interface Verificatie {
  readonly status: 'bezig' | 'klaar' | 'mislukt';
  readonly gestartOp: string;
  readonly klaarOp?: string;
  readonly voortgang: { events: number; totaal: number };
  readonly fout?: string;
  readonly rapport?: {
    readonly streams: number;
    readonly events: number;
    readonly problemen: { stream: string; revision: number; positie?: string; reden: string }[];
    readonly intact: boolean;
    readonly kop?: { tekst: string };
  };
}

const wacht = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The auditor's view: the register as it was (by business date, or as it had been recorded at a
 * moment), the way to any item's history, and the tamper check of the event log.
 */
export function AuditPagina({ zoek }: { zoek: URLSearchParams }) {
  const as = zoek.get('as') === 'vastgelegd' ? 'vastgelegd' : 'zakelijk';
  const op = zoek.get('op') ?? '';
  const pagina = Number(zoek.get('pagina') ?? '1') || 1;
  const [waarden, setWaarden] = useState<Waarden>({ as, op: op || vandaag(), status: zoek.get('status') ?? '' });
  const [tijdreis, setTijdreis] = useState<Tijdreis | null>(null);
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);
  const [verificatie, setVerificatie] = useState<Verificatie | null>(null);
  const [controleert, setControleert] = useState(false);
  const [nummer, setNummer] = useState<Waarden>({ nummer: '' });
  const [nummerFout, setNummerFout] = useState<ApiFout | null>(null);

  useEffect(() => {
    if (!op) return;
    setBezig(true);
    const param = as === 'vastgelegd' ? { opMoment: new Date(`${op}T23:59:59.999`).toISOString() } : { opDatum: op };
    vraag<Tijdreis>(metZoek('/api/audit/register', { ...param, status: zoek.get('status') ?? '', pagina, perPagina: PER_PAGINA, weergave: 'kort' }))
      .then((t) => (setTijdreis(t), setFout(null)), setFout)
      .finally(() => setBezig(false));
  }, [as, op, pagina, zoek]);

  // The server keeps the last verification; a page opened later shows it.
  useEffect(() => {
    vraag<Verificatie>('/api/audit/verificatie').then(setVerificatie, () => undefined);
  }, []);

  /** Starts the check on the server (it runs in the background) and follows it until it is done. */
  const controleer = async () => {
    setControleert(true);
    try {
      let v = await vraag<Verificatie>('/api/audit/verificatie', { methode: 'POST', body: {} });
      while (v.status === 'bezig') {
        setVerificatie(v);
        await wacht(500);
        v = await vraag<Verificatie>('/api/audit/verificatie');
      }
      setVerificatie(v);
    } finally {
      setControleert(false);
    }
  };
  const rapport = verificatie?.status === 'klaar' ? verificatie.rapport : undefined;

  const zoekItem = async () => {
    try {
      const item = await vraag<Item>(`/api/items/nummer/${encodeURIComponent(nummer.nummer.trim())}`);
      navigeer(`/items/${item.itemId}`);
    } catch (e) {
      const f = e as ApiFout;
      setNummerFout(new ApiFout(f.status, f.status === 404 ? 'Niet gevonden' : f.titel, f.message, [{ veld: 'nummer', melding: f.status === 404 ? 'er is geen item met dit nummer' : f.message }]));
    }
  };

  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Audit
      </Heading>
      <section aria-labelledby="verificatie-titel" className="paneel">
        <Heading level={2} id="verificatie-titel">
          Is er niets veranderd?
        </Heading>
        <Paragraph>Elk event draagt een SHA-256-hash over het vorige event van zijn stroom en zijn eigen inhoud, en een schakel in de keten over het hele log. De controle rekent alle hashes na, op de achtergrond.</Paragraph>
        {verificatie?.status === 'bezig' && (
          <Paragraph role="status">
            Bezig: {verificatie.voortgang.events.toLocaleString('nl-NL')} van {verificatie.voortgang.totaal.toLocaleString('nl-NL')} events gecontroleerd.
          </Paragraph>
        )}
        {verificatie?.status === 'mislukt' && (
          <Alert type="error" role="status">
            <Paragraph>{verificatie.fout}</Paragraph>
          </Alert>
        )}
        {rapport && (
          <Alert type={rapport.intact ? 'ok' : 'error'} role="status">
            <Paragraph>
              <strong>{rapport.intact ? 'Intact.' : 'Niet intact!'}</strong> Laatste controle {datumNl(verificatie!.klaarOp ?? verificatie!.gestartOp)}: {rapport.events} events in {rapport.streams} stromen
              {rapport.problemen.length ? `, ${rapport.problemen.length} problemen` : ', geen problemen'}.
            </Paragraph>
            {rapport.problemen.length > 0 && (
              <ul>
                {rapport.problemen.slice(0, 50).map((p, i) => (
                  <li key={i}>
                    {p.stream} revisie {p.revision}
                    {p.positie ? ` (positie ${p.positie})` : ''}: {p.reden}
                  </li>
                ))}
              </ul>
            )}
            {rapport.intact && rapport.kop && (
              <Paragraph>
                Anker om buiten het register te bewaren (een latere controle met <code>verifieren --tegen</code> bewijst dat het log het voortzet): <code className="anker">{rapport.kop.tekst}</code>
              </Paragraph>
            )}
          </Alert>
        )}
        <Button appearance="secondary-action-button" type="button" onClick={controleer} busy={controleert}>
          {controleert ? 'Bezig met controleren…' : 'Controleer het log nu'}
        </Button>
      </section>

      <section aria-labelledby="historie-titel" className="paneel">
        <Heading level={2} id="historie-titel">
          Historie van een item
        </Heading>
        <Formulier id="historie" velden={[{ naam: 'nummer', label: 'Nummer', verplicht: true, beschrijving: 'Bijvoorbeeld 29628-1230 of TZ202412-156' }]} waarden={nummer} onWijzig={setNummer} onVerstuur={zoekItem} knop="Toon historie" bezig={false} fout={nummerFout} />
      </section>

      <section aria-labelledby="tijdreis-titel">
        <Heading level={2} id="tijdreis-titel">
          Het register zoals het was
        </Heading>
        <Formulier
          id="tijdreis"
          velden={[
            {
              naam: 'as',
              label: 'Tijdas',
              soort: 'keuze',
              verplicht: true,
              opties: [
                { waarde: 'zakelijk', label: 'Zakelijk: wat gold op die datum, met de kennis van nu (correcties tellen mee)' },
                { waarde: 'vastgelegd', label: 'Vastgelegd: wat het register aan het eind van die dag liet zien' },
              ],
            },
            { naam: 'op', label: 'Datum', soort: 'datum', verplicht: true },
            { naam: 'status', label: 'Status', soort: 'keuze', opties: [{ waarde: '', label: 'Alle' }, { waarde: 'open', label: 'Open' }] },
          ]}
          waarden={waarden}
          onWijzig={setWaarden}
          onVerstuur={() => navigeer(metZoek('/audit', waarden))}
          knop="Toon het register"
          bezig={bezig}
          fout={fout}
        />
        {tijdreis && (
          <>
            <Paragraph aria-live="polite">
              {tijdreis.totaal} items {tijdreis.peilmoment.as === 'zakelijk' ? `op ${datumNl(tijdreis.peilmoment.datum)} (zakelijke datum)` : `zoals vastgelegd op ${datumNl(tijdreis.peilmoment.moment)}`}.
            </Paragraph>
            <div className="tabel-houder">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Nummer</TableHeaderCell>
                    <TableHeaderCell scope="col">Titel</TableHeaderCell>
                    <TableHeaderCell scope="col">Status toen</TableHeaderCell>
                    <TableHeaderCell scope="col">Bewindspersoon toen</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {tijdreis.items.map((i) => (
                    <TableRow key={i.itemId}>
                      <TableCell>
                        <Link href={`/items/${i.itemId}`}>{i.nummer}</Link>
                      </TableCell>
                      <TableCell>{i.titel}</TableCell>
                      <TableCell>
                        <StatusLabel item={i} />
                      </TableCell>
                      <TableCell>{i.bewindspersoon}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            {tijdreis.totaal > tijdreis.perPagina && (
              <nav aria-label="Pagina's" className="paginering">
                {pagina > 1 && <Link href={metZoek('/audit', { as, op, status: zoek.get('status') ?? '', pagina: pagina - 1 })}>Vorige pagina</Link>}
                <span>
                  Pagina {pagina} van {Math.ceil(tijdreis.totaal / tijdreis.perPagina)}
                </span>
                {pagina * tijdreis.perPagina < tijdreis.totaal && <Link href={metZoek('/audit', { as, op, status: zoek.get('status') ?? '', pagina: pagina + 1 })}>Volgende pagina</Link>}
              </nav>
            )}
          </>
        )}
      </section>
    </>
  );
}
