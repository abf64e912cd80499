import { Alert, Button, Heading, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { ApiFout, VeldFout, vraag } from '../api';
import { Formulier, Veld, Waarden } from '../onderdelen/formulier';
import { metZoek, navigeer } from '../router';
import { sessie } from '../sessie';
import { datumNl, vandaag } from '../types';
import './overdracht.css';

/** The API's answers for a bulk change, as this page uses them (see /api/docs, tag bulkwijzigingen). */
interface BulkItem {
  readonly itemId: string;
  readonly soort: 'motie' | 'toezegging';
  readonly nummer: string;
  readonly titel: string;
  readonly huidig: string;
}

interface OvergeslagenItem extends BulkItem {
  readonly code: string;
  readonly melding: string;
}

interface Opdracht {
  readonly van?: string;
  readonly naar?: { readonly bewindspersoon: string; readonly ministerie: string };
  readonly datum: string;
  readonly reden: string;
  readonly itemIds: readonly string[] | null;
}

interface Voorbeeld {
  /** The bulk change's id under this page's key (the preview is always asked with one). */
  readonly id: string | null;
  readonly opdracht: Opdracht;
  readonly items: readonly BulkItem[];
  readonly overgeslagen: readonly OvergeslagenItem[];
  readonly aantalOvergeslagen: number;
  readonly eerder: { readonly status: 'in-uitvoering' | 'afgerond'; readonly beslotenDoor: string; readonly beslotenOp: string } | null;
}

type Uitkomst = 'uitgevoerd' | 'al-gedaan' | 'geweigerd';

interface Resultaat {
  readonly id: string;
  readonly status: 'in-uitvoering' | 'afgerond';
  readonly opdracht: Opdracht;
  readonly beslotenDoor: string;
  readonly beslotenOp: string;
  readonly afgerondOp: string | null;
  readonly items: readonly (BulkItem & { readonly uitkomst: Uitkomst | null; readonly melding: string | null })[];
  readonly overgeslagen: readonly OvergeslagenItem[];
  readonly aantalOvergeslagen: number;
  readonly telling: { readonly uitgevoerd: number; readonly alGedaan: number; readonly geweigerd: number };
  readonly positie: string;
}

interface Telling {
  readonly waarde: string;
  readonly open: number;
}

const UITKOMST: Record<Uitkomst, string> = { uitgevoerd: 'Overgedragen', 'al-gedaan': 'Was al zo', geweigerd: 'Geweigerd' };
const SOORT: Record<BulkItem['soort'], string> = { motie: 'Motie', toezegging: 'Toezegging' };

/*
 * The Idempotency-Key makes a confirmation one bulk change: sending it again with the same key
 * finishes that change and never transfers anything twice. So the key is kept in the tab's
 * sessionStorage BEFORE the confirmation is sent: per change (its id, which the preview gave under
 * that key) and per form content. After a lost answer, a crash of the server or a reload of the tab
 * the form page names every change sent but not seen finished, with a link to its result (where an
 * interrupted one is finished, "afmaken"), and the same input again gets the same key, so it resumes
 * that change instead of starting another. A change seen finished (or never recorded) is forgotten:
 * the same input later is a new one.
 */
const SLEUTELS = 'register.overdracht.sleutels';
const OPENSTAAND = 'register.overdracht.openstaand';

/** A confirmation sent whose finished result this tab has not seen yet. */
interface Openstaand {
  readonly id: string;
  readonly sleutel: string;
  readonly van: string;
  readonly naar: string;
  readonly datum: string;
}

function lees<T>(naam: string): Record<string, T> {
  try {
    return JSON.parse(sessionStorage.getItem(naam) ?? '{}') as Record<string, T>;
  } catch {
    return {};
  }
}

function bewaar<T>(naam: string, sleutel: string, waarde: T | undefined): void {
  const { [sleutel]: _oud, ...rest } = lees<T>(naam);
  sessionStorage.setItem(naam, JSON.stringify(waarde === undefined ? rest : { ...rest, [sleutel]: waarde }));
}

function sleutelVan(id: string): string | undefined {
  return lees<string>(SLEUTELS)[id];
}

/** The form's content as one string, the same however it is built (the form's body, a result's opdracht). */
function inhoudVan(o: Omit<Opdracht, 'itemIds'> & { readonly itemIds?: readonly string[] | null }): string {
  return JSON.stringify([o.van ?? '', o.naar?.bewindspersoon ?? '', o.naar?.ministerie ?? '', o.datum, o.reden, o.itemIds ?? null]);
}

/** This change is seen finished, or was never recorded: nothing of it is left to resume. */
function vergeetOpenstaand(id: string): void {
  for (const [inhoud, o] of Object.entries(lees<Openstaand>(OPENSTAAND))) if (o.id === id) bewaar<Openstaand>(OPENSTAAND, inhoud, undefined);
}

/**
 * A POST with this page's own Idempotency-Key: the preview and the confirmation carry the same one,
 * and a repeated confirmation (a double click, a retry after a lost answer) is the same bulk change,
 * answered with the same result. Errors are read as the rest of the app reads them.
 */
async function verstuur<T>(pad: string, body: unknown, sleutel: string): Promise<T> {
  const inhoud = document.getElementById('inhoud');
  inhoud?.setAttribute('aria-busy', 'true');
  try {
    let antwoord: Response;
    try {
      antwoord = await fetch(pad, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${sessie.token() ?? ''}`, 'Idempotency-Key': sleutel },
        body: JSON.stringify(body),
      });
    } catch {
      throw new ApiFout(0, 'Geen verbinding', 'De server is niet bereikbaar. Uw invoer is bewaard; probeer het zo nog eens: er wordt niets twee keer overgedragen.');
    }
    if (antwoord.ok) return (await antwoord.json()) as T;
    const probleem = (await antwoord.json().catch(() => ({}))) as { title?: string; detail?: string; fouten?: VeldFout[]; code?: string };
    if (antwoord.status === 401) sessie.afmelden();
    throw new ApiFout(antwoord.status, probleem.title ?? antwoord.statusText, probleem.detail ?? '', probleem.fouten ?? [], probleem.code);
  } finally {
    inhoud?.setAttribute('aria-busy', 'false');
  }
}

function velden(bewindspersonen: readonly Telling[]): Veld[] {
  return [
    {
      naam: 'van',
      label: 'Vertrekkende bewindspersoon',
      soort: 'keuze',
      verplicht: true,
      beschrijving: 'Zoals het register die noemt, met het aantal open items.',
      opties: [{ waarde: '', label: 'Kies een bewindspersoon' }, ...bewindspersonen.map((b) => ({ waarde: b.waarde, label: `${b.waarde} (${b.open} open)` }))],
    },
    { naam: 'naar.bewindspersoon', label: 'Opvolger', verplicht: true, beschrijving: 'Bijvoorbeeld: minister van Asiel en Migratie.' },
    { naam: 'naar.ministerie', label: 'Ministerie van de opvolger', verplicht: true, beschrijving: 'Bijvoorbeeld: AenM.' },
    { naam: 'datum', label: 'Datum van de overdracht', soort: 'datum', verplicht: true, beschrijving: 'Wanneer de opvolger de items overneemt' },
    { naam: 'reden', label: 'Reden', soort: 'tekstvak', verplicht: true, beschrijving: 'Komt bij elk item in de historie, bijvoorbeeld: kabinetswisseling.' },
  ];
}

/** The bewindspersoon with their ministerie, as the page says it. */
const naarTekst = (o: Pick<Opdracht, 'naar'>) => (o.naar ? `${o.naar.bewindspersoon} (${o.naar.ministerie})` : '');
const aantal = (n: number, een: string, meer: string) => `${n.toLocaleString('nl-NL')} ${n === 1 ? een : meer}`;

/**
 * After a cabinet change: every open item of a departing bewindspersoon to the successor in one
 * action. The griffier fills in who, to whom, when and why, sees what will happen (which items go,
 * which stay and why), confirms, and lands on the result with each item's outcome.
 */
export function OverdrachtPagina() {
  const [bewindspersonen, setBewindspersonen] = useState<Telling[] | null>(null);
  const [laadFout, setLaadFout] = useState<ApiFout | null>(null);
  const [waarden, setWaarden] = useState<Waarden>({ van: '', 'naar.bewindspersoon': '', 'naar.ministerie': '', datum: vandaag(), reden: '' });
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);
  const [voorbeeld, setVoorbeeld] = useState<{ voorbeeld: Voorbeeld; sleutel: string; body: Omit<Opdracht, 'itemIds'> } | null>(null);
  const [bevestigFout, setBevestigFout] = useState<ApiFout | null>(null);
  const voorbeeldKop = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    vraag<{ perBewindspersoon: Telling[] }>('/api/overzicht?maanden=1').then(
      (o) => setBewindspersonen(o.perBewindspersoon.filter((b) => b.waarde !== '')),
      (e: ApiFout) => setLaadFout(e),
    );
  }, []);

  useEffect(() => {
    if (voorbeeld) voorbeeldKop.current?.focus();
  }, [voorbeeld]);

  const bekijk = async () => {
    // Every field sent, also when empty, so that the API names each missing one at its own field.
    const w = (naam: string) => (waarden[naam] ?? '').trim();
    const body: Omit<Opdracht, 'itemIds'> = { van: w('van'), naar: { bewindspersoon: w('naar.bewindspersoon'), ministerie: w('naar.ministerie') }, datum: w('datum'), reden: w('reden') };
    // The key of this very input when it was confirmed before and not seen finished (see OPENSTAAND);
    // otherwise a new one: other input is another bulk change. The confirmation uses this one.
    const sleutel = lees<Openstaand>(OPENSTAAND)[inhoudVan(body)]?.sleutel ?? crypto.randomUUID();
    setBezig(true);
    setFout(null);
    try {
      setVoorbeeld({ voorbeeld: await verstuur<Voorbeeld>('/api/overdrachten/voorbeeld', body, sleutel), sleutel, body });
      setBevestigFout(null);
    } catch (e) {
      setFout(e as ApiFout);
    } finally {
      setBezig(false);
    }
  };

  const bevestig = async () => {
    if (!voorbeeld || bezig) return;
    setBezig(true);
    setBevestigFout(null);
    // Kept before it is sent: whatever happens to the answer, this change can be found and resumed.
    const { id } = voorbeeld.voorbeeld;
    const { body, sleutel } = voorbeeld;
    if (id) {
      bewaar(SLEUTELS, id, sleutel);
      bewaar<Openstaand>(OPENSTAAND, inhoudVan(body), { id, sleutel, van: body.van ?? '', naar: naarTekst(body), datum: body.datum });
    }
    try {
      const r = await verstuur<Resultaat>('/api/overdrachten', body, sleutel);
      bewaar(SLEUTELS, r.id, sleutel);
      if (r.status === 'afgerond') vergeetOpenstaand(r.id);
      navigeer(metZoek(`/overdracht/${r.id}`, { positie: r.positie }));
    } catch (e) {
      setBevestigFout(e as ApiFout);
    } finally {
      setBezig(false);
    }
  };

  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Overdracht
      </Heading>
      <Paragraph className="ingang">Na een kabinetswisseling alle open moties en toezeggingen van een vertrekkende bewindspersoon in één keer overdragen aan de opvolger.</Paragraph>
      {laadFout && (
        <Alert type="error">
          <Paragraph>De bewindspersonen in het register konden niet worden geladen: {laadFout.message}</Paragraph>
        </Alert>
      )}
      {!voorbeeld && <Openstaande />}
      {!voorbeeld && bewindspersonen && (
        <section className="paneel" aria-labelledby="overdracht-titel">
          {bewindspersonen.length === 0 ? (
            <Paragraph>Er staan geen open items in het register: er is niets over te dragen.</Paragraph>
          ) : (
            <Formulier
              id="overdracht"
              titel="Wie, aan wie, wanneer en waarom"
              velden={velden(bewindspersonen)}
              waarden={waarden}
              onWijzig={setWaarden}
              onVerstuur={() => void bekijk()}
              knop="Bekijk wat er gebeurt"
              bezig={bezig}
              fout={fout}
              voor={
                <Paragraph className="klein">
                  Er gebeurt nog niets: eerst ziet u welke items worden overgedragen.
                </Paragraph>
              }
            />
          )}
        </section>
      )}
      {!voorbeeld && !bewindspersonen && !laadFout && <Paragraph aria-live="polite">Bezig met laden…</Paragraph>}
      {voorbeeld && (
        <VoorbeeldWeergave
          voorbeeld={voorbeeld.voorbeeld}
          kop={voorbeeldKop}
          bezig={bezig}
          fout={bevestigFout}
          onBevestig={() => void bevestig()}
          onTerug={() => {
            setVoorbeeld(null);
            setBevestigFout(null);
          }}
        />
      )}
    </>
  );
}

/** The changes this tab sent without seeing them finished: each with a link to its result, where an interrupted one is finished. */
function Openstaande() {
  const openstaand = Object.values(lees<Openstaand>(OPENSTAAND));
  if (openstaand.length === 0) return null;
  const een = openstaand.length === 1;
  return (
    <Alert type="warning">
      <Heading level={2}>{een ? 'Een overdracht is nog niet afgerond gezien' : `${openstaand.length} overdrachten zijn nog niet afgerond gezien`}</Heading>
      <Paragraph>
        {een ? 'Deze overdracht is' : 'Deze overdrachten zijn'} bevestigd, maar de uitkomst is niet aangekomen. Bekijk de uitkomst; is een overdracht onderbroken, dan maakt u haar daar af. Er wordt niets twee keer overgedragen.
      </Paragraph>
      <ul className="overdracht__openstaand">
        {openstaand.map((o) => (
          <li key={o.id}>
            <Link href={`/overdracht/${o.id}`}>
              Van {o.van} naar {o.naar}, per {datumNl(o.datum)}
            </Link>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function VoorbeeldWeergave(props: { voorbeeld: Voorbeeld; kop: RefObject<HTMLHeadingElement | null>; bezig: boolean; fout: ApiFout | null; onBevestig: () => void; onTerug: () => void }) {
  const { voorbeeld: v, fout } = props;
  const foutKader = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (fout) foutKader.current?.focus();
  }, [fout]);
  return (
    <section aria-labelledby="voorbeeld-titel" className="overdracht__voorbeeld">
      <Heading level={2} id="voorbeeld-titel" ref={props.kop} tabIndex={-1}>
        Voorbeeld: wat er gaat gebeuren
      </Heading>
      <Paragraph>
        <strong>{aantal(v.items.length, 'open item gaat', 'open items gaan')}</strong> per {datumNl(v.opdracht.datum)} van {v.opdracht.van} naar <strong>{naarTekst(v.opdracht)}</strong>. Reden: {v.opdracht.reden}
      </Paragraph>
      {v.aantalOvergeslagen > 0 && <Paragraph>{aantal(v.aantalOvergeslagen, 'open item blijft', 'open items blijven')} zoals {v.aantalOvergeslagen === 1 ? 'het is' : 'ze zijn'}; zie hieronder waarom.</Paragraph>}
      <Paragraph className="klein">Afgedane en vervallen items blijven bij {v.opdracht.van} en staan hier niet.</Paragraph>
      {v.eerder && (
        <Alert type="info">
          <Paragraph>
            Deze overdracht is al {v.eerder.status === 'afgerond' ? 'uitgevoerd' : 'begonnen'} op {datumNl(v.eerder.beslotenOp)} door {v.eerder.beslotenDoor}. Bevestigen draagt niets twee keer over: u krijgt die uitkomst{v.eerder.status === 'afgerond' ? '' : ', en wat nog openstond wordt afgemaakt'}.
          </Paragraph>
        </Alert>
      )}
      <ItemTabel titel="Worden overgedragen" items={v.items} />
      {v.overgeslagen.length > 0 && <OvergeslagenTabel items={v.overgeslagen} aantal={v.aantalOvergeslagen} />}
      <div ref={foutKader} tabIndex={-1} className="formulier__samenvatting">
        {fout && (
          <Alert type="error">
            <Heading level={3}>{fout.titel}</Heading>
            <Paragraph>{fout.detail || fout.message}</Paragraph>
          </Alert>
        )}
      </div>
      <div className="knoppenrij overdracht__knoppen">
        <Button appearance="primary-action-button" type="button" onClick={props.onBevestig} aria-disabled={props.bezig || undefined} busy={props.bezig}>
          {props.bezig ? 'Bezig…' : `Bevestig: ${aantal(v.items.length, 'item', 'items')} overdragen`}
        </Button>
        <Button appearance="secondary-action-button" type="button" onClick={props.onTerug}>
          Invoer aanpassen
        </Button>
      </div>
    </section>
  );
}

function ItemTabel({ titel, items }: { titel: string; items: readonly BulkItem[] }) {
  return (
    <div className="tabel-houder">
      <Table className="overdracht-tabel">
        <TableCaption>{titel}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Nummer</TableHeaderCell>
            <TableHeaderCell scope="col">Titel</TableHeaderCell>
            <TableHeaderCell scope="col">Nu bij</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((i) => (
            <TableRow key={i.itemId}>
              <TableCell data-label="Nummer">
                <Link href={`/items/${i.itemId}`}>{i.nummer}</Link>
                <div className="klein">{SOORT[i.soort]}</div>
              </TableCell>
              <TableCell data-label="Titel">{i.titel}</TableCell>
              <TableCell data-label="Nu bij">{i.huidig}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function OvergeslagenTabel({ items, aantal: totaal }: { items: readonly OvergeslagenItem[]; aantal: number }) {
  return (
    <div className="tabel-houder">
      <Table className="overdracht-tabel">
        <TableCaption>
          Blijven zoals ze zijn{totaal > items.length ? ` (de eerste ${items.length} van ${totaal})` : ''}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Nummer</TableHeaderCell>
            <TableHeaderCell scope="col">Titel</TableHeaderCell>
            <TableHeaderCell scope="col">Waarom</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((i) => (
            <TableRow key={i.itemId}>
              <TableCell data-label="Nummer">
                <Link href={`/items/${i.itemId}`}>{i.nummer}</Link>
                <div className="klein">{SOORT[i.soort]}</div>
              </TableCell>
              <TableCell data-label="Titel">{i.titel}</TableCell>
              <TableCell data-label="Waarom">{i.melding}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The result of one overdracht: what became of each item, with links to them and to the register. */
export function OverdrachtResultaatPagina({ id, positie }: { id: string; positie?: string }) {
  const [resultaat, setResultaat] = useState<Resultaat | null>(null);
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);

  const laad = useCallback(async () => {
    try {
      const r = await vraag<Resultaat>(`/api/overdrachten/${id}`);
      // The register link below shows every change: wait until the register has them.
      await vraag(metZoek('/api/items', { perPagina: 1, weergave: 'kort', minimalePositie: positie ?? r.positie }));
      if (r.status === 'afgerond') vergeetOpenstaand(id);
      setResultaat(r);
      setFout(null);
    } catch (e) {
      if ((e as ApiFout).status === 404) vergeetOpenstaand(id);
      setFout(e as ApiFout);
    }
  }, [id, positie]);

  useEffect(() => {
    void laad();
  }, [laad]);

  const sleutel = sleutelVan(id);
  const afmaken = async () => {
    if (!resultaat || !sleutel || bezig) return;
    setBezig(true);
    try {
      const { van, naar, datum, reden, itemIds } = resultaat.opdracht;
      await verstuur<Resultaat>('/api/overdrachten', { van, naar, datum, reden, ...(itemIds ? { itemIds } : {}) }, sleutel);
      await laad();
    } catch (e) {
      setFout(e as ApiFout);
    } finally {
      setBezig(false);
    }
  };

  if (fout && !resultaat) {
    return (
      <>
        <Heading level={1} tabIndex={-1}>
          Overdracht
        </Heading>
        <Alert type="error">
          <Paragraph>{fout.status === 404 ? 'Deze overdracht bestaat niet: er is onder dit adres niets vastgelegd en niets overgedragen.' : fout.message}</Paragraph>
        </Alert>
        <Paragraph>
          <Link href="/overdracht">Naar de overdracht</Link>
        </Paragraph>
      </>
    );
  }
  if (!resultaat) return <Paragraph aria-live="polite">Bezig met laden…</Paragraph>;

  const r = resultaat;
  const o = r.opdracht;
  return (
    <>
      <Heading level={1} tabIndex={-1}>
        {r.status === 'afgerond' ? 'Overdracht afgerond' : 'Overdracht nog niet afgerond'}
      </Heading>
      <Paragraph className="ingang">
        Van {o.van} naar <strong>{naarTekst(o)}</strong>, per {datumNl(o.datum)}. Reden: {o.reden}
      </Paragraph>
      <Paragraph className="klein">
        Besloten door {r.beslotenDoor} op {datumNl(r.beslotenOp)}
        {r.afgerondOp ? `, afgerond op ${datumNl(r.afgerondOp)}` : ''}.
      </Paragraph>
      {r.status === 'in-uitvoering' && (
        <Alert type="warning">
          <Paragraph>Deze overdracht is onderbroken voordat elk item aan de beurt was. Afmaken draagt de rest over; wat al is overgedragen, gebeurt niet nog eens.</Paragraph>
          {sleutel ? (
            <Button appearance="primary-action-button" type="button" onClick={() => void afmaken()} busy={bezig} aria-disabled={bezig || undefined}>
              Overdracht afmaken
            </Button>
          ) : (
            <Paragraph>Stuur hetzelfde verzoek opnieuw, met dezelfde Idempotency-Key, om haar af te maken.</Paragraph>
          )}
        </Alert>
      )}
      <ul className="overdracht__telling" aria-label="Uitkomst">
        <li className="overdracht__cijfer overdracht__cijfer--uitgevoerd">
          <span className="overdracht__getal">{r.telling.uitgevoerd}</span> overgedragen
        </li>
        <li className="overdracht__cijfer">
          <span className="overdracht__getal">{r.telling.alGedaan}</span> waren al zo
        </li>
        <li className={`overdracht__cijfer${r.telling.geweigerd > 0 ? ' overdracht__cijfer--geweigerd' : ''}`}>
          <span className="overdracht__getal">{r.telling.geweigerd}</span> geweigerd
        </li>
      </ul>
      <div className="knoppenrij">
        {o.naar && <Link href={metZoek('/register', { bewindspersoon: o.naar.bewindspersoon, status: 'open' })}>Bekijk de open items van {o.naar.bewindspersoon} in het register</Link>}
        <Link href="/overdracht">Nieuwe overdracht</Link>
      </div>
      <div className="tabel-houder">
        <Table className="overdracht-tabel">
          <TableCaption>Per item</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Nummer</TableHeaderCell>
              <TableHeaderCell scope="col">Titel</TableHeaderCell>
              <TableHeaderCell scope="col">Uitkomst</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {r.items.map((i) => (
              <TableRow key={i.itemId} className={i.uitkomst === 'geweigerd' ? 'overdracht__rij--geweigerd' : undefined}>
                <TableCell data-label="Nummer">
                  <Link href={`/items/${i.itemId}`}>{i.nummer}</Link>
                  <div className="klein">{SOORT[i.soort]}</div>
                </TableCell>
                <TableCell data-label="Titel">{i.titel}</TableCell>
                <TableCell data-label="Uitkomst">
                  <span className={`overdracht__uitkomst overdracht__uitkomst--${i.uitkomst ?? 'open'}`}>{i.uitkomst ? UITKOMST[i.uitkomst] : 'Nog niet aan de beurt'}</span>
                  {i.melding && <div className="klein">{i.melding}</div>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {r.overgeslagen.length > 0 && <OvergeslagenTabel items={r.overgeslagen} aantal={r.aantalOvergeslagen} />}
    </>
  );
}
