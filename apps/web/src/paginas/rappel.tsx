import { Alert, Button, Heading, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { ApiFout, bestand, bewaar, vraag } from '../api';
import { Formulier, Veld, Waarden } from '../onderdelen/formulier';
import { metZoek, navigeer } from '../router';
import { sessie } from '../sessie';
import { Lid, OpdrachtAntwoord, datumNl, vandaag } from '../types';
import './rappel.css';

/** The API's rappel, as this page uses it (see /api/docs, tag rappel). */
interface Verschuiving {
  readonly op: string;
  readonly van: { readonly omschrijving: string; readonly datum: string | null };
  readonly reden: string;
}

interface RappelItem {
  readonly itemId: string;
  readonly soort: 'motie' | 'toezegging';
  readonly nummer: string;
  readonly titel: string;
  readonly leden: readonly Lid[];
  readonly status: 'InBehandeling' | 'DeelsAfgedaan';
  readonly termijn: { readonly omschrijving: string; readonly datum: string };
  readonly revisie: number;
  readonly verschuivingen: readonly Verschuiving[];
}

interface Groep {
  readonly bewindspersoon: string;
  readonly ministeries: readonly string[];
  readonly verstreken: readonly RappelItem[];
  readonly komend: readonly RappelItem[];
  readonly zonderTermijndatum: number;
}

interface Rappel {
  readonly peildatum: string;
  readonly volgendePeildatum: string;
  readonly positie: string;
  readonly bewindspersonen: readonly Groep[];
}

const FORMATEN = [
  { formaat: 'docx', label: 'Word (DOCX)' },
  { formaat: 'html', label: 'HTML' },
  { formaat: 'csv', label: 'CSV' },
] as const;

const SOORT: Record<RappelItem['soort'], string> = { motie: 'Motie', toezegging: 'Toezegging' };
const aantal = (n: number, een: string, meer: string) => `${n.toLocaleString('nl-NL')} ${n === 1 ? een : meer}`;
const termijnTekst = (t: { omschrijving: string; datum: string | null }) => (t.datum ? `${t.omschrijving} (${datumNl(t.datum)})` : t.omschrijving);
const ledenTekst = (leden: readonly Lid[]) => leden.map((l) => (l.fractie ? `${l.naam} (${l.fractie})` : l.naam)).join(', ') || '—';

/**
 * The Eerste Kamer's half-yearly rappel: per bewindspersoon the open items whose termijn passed
 * before the peildatum and those whose termijn passes before the next one, with how often each
 * termijn moved. The griffier records the minister's answer per row (a new termijn through the
 * item's ordinary termijn command), so the next rappel shows what moved.
 */
export function RappelPagina({ zoek }: { zoek: URLSearchParams }) {
  const peildatum = zoek.get('peildatum') ?? '';
  const bewindspersoon = zoek.get('bewindspersoon') ?? '';
  const [rappel, setRappel] = useState<Rappel | null>(null);
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [keuze, setKeuze] = useState<Waarden>({ peildatum, bewindspersoon });
  const [open, setOpen] = useState<string | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const [downloadFout, setDownloadFout] = useState<ApiFout | null>(null);
  const meldingRef = useRef<HTMLDivElement>(null);
  const magVastleggen = sessie.heeft('griffier');

  // The whole rappel of the peildatum: its bewindspersonen are the choices, the list shows the one chosen.
  const laad = useCallback(
    async (minimalePositie?: string) => {
      try {
        setRappel(await vraag<Rappel>(metZoek('/api/rappel', { peildatum, minimalePositie })));
        setFout(null);
      } catch (e) {
        setFout(e as ApiFout);
        setRappel(null);
      }
    },
    [peildatum],
  );

  useEffect(() => {
    void laad();
  }, [laad]);

  useEffect(() => {
    setKeuze({ peildatum: peildatum || (rappel?.peildatum ?? ''), bewindspersoon });
  }, [peildatum, bewindspersoon, rappel?.peildatum]);

  useEffect(() => {
    if (melding) meldingRef.current?.focus();
  }, [melding]);

  const toon = () => {
    setMelding(null);
    setOpen(null);
    navigeer(metZoek('/rappel', { peildatum: keuze.peildatum?.trim(), bewindspersoon: keuze.bewindspersoon }));
  };

  const download = async (formaat: string) => {
    setDownloadFout(null);
    try {
      const { blob, naam } = await bestand(metZoek('/api/rappel', { peildatum: rappel?.peildatum ?? peildatum, bewindspersoon, formaat }));
      bewaar(blob, naam);
    } catch (e) {
      setDownloadFout(e as ApiFout);
    }
  };

  const vastgelegd = async (item: RappelItem, nieuw: { omschrijving: string; datum: string | null }, antwoord: OpdrachtAntwoord) => {
    setOpen(null);
    const volgende = rappel?.volgendePeildatum;
    const blijft = nieuw.datum !== null && volgende !== undefined && nieuw.datum < volgende;
    setMelding(`De nieuwe prognose voor ${item.nummer} is vastgelegd: ${termijnTekst(nieuw)}.${blijft ? '' : ' Het item staat daardoor niet meer op deze rappel.'}`);
    await laad(antwoord.positie);
  };

  const groepen = rappel ? (bewindspersoon ? rappel.bewindspersonen.filter((g) => g.bewindspersoon === bewindspersoon) : rappel.bewindspersonen) : [];
  const velden: Veld[] = [
    { naam: 'peildatum', label: 'Peildatum', soort: 'datum', beschrijving: 'Standaard de eerstvolgende 1 januari of 1 juli.' },
    {
      naam: 'bewindspersoon',
      label: 'Bewindspersoon',
      soort: 'keuze',
      opties: [
        { waarde: '', label: 'Alle bewindspersonen' },
        ...(rappel?.bewindspersonen ?? []).map((g) => ({ waarde: g.bewindspersoon, label: `${g.bewindspersoon} (${g.verstreken.length + g.komend.length})` })),
        ...(bewindspersoon && rappel && !rappel.bewindspersonen.some((g) => g.bewindspersoon === bewindspersoon) ? [{ waarde: bewindspersoon, label: `${bewindspersoon} (0)` }] : []),
      ],
    },
  ];
  const totaal = (lijst: 'verstreken' | 'komend') => groepen.reduce((n, g) => n + g[lijst].length, 0);

  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Rappel
      </Heading>
      <Paragraph className="ingang">
        Twee keer per jaar, met peildatum 1 januari en 1 juli, stuurt de Eerste Kamer elke bewindspersoon de toezeggingen en moties waarvan de termijn is verstreken. Per item geeft de bewindspersoon een nieuwe prognose.
      </Paragraph>
      <section className="paneel rappel__keuze" aria-label="Peildatum en bewindspersoon">
        <Formulier id="rappel-keuze" velden={velden} waarden={keuze} onWijzig={setKeuze} onVerstuur={toon} knop="Toon de rappel" bezig={false} fout={fout} />
      </section>
      {!rappel && !fout && <Paragraph aria-live="polite">Bezig met laden…</Paragraph>}
      {rappel && (
        <>
          <section aria-labelledby="rappel-samenvatting" className="rappel__samenvatting">
            <Heading level={2} id="rappel-samenvatting">
              Peildatum {datumNl(rappel.peildatum)}
            </Heading>
            <Paragraph>
              {bewindspersoon ? `${bewindspersoon}: ` : ''}
              <strong>{aantal(totaal('verstreken'), 'item', 'items')}</strong> met een termijn die vóór {datumNl(rappel.peildatum)} verstreek, en <strong>{aantal(totaal('komend'), 'item', 'items')}</strong> met een termijn die vóór de volgende peildatum ({datumNl(rappel.volgendePeildatum)}) verstrijkt.
            </Paragraph>
            <div className="knoppenrij" role="group" aria-label="Downloads">
              {FORMATEN.map((f) => (
                <Button key={f.formaat} type="button" appearance="secondary-action-button" onClick={() => void download(f.formaat)}>
                  Download {f.label}
                </Button>
              ))}
            </div>
            {downloadFout && (
              <Alert type="error">
                <Paragraph>De download is niet gelukt: {downloadFout.message}</Paragraph>
              </Alert>
            )}
          </section>
          <div ref={meldingRef} tabIndex={-1} className="rappel__melding" role="status">
            {melding && (
              <Alert type="ok">
                <Paragraph>{melding}</Paragraph>
              </Alert>
            )}
          </div>
          {groepen.length === 0 && (
            <Paragraph>
              {bewindspersoon ? `Voor ${bewindspersoon} staat` : 'Er staat'} niets op de rappel van {datumNl(rappel.peildatum)}: geen open moties of toezeggingen met een termijn vóór {datumNl(rappel.volgendePeildatum)}.
            </Paragraph>
          )}
          {groepen.map((g, n) => (
            <section key={g.bewindspersoon} className="rappel__bewindspersoon" aria-labelledby={`bp-${n}`}>
              <Heading level={2} id={`bp-${n}`}>
                {g.bewindspersoon}
                {g.ministeries.length > 0 && <span className="rappel__ministerie"> ({g.ministeries.join(', ')})</span>}
              </Heading>
              <Lijst titel={`Termijn verstreken vóór ${datumNl(rappel.peildatum)}`} items={g.verstreken} rappel={rappel} magVastleggen={magVastleggen} open={open} onOpen={setOpen} onVastgelegd={vastgelegd} onHerlaad={() => laad()} />
              <Lijst titel={`Termijn verstrijkt vóór ${datumNl(rappel.volgendePeildatum)}`} items={g.komend} rappel={rappel} magVastleggen={magVastleggen} open={open} onOpen={setOpen} onVastgelegd={vastgelegd} onHerlaad={() => laad()} />
              {g.zonderTermijndatum > 0 && (
                <Paragraph className="klein">
                  Daarnaast {g.zonderTermijndatum === 1 ? 'staat 1 open item' : `staan ${g.zonderTermijndatum} open items`} van {g.bewindspersoon} zonder termijndatum in het register; die staan niet op de rappel.{' '}
                  <Link href={metZoek('/register', { bewindspersoon: g.bewindspersoon, status: 'open', sorteer: 'termijn' })}>Bekijk de open items in het register</Link>
                </Paragraph>
              )}
            </section>
          ))}
        </>
      )}
    </>
  );
}

interface LijstProps {
  readonly titel: string;
  readonly items: readonly RappelItem[];
  readonly rappel: Rappel;
  readonly magVastleggen: boolean;
  readonly open: string | null;
  readonly onOpen: (itemId: string | null) => void;
  readonly onVastgelegd: (item: RappelItem, nieuw: { omschrijving: string; datum: string | null }, antwoord: OpdrachtAntwoord) => Promise<void>;
  readonly onHerlaad: () => Promise<void>;
}

function Lijst(props: LijstProps) {
  const { titel, items, magVastleggen } = props;
  const kolommen = magVastleggen ? 6 : 5;
  if (items.length === 0) {
    return (
      <p className="rappel__leeg">
        {titel} (0): <span>geen items.</span>
      </p>
    );
  }
  return (
    <div className="tabel-houder">
      <Table className="rappel-tabel">
        <TableCaption>
          {titel} ({items.length})
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Nummer</TableHeaderCell>
            <TableHeaderCell scope="col">Titel</TableHeaderCell>
            <TableHeaderCell scope="col">Lid of leden</TableHeaderCell>
            <TableHeaderCell scope="col">Termijn</TableHeaderCell>
            <TableHeaderCell scope="col">Eerder verschoven</TableHeaderCell>
            {magVastleggen && <TableHeaderCell scope="col">Nieuwe prognose</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((i) => {
            const isOpen = props.open === i.itemId;
            return (
              <Fragment key={i.itemId}>
                <TableRow>
                  <TableCell data-label="Nummer" className="rappel__nummer">
                    <Link href={`/items/${i.itemId}`}>{i.nummer}</Link>
                    <div className="klein">
                      {SOORT[i.soort]}
                      {i.status === 'DeelsAfgedaan' ? ', deels afgedaan' : ''}
                    </div>
                  </TableCell>
                  <TableCell data-label="Titel">{i.titel}</TableCell>
                  <TableCell data-label="Lid of leden">{ledenTekst(i.leden)}</TableCell>
                  <TableCell data-label="Termijn">{termijnTekst(i.termijn)}</TableCell>
                  <TableCell data-label="Eerder verschoven">
                    {i.verschuivingen.length === 0 ? (
                      'Nee'
                    ) : (
                      <>
                        <strong>{i.verschuivingen.length}×</strong>
                        <ul className="rappel__verschuivingen">
                          {i.verschuivingen.map((v, n) => (
                            <li key={n}>
                              {termijnTekst(v.van)}, verschoven op {datumNl(v.op)}
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                  </TableCell>
                  {magVastleggen && (
                    <TableCell data-label="Nieuwe prognose">
                      <Button type="button" appearance="secondary-action-button" aria-expanded={isOpen} aria-controls={`prognose-${i.itemId}`} onClick={() => props.onOpen(isOpen ? null : i.itemId)}>
                        Vastleggen
                        <span className="visueel-verborgen"> nieuwe prognose voor {i.nummer}</span>
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
                {magVastleggen && isOpen && (
                  <TableRow className="rappel__formulierrij">
                    <TableCell colSpan={kolommen}>
                      <Prognose item={i} rappel={props.rappel} onVastgelegd={props.onVastgelegd} onHerlaad={props.onHerlaad} />
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

/** The minister's answer for one item: a new termijn, recorded with the item's ordinary termijn command. */
function Prognose({ item, rappel, onVastgelegd, onHerlaad }: { item: RappelItem; rappel: Rappel; onVastgelegd: LijstProps['onVastgelegd']; onHerlaad: () => Promise<void> }) {
  const id = `prognose-${item.itemId}`;
  const [waarden, setWaarden] = useState<Waarden>({ 'termijn.omschrijving': '', 'termijn.datum': '', datum: vandaag(), reden: `Nieuwe prognose in antwoord op de rappel van ${datumNl(rappel.peildatum)}` });
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);

  useEffect(() => {
    document.querySelector<HTMLElement>(`#${id} input`)?.focus();
  }, [id]);

  const velden: Veld[] = [
    { naam: 'termijn.omschrijving', label: 'Nieuwe termijn', verplicht: true, beschrijving: 'Zoals de bewindspersoon die noemt, bijvoorbeeld "voor de zomer van 2026".' },
    { naam: 'termijn.datum', label: 'Datum van de nieuwe prognose', soort: 'datum', verplicht: true, beschrijving: 'Wanneer de termijn nu verstrijkt' },
    { naam: 'datum', label: 'Datum van het antwoord', soort: 'datum', verplicht: true },
    { naam: 'reden', label: 'Reden', soort: 'tekstvak', verplicht: true, beschrijving: 'Komt in de historie van het item.' },
  ];

  const verstuur = async () => {
    const w = (naam: string) => (waarden[naam] ?? '').trim();
    const nieuw = { omschrijving: w('termijn.omschrijving'), datum: w('termijn.datum') || null };
    // A prognosis without a date would drop the item from every later rappel unnoticed.
    if (!nieuw.datum) {
      setFout(new ApiFout(400, 'Controleer de invoer', 'Vul de datum van de nieuwe prognose in.', [{ veld: 'termijn.datum', melding: 'is verplicht: zonder datum staat het item op geen enkele rappel meer' }]));
      return;
    }
    setBezig(true);
    setFout(null);
    try {
      const antwoord = await vraag<OpdrachtAntwoord>(`/api/items/${item.itemId}/termijn`, { methode: 'POST', body: { datum: w('datum'), termijn: nieuw, reden: w('reden'), verwachteRevisie: item.revisie } });
      await onVastgelegd(item, nieuw, antwoord);
    } catch (e) {
      setFout(e as ApiFout);
    } finally {
      setBezig(false);
    }
  };

  return (
    <div id={id} className="rappel__prognose">
      <Formulier
        id={`${id}-formulier`}
        titel={`Nieuwe prognose voor ${item.nummer}`}
        velden={velden}
        waarden={waarden}
        onWijzig={setWaarden}
        onVerstuur={() => void verstuur()}
        knop="Nieuwe prognose vastleggen"
        bezig={bezig}
        fout={fout}
        onHerlaad={async () => {
          await onHerlaad();
          setFout(null);
        }}
        voor={<Paragraph className="klein">Nu: {termijnTekst(item.termijn)}. Vastleggen wijzigt de termijn van het item; de volgende rappel telt die verschuiving mee.</Paragraph>}
      />
    </div>
  );
}
