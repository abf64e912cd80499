import { Alert, Button, Heading, Link, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useCallback, useEffect, useState } from 'react';
import { ApiFout, bestand, bewaar, vraag } from '../api';
import { Formulier, Waarden } from '../onderdelen/formulier';
import { metZoek } from '../router';
import { sessie } from '../sessie';
import { ItemPagina as ItemLijst, OpdrachtAntwoord, STATUS_LABEL, datumNl, vandaag } from '../types';

interface Regel {
  readonly volgnummer: number;
  readonly itemId: string;
  readonly soort: 'motie' | 'toezegging';
  readonly nummer: string;
  readonly titel: string;
  readonly sectie: string;
  readonly tekst: string;
  readonly status: 'afgedaan' | 'deels-afgedaan' | 'in-behandeling';
  readonly statuszin: string;
}

interface Zaak {
  readonly volgnummer: number;
  readonly zaakId: string;
  readonly sectie: string;
  readonly titel: string;
  readonly tekst: string;
}

interface Overzicht {
  readonly berichtId: string;
  readonly titel: string;
  readonly jaar: number;
  readonly helft: number;
  readonly peildatum: string;
  readonly status: 'Concept' | 'Verzonden';
  readonly verzondenOp: string | null;
  readonly kenmerk: string | null;
  readonly kamerstuk: string | null;
  readonly revisie: number;
  readonly secties: string[];
  readonly toezeggingen: Regel[];
  readonly moties: Regel[];
  readonly aanvullendeZaken: Zaak[];
  readonly telling: { afgedaan: number; deelsAfgedaan: number; inBehandeling: number };
  readonly nietGedekt: { totaal: number; items: { itemId: string; soort: string; nummer: string; titel: string; status: keyof typeof STATUS_LABEL; termijnDatum: string | null }[] };
  readonly vergelijking: null | { vorigBericht: { berichtId: string; titel: string }; nieuwAfgedaan: string[]; nieuw: string[]; nogOpen: string[]; nietMeerGenoemd: string[] };
}

const VERKLAARD: Record<Regel['status'], string> = { afgedaan: 'Afgedaan', 'deels-afgedaan': 'Deels afgedaan', 'in-behandeling': 'In behandeling' };
const FORMATEN = [
  { formaat: 'docx', label: 'Word (DOCX)' },
  { formaat: 'html', label: 'HTML' },
  { formaat: 'md', label: 'Markdown' },
  { formaat: 'csv', label: 'CSV' },
] as const;

/** The griffier's workspace for one report: compose, preview, send, download, compare. */
export function HalfjaarberichtPagina({ berichtId, positie }: { berichtId: string; positie?: string }) {
  const [bericht, setBericht] = useState<Overzicht | null>(null);
  const [laadFout, setLaadFout] = useState<ApiFout | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const [indeling, setIndeling] = useState<'verhalend' | 'tabel'>('verhalend');
  const [voorbeeld, setVoorbeeld] = useState<string | null>(null);
  const [bewerk, setBewerk] = useState<Regel | null>(null);

  const laad = useCallback(
    async (minimalePositie?: string) => {
      try {
        // The report read model and the register share one runner: waiting on the register waits on both.
        if (minimalePositie) await vraag(metZoek('/api/items', { perPagina: 1, minimalePositie }));
        setBericht(await vraag<Overzicht>(`/api/halfjaarberichten/${berichtId}`));
        setLaadFout(null);
      } catch (e) {
        setLaadFout(e as ApiFout);
      }
    },
    [berichtId],
  );

  useEffect(() => {
    void laad(positie);
  }, [laad, positie]);

  useEffect(() => {
    if (!bericht) return;
    vraag<string>(`/api/halfjaarberichten/${berichtId}/bijlage?formaat=html&indeling=${indeling}`).then(setVoorbeeld, () => setVoorbeeld(null));
  }, [bericht, berichtId, indeling]);

  // The message comes with the new state, not before it.
  const gewijzigd = async (tekst: string, antwoord: OpdrachtAntwoord) => {
    await laad(antwoord.positie);
    setMelding(tekst);
  };

  if (laadFout) {
    return (
      <>
        <Heading level={1} tabIndex={-1}>
          Halfjaarbericht niet gevonden
        </Heading>
        <Alert type="error">
          <Paragraph>{laadFout.message}</Paragraph>
        </Alert>
      </>
    );
  }
  if (!bericht) return <Paragraph aria-live="polite">Bezig met laden…</Paragraph>;

  const concept = bericht.status === 'Concept';
  const griffier = sessie.heeft('griffier');
  const regels = [...bericht.toezeggingen, ...bericht.moties];
  const nummerVan = (id: string) => regels.find((r) => r.itemId === id)?.nummer ?? 'item';

  return (
    <>
      <Paragraph className="klein">
        <Link href="/halfjaarberichten">Halfjaarberichten</Link> › {bericht.titel}
      </Paragraph>
      <Heading level={1} tabIndex={-1}>
        {bericht.titel}
      </Heading>
      <Paragraph>
        {concept ? 'Concept' : `Verzonden op ${datumNl(bericht.verzondenOp)}${bericht.kenmerk ? `, kenmerk ${bericht.kenmerk}` : ''}${bericht.kamerstuk ? `, ${bericht.kamerstuk}` : ''}`} · stand per {datumNl(bericht.peildatum)} ·{' '}
        {bericht.telling.afgedaan} afgedaan, {bericht.telling.deelsAfgedaan} deels afgedaan, {bericht.telling.inBehandeling} in behandeling
      </Paragraph>
      {melding && (
        <Alert type="ok" role="status">
          <Paragraph>{melding}</Paragraph>
        </Alert>
      )}

      <Inhoud bericht={bericht} bewerkbaar={concept && griffier} onGewijzigd={gewijzigd} onBewerk={setBewerk} />

      {concept && griffier && <ItemOpnemen bericht={bericht} onGewijzigd={gewijzigd} bewerk={bewerk} />}
      {concept && griffier && <ZaakOpnemen bericht={bericht} onGewijzigd={gewijzigd} />}

      {bericht.vergelijking && (
        <section aria-labelledby="vergelijking">
          <Heading level={2} id="vergelijking">
            Vergeleken met <Link href={`/halfjaarberichten/${bericht.vergelijking.vorigBericht.berichtId}`}>{bericht.vergelijking.vorigBericht.titel}</Link>
          </Heading>
          <ul>
            {(
              [
                ['Nieuw in dit bericht', bericht.vergelijking.nieuw],
                ['Nu afgedaan', bericht.vergelijking.nieuwAfgedaan],
                ['Nog open', bericht.vergelijking.nogOpen],
                ['Niet meer genoemd', bericht.vergelijking.nietMeerGenoemd],
              ] as const
            ).map(([label, ids]) => (
              <li key={label}>
                <strong>{label}</strong> ({ids.length}):{' '}
                {ids.map((id, n) => (
                  <span key={id}>
                    {n > 0 && ', '}
                    <Link href={`/items/${id}`}>{nummerVan(id)}</Link>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="voorbeeld">
        <Heading level={2} id="voorbeeld">
          {concept ? 'Voorbeeld van de bijlage' : 'De bijlage'}
        </Heading>
        <fieldset className="keuze-rij">
          <legend>Indeling</legend>
          {(['verhalend', 'tabel'] as const).map((i) => (
            <label key={i}>
              <input type="radio" name="indeling" value={i} checked={indeling === i} onChange={() => setIndeling(i)} /> {i === 'verhalend' ? 'Verhalend (zoals de bijlage)' : 'Tabel (omschrijving, vindplaats, stand van zaken)'}
            </label>
          ))}
        </fieldset>
        <div className="knoppenrij">
          {FORMATEN.map((f) => (
            <Button
              key={f.formaat}
              type="button"
              appearance="secondary-action-button"
              onClick={async () => {
                const { blob, naam } = await bestand(`/api/halfjaarberichten/${berichtId}/bijlage?formaat=${f.formaat}&indeling=${indeling}`);
                bewaar(blob, naam);
              }}
            >
              Download {f.label}
            </Button>
          ))}
        </div>
        {/* Always there, so the page does not jump when the preview arrives. */}
        <iframe className="voorbeeld" title={`Voorbeeld van de bijlage bij ${bericht.titel}`} sandbox="" srcDoc={voorbeeld ?? '<p style="font-family:sans-serif">Voorbeeld wordt geladen…</p>'} />
      </section>

      {concept && griffier && <Verzenden bericht={bericht} onGewijzigd={gewijzigd} onHerlaad={() => laad()} />}
      {!concept && griffier && !bericht.kamerstuk && <Kamerstuk bericht={bericht} onGewijzigd={gewijzigd} />}
    </>
  );
}

type Gewijzigd = (melding: string, antwoord: OpdrachtAntwoord) => Promise<void>;

function Inhoud({ bericht, bewerkbaar, onGewijzigd, onBewerk }: { bericht: Overzicht; bewerkbaar: boolean; onGewijzigd: Gewijzigd; onBewerk: (r: Regel) => void }) {
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
      <Heading level={2} id={`lijst-${titel}`}>
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
  return (
    <>
      {fout && (
        <Alert type="error">
          <Paragraph>{fout.message}</Paragraph>
        </Alert>
      )}
      {lijst('Toezeggingen', bericht.toezeggingen)}
      {lijst('Moties', bericht.moties)}
      <section aria-labelledby="lijst-zaken">
        <Heading level={2} id="lijst-zaken">
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

/** Search the register or take a suggestion (open items not yet covered), then write the entry. */
function ItemOpnemen({ bericht, onGewijzigd, bewerk }: { bericht: Overzicht; onGewijzigd: Gewijzigd; bewerk: Regel | null }) {
  const [zoekterm, setZoekterm] = useState('');
  const [resultaten, setResultaten] = useState<ItemLijst | null>(null);
  const [gekozen, setGekozen] = useState<{ itemId: string; nummer: string; titel: string } | null>(null);
  const [waarden, setWaarden] = useState<Waarden>({});
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);

  const zoek = async () => {
    setResultaten(await vraag<ItemLijst>(metZoek('/api/items', { zoek: zoekterm, perPagina: 10, weergave: 'kort' })).catch(() => null));
  };
  const kies = (i: { itemId: string; nummer: string; titel: string }, begin?: Waarden) => {
    setGekozen(i);
    setWaarden(begin ?? { sectie: bericht.secties[0], status: 'in-behandeling', tekst: '' });
    setFout(null);
    setTimeout(() => document.querySelector<HTMLElement>('#opnemen select')?.focus(), 0);
  };

  // "Bewerk" in the list: the same form, filled with what the report says now; sending replaces the entry.
  useEffect(() => {
    if (bewerk) kies(bewerk, { sectie: bewerk.sectie, status: bewerk.status, tekst: bewerk.tekst });
  }, [bewerk]);
  const neemOp = async () => {
    if (!gekozen) return;
    setBezig(true);
    try {
      const body = { itemId: gekozen.itemId, sectie: waarden.sectie, status: waarden.status, tekst: waarden.tekst?.trim() ?? '', ...(waarden.status === 'deels-afgedaan' ? { deel: waarden.deel?.trim() ?? '' } : {}) };
      const antwoord = await vraag<OpdrachtAntwoord>(`/api/halfjaarberichten/${bericht.berichtId}/items`, { methode: 'POST', body });
      setGekozen(null);
      await onGewijzigd(`${gekozen.nummer} is opgenomen.`, antwoord);
    } catch (e) {
      setFout(e as ApiFout);
    } finally {
      setBezig(false);
    }
  };

  const kiesKnop = (i: { itemId: string; nummer: string; titel: string }) => (
    <Button appearance="secondary-action-button" type="button" onClick={() => kies(i)}>
      Neem {i.nummer} op
    </Button>
  );

  return (
    <section aria-labelledby="opnemen-titel" className="paneel">
      <Heading level={2} id="opnemen-titel">
        Motie of toezegging opnemen
      </Heading>
      <form
        className="zoekrij"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void zoek();
        }}
      >
        <label htmlFor="opnemen-zoek">Zoek in het register</label>
        <input id="opnemen-zoek" className="utrecht-textbox utrecht-textbox--html-input" value={zoekterm} onChange={(e) => setZoekterm(e.target.value)} />
        <Button appearance="secondary-action-button" type="submit">
          Zoeken
        </Button>
      </form>
      {resultaten && (
        <ul aria-label="Zoekresultaten">
          {resultaten.items.length === 0 && <li>Niets gevonden.</li>}
          {resultaten.items.map((i) => (
            <li key={i.itemId}>
              {i.nummer} — {i.titel} ({STATUS_LABEL[i.status]}) {kiesKnop(i)}
            </li>
          ))}
        </ul>
      )}
      {bericht.nietGedekt.totaal > 0 && (
        <details>
          <summary>Suggesties: {bericht.nietGedekt.totaal} open items die dit bericht nog niet noemt</summary>
          <ul>
            {bericht.nietGedekt.items.slice(0, 25).map((i) => (
              <li key={i.itemId}>
                {i.nummer} — {i.titel}
                {i.termijnDatum ? ` (termijn ${datumNl(i.termijnDatum)})` : ''} {kiesKnop(i)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {gekozen && (
        <Formulier
          id="opnemen"
          titel={`${gekozen.nummer} opnemen: ${gekozen.titel}`}
          velden={[
            { naam: 'sectie', label: 'Sectie', soort: 'keuze', verplicht: true, opties: bericht.secties.map((s) => ({ waarde: s, label: s })) },
            { naam: 'status', label: 'Status in het bericht', soort: 'keuze', verplicht: true, opties: Object.entries(VERKLAARD).map(([waarde, label]) => ({ waarde, label })) },
            ...(waarden.status === 'deels-afgedaan' ? [{ naam: 'deel', label: 'Welk deel is afgedaan', verplicht: true }] : []),
            { naam: 'tekst', label: 'Stand van zaken', soort: 'tekstvak', verplicht: true, beschrijving: 'De tekst die in het bericht komt' },
          ]}
          waarden={waarden}
          onWijzig={setWaarden}
          onVerstuur={neemOp}
          knop="Opnemen in het bericht"
          bezig={bezig}
          fout={fout}
        />
      )}
    </section>
  );
}

function ZaakOpnemen({ bericht, onGewijzigd }: { bericht: Overzicht; onGewijzigd: Gewijzigd }) {
  const [waarden, setWaarden] = useState<Waarden>({ sectie: bericht.secties[0] });
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);
  return (
    <details className="paneel">
      <summary>Aanvullende zaak opnemen (geen motie of toezegging)</summary>
      <Formulier
        id="zaak"
        velden={[
          { naam: 'sectie', label: 'Sectie', soort: 'keuze', verplicht: true, opties: bericht.secties.map((s) => ({ waarde: s, label: s })) },
          { naam: 'titel', label: 'Titel', verplicht: true },
          { naam: 'tekst', label: 'Tekst', soort: 'tekstvak', verplicht: true },
        ]}
        waarden={waarden}
        onWijzig={setWaarden}
        onVerstuur={async () => {
          setBezig(true);
          try {
            const antwoord = await vraag<OpdrachtAntwoord>(`/api/halfjaarberichten/${bericht.berichtId}/zaken`, { methode: 'POST', body: { sectie: waarden.sectie, titel: waarden.titel?.trim() ?? '', tekst: waarden.tekst?.trim() ?? '' } });
            setWaarden({ sectie: bericht.secties[0] });
            setFout(null);
            await onGewijzigd('De aanvullende zaak is opgenomen.', antwoord);
          } catch (e) {
            setFout(e as ApiFout);
          } finally {
            setBezig(false);
          }
        }}
        knop="Zaak opnemen"
        bezig={bezig}
        fout={fout}
      />
    </details>
  );
}

/** Sending is final: a second step names what will happen before the report is sent. */
function Verzenden({ bericht, onGewijzigd, onHerlaad }: { bericht: Overzicht; onGewijzigd: Gewijzigd; onHerlaad: () => Promise<void> }) {
  const [waarden, setWaarden] = useState<Waarden>({ datum: vandaag(), kenmerk: '' });
  const [bevestigen, setBevestigen] = useState(false);
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);
  const afgedaan = [...bericht.toezeggingen, ...bericht.moties].filter((r) => r.status !== 'in-behandeling').length;

  const verzend = async () => {
    setBezig(true);
    try {
      const antwoord = await vraag<OpdrachtAntwoord>(`/api/halfjaarberichten/${bericht.berichtId}/verzending`, { methode: 'POST', body: { datum: waarden.datum, kenmerk: waarden.kenmerk.trim(), verwachteRevisie: bericht.revisie } });
      setBevestigen(false);
      await onGewijzigd('Het bericht is verzonden. Het kan niet meer worden gewijzigd.', antwoord);
    } catch (e) {
      setFout(e as ApiFout);
      setBevestigen(false);
    } finally {
      setBezig(false);
    }
  };

  return (
    <section aria-labelledby="verzenden-titel" className="paneel">
      <Heading level={2} id="verzenden-titel">
        Verzenden
      </Heading>
      {!bevestigen ? (
        <Formulier
          id="verzenden"
          velden={[
            { naam: 'datum', label: 'Verzonden op', soort: 'datum', verplicht: true },
            { naam: 'kenmerk', label: 'Kenmerk', verplicht: true },
          ]}
          waarden={waarden}
          onWijzig={setWaarden}
          onVerstuur={() => {
            setFout(null);
            setBevestigen(true);
            setTimeout(() => document.getElementById('bevestig-verzenden')?.focus(), 0);
          }}
          knop="Verzenden…"
          bezig={false}
          fout={fout}
          onHerlaad={async () => {
            // The newest report, with the date and kenmerk typed here kept.
            await onHerlaad();
            setFout(null);
          }}
        />
      ) : (
        <div id="bevestig-verzenden" tabIndex={-1} role="alertdialog" aria-labelledby="bevestig-titel" aria-describedby="bevestig-tekst">
          <Alert type="warning">
            <Heading level={3} id="bevestig-titel">
              Definitief verzenden?
            </Heading>
            <Paragraph id="bevestig-tekst">
              Na verzending kan dit bericht niet meer worden gewijzigd. De {afgedaan} items die het (deels) afgedaan verklaart, worden in het register afgedaan met dit bericht als bewijs.
            </Paragraph>
          </Alert>
          <div className="knoppenrij">
            <Button appearance="primary-action-button" type="button" onClick={verzend} busy={bezig}>
              Ja, definitief verzenden
            </Button>
            <Button appearance="secondary-action-button" type="button" onClick={() => setBevestigen(false)}>
              Nee, terug
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}

function Kamerstuk({ bericht, onGewijzigd }: { bericht: Overzicht; onGewijzigd: Gewijzigd }) {
  const [waarden, setWaarden] = useState<Waarden>({ kamerstuk: '' });
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);
  return (
    <details className="paneel">
      <summary>Kamerstuknummer vastleggen</summary>
      <Formulier
        id="kamerstuk"
        velden={[{ naam: 'kamerstuk', label: 'Kamerstuk', verplicht: true, beschrijving: 'Bijvoorbeeld: Kamerstukken II 2024/25, 29628, nr. 1270' }]}
        waarden={waarden}
        onWijzig={setWaarden}
        onVerstuur={async () => {
          setBezig(true);
          try {
            await onGewijzigd('Het Kamerstuknummer is vastgelegd.', await vraag<OpdrachtAntwoord>(`/api/halfjaarberichten/${bericht.berichtId}/kamerstuk`, { methode: 'POST', body: { kamerstuk: waarden.kamerstuk.trim() } }));
          } catch (e) {
            setFout(e as ApiFout);
          } finally {
            setBezig(false);
          }
        }}
        knop="Vastleggen"
        bezig={bezig}
        fout={fout}
      />
    </details>
  );
}
