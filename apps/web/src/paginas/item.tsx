import { Alert, Button, DataSummary, DataSummaryItem, Heading, Link, OrderedList, OrderedListItem, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useCallback, useEffect, useState } from 'react';
import { isKamerstukNummer, isToezeggingNummer } from '../../../../libs/domain/src/shared/identifiers';
import { ApiFout, vraag } from '../api';
import { Formulier, Veld, Waarden } from '../onderdelen/formulier';
import { WIJZE_OPTIES, genest, leesLeden, schrijfLeden } from '../onderdelen/invoer';
import { wieNl } from '../onderdelen/actor';
import { StatusLabel } from '../onderdelen/status';
import { metZoek } from '../router';
import { sessie } from '../sessie';
import { ItemHerinneringen } from './item-herinneringen';
import { HistorieEvent, Item, OpdrachtAntwoord, STATUS_LABEL, behandelaarNl, datumNl, emailControle, isOpen, vandaag } from '../types';

interface Actie {
  readonly id: string;
  readonly label: string;
  readonly pad: string;
  readonly mag: (item: Item) => boolean;
  readonly velden: (item: Item) => Veld[];
  readonly begin?: (item: Item) => Waarden;
  readonly body: (w: Waarden, item: Item) => Promise<Record<string, unknown>> | Record<string, unknown>;
  readonly gelukt: string;
}

const datum: Veld = { naam: 'datum', label: 'Datum', soort: 'datum', verplicht: true, beschrijving: 'Wanneer het gebeurde, niet wanneer u het vastlegt' };
const reden: Veld = { naam: 'reden', label: 'Reden', soort: 'tekstvak', verplicht: true };
const wijze = (prefix: string): Veld[] => [
  { naam: `${prefix}.soort`, label: 'Afgedaan met', soort: 'keuze', verplicht: true, opties: WIJZE_OPTIES },
  { naam: `${prefix}.referentie`, label: 'Vindplaats', verplicht: true, beschrijving: 'Bijvoorbeeld: Kamerstukken II 2024/25, 29628, nr. 1260' },
  { naam: `${prefix}.ministerie`, label: 'Ministerie', beschrijving: 'Alleen bij een brief van een ander ministerie' },
];

const ACTIES: Actie[] = [
  { id: 'voortgang', label: 'Voortgang rapporteren', pad: 'voortgang', mag: isOpen, velden: () => [datum, { naam: 'tekst', label: 'Voortgang', soort: 'tekstvak', verplicht: true }], body: (w) => genest(w), gelukt: 'De voortgang is vastgelegd.' },
  {
    id: 'afdoening',
    label: 'Afdoen',
    pad: 'afdoening',
    mag: isOpen,
    velden: () => [datum, ...wijze('wijze'), { naam: 'toelichting', label: 'Toelichting', soort: 'tekstvak', verplicht: true }],
    begin: () => ({ 'wijze.soort': 'kamerstuk' }),
    body: (w) => genest(w),
    gelukt: 'Het item is afgedaan.',
  },
  {
    id: 'deelafdoening',
    label: 'Deels afdoen',
    pad: 'deelafdoening',
    mag: isOpen,
    velden: () => [datum, { naam: 'deel', label: 'Welk deel', soort: 'tekstvak', verplicht: true }, ...wijze('bewijs')],
    begin: () => ({ 'bewijs.soort': 'kamerstuk' }),
    body: (w) => genest(w),
    gelukt: 'Het deel is afgedaan; het item blijft open.',
  },
  { id: 'heropening', label: 'Heropenen', pad: 'heropening', mag: (i) => i.status === 'Afgedaan', velden: () => [datum, reden], body: (w) => genest(w), gelukt: 'Het item is heropend.' },
  {
    id: 'termijn',
    label: 'Termijn wijzigen',
    pad: 'termijn',
    mag: isOpen,
    velden: () => [datum, { naam: 'termijn.omschrijving', label: 'Nieuwe termijn', verplicht: true, beschrijving: 'Zoals toegezegd, bijvoorbeeld "voor de zomer"' }, { naam: 'termijn.datum', label: 'Termijn verloopt op', soort: 'datum' }, reden],
    body: (w) => genest(w),
    gelukt: 'De termijn is gewijzigd.',
  },
  {
    id: 'correcties',
    label: 'Registratie corrigeren',
    pad: 'correcties',
    mag: () => true,
    velden: (item) => [
      { naam: 'correcties.nummer', label: 'Nummer', verplicht: true, controle: nummerControle(item.soort) },
      { naam: 'correcties.titel', label: 'Titel', verplicht: true },
      { naam: 'correcties.tekst', label: 'Tekst', soort: 'tekstvak', verplicht: true },
      { naam: 'correcties.datum', label: 'Datum', soort: 'datum', verplicht: true },
      { naam: 'correcties.debat', label: 'Debat', verplicht: true },
      { naam: 'correcties.leden', label: item.soort === 'motie' ? 'Indieners' : 'Leden', soort: 'tekstvak', verplicht: true, beschrijving: 'Eén per regel: naam, fractie' },
      { naam: 'correcties.thema', label: 'Thema', verplicht: true },
      { naam: 'reden', label: 'Reden van de correctie', soort: 'tekstvak', verplicht: true },
    ],
    begin: (item) => ({
      'correcties.nummer': item.nummer,
      'correcties.titel': item.titel,
      'correcties.tekst': item.tekst,
      'correcties.datum': item.datum,
      'correcties.debat': item.debat,
      'correcties.leden': schrijfLeden(item.leden),
      'correcties.thema': item.thema,
    }),
    body: (w, item) => {
      // Only what changed is sent: the event records exactly those fields, old and new.
      const correcties: Record<string, unknown> = {};
      const huidig: Record<string, string> = { nummer: item.nummer, titel: item.titel, tekst: item.tekst, datum: item.datum, debat: item.debat, thema: item.thema };
      for (const veld of Object.keys(huidig)) if ((w[`correcties.${veld}`] ?? '').trim() !== huidig[veld]) correcties[veld] = (w[`correcties.${veld}`] ?? '').trim();
      if ((w['correcties.leden'] ?? '').trim() !== schrijfLeden(item.leden)) correcties.leden = leesLeden(w['correcties.leden'] ?? '');
      return { correcties, reden: w.reden?.trim() ?? '' };
    },
    gelukt: 'De correctie is vastgelegd.',
  },
  {
    id: 'koppelingen',
    label: 'Koppelen',
    pad: 'koppelingen',
    mag: () => true,
    velden: () => [
      datum,
      {
        naam: 'relatie',
        label: 'Relatie',
        soort: 'keuze',
        verplicht: true,
        opties: [
          { waarde: 'meegenomen-in', label: 'Meegenomen in' },
          { waarde: 'herhaling-van', label: 'Herhaling van' },
          { waarde: 'samen-behandeld-met', label: 'Samen behandeld met' },
        ],
      },
      { naam: 'doelItemId', label: 'Nummer van het andere item', verplicht: true, beschrijving: 'Bijvoorbeeld 29628-1230 of TZ202412-156' },
    ],
    begin: () => ({ relatie: 'samen-behandeld-met' }),
    body: async (w) => {
      const nummer = (w.doelItemId ?? '').trim();
      const doel = nummer ? await vraag<Item>(`/api/items/nummer/${encodeURIComponent(nummer)}`).catch(() => null) : null;
      if (!doel) throw new ApiFout(400, 'Ongeldige invoer', `Er is geen item met nummer ${nummer || '(leeg)'}.`, [{ veld: 'doelItemId', melding: 'er is geen item met dit nummer' }]);
      return { datum: w.datum, relatie: w.relatie, doelItemId: doel.itemId };
    },
    gelukt: 'De koppeling is vastgelegd.',
  },
  {
    id: 'overdracht',
    label: 'Overdragen',
    pad: 'overdracht',
    mag: isOpen,
    velden: () => [datum, { naam: 'naar.bewindspersoon', label: 'Naar bewindspersoon', verplicht: true }, { naam: 'naar.ministerie', label: 'Ministerie', verplicht: true }, reden],
    body: (w) => genest(w),
    gelukt: 'Het item is overgedragen.',
  },
  { id: 'verval', label: 'Laten vervallen', pad: 'verval', mag: isOpen, velden: () => [datum, reden], body: (w) => genest(w), gelukt: 'Het item is vervallen.' },
  {
    id: 'behandelaar',
    label: 'Behandelaar toewijzen',
    pad: 'behandelaar',
    // Also when afgedaan: who wrote the letter stays the one to ask. Not when vervallen.
    mag: (i) => i.status !== 'Vervallen',
    velden: () => [
      datum,
      { naam: 'behandelaar.naam', label: 'Naam behandelaar', verplicht: true, beschrijving: 'De beleidsmedewerker die de brief of actie levert' },
      { naam: 'behandelaar.email', label: 'E-mailadres', verplicht: true, controle: emailControle, beschrijving: 'Met dit adres ziet de behandelaar het item onder "Mijn items"' },
      { naam: 'behandelaar.directie', label: 'Directie', verplicht: true, beschrijving: 'Bijvoorbeeld: Directie Politie' },
      { naam: 'behandelaar.afdeling', label: 'Afdeling' },
      reden,
    ],
    begin: (item): Waarden =>
      item.behandelaar
        ? { 'behandelaar.naam': item.behandelaar.naam, 'behandelaar.email': item.behandelaar.email, 'behandelaar.directie': item.behandelaar.directie, 'behandelaar.afdeling': item.behandelaar.afdeling ?? '' }
        : {},
    body: (w) => genest(w),
    gelukt: 'De behandelaar is vastgelegd.',
  },
];

export function nummerControle(soort: 'motie' | 'toezegging'): (w: string) => string | undefined {
  return soort === 'motie'
    ? (w) => (isKamerstukNummer(w) ? undefined : 'moet een Kamerstuknummer zijn, zoals 29628-1230 of 36600-VI-32')
    : (w) => (isToezeggingNummer(w) ? undefined : 'moet een toezeggingnummer zijn, zoals TZ202412-156 of TZ127734');
}

/** One item: all details, links, the timeline of every event, and the actions the role allows. */
export function ItemPagina({ itemId, positie }: { itemId: string; positie?: string }) {
  const [item, setItem] = useState<Item | null>(null);
  const [historie, setHistorie] = useState<HistorieEvent[] | null>(null);
  const [laadFout, setLaadFout] = useState<ApiFout | null>(null);
  const [actie, setActie] = useState<Actie | null>(null);
  const [waarden, setWaarden] = useState<Waarden>({});
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);
  const [melding, setMelding] = useState<string | null>(null);
  const magHistorie = sessie.heeft('griffier', 'auditor');

  const laad = useCallback(
    async (minimalePositie?: string) => {
      try {
        const [i, h] = await Promise.all([
          vraag<Item>(metZoek(`/api/items/${itemId}`, { minimalePositie })),
          magHistorie ? vraag<{ events: HistorieEvent[] }>(`/api/items/${itemId}/historie`).then((x) => x.events) : Promise.resolve(null),
        ]);
        setItem(i);
        setHistorie(h);
        setLaadFout(null);
      } catch (e) {
        setLaadFout(e as ApiFout);
      }
    },
    [itemId, magHistorie],
  );

  useEffect(() => {
    void laad(positie);
  }, [laad, positie]);

  const kies = (a: Actie) => {
    setActie(a);
    setWaarden({ datum: vandaag(), ...(a.begin?.(item!) ?? {}) });
    setFout(null);
    setMelding(null);
    setTimeout(() => document.querySelector<HTMLElement>('#actie input, #actie textarea, #actie select')?.focus(), 0);
  };

  const verstuur = async () => {
    if (!actie || !item) return;
    setBezig(true);
    setFout(null);
    try {
      const body = await actie.body(waarden, item);
      const antwoord = await vraag<OpdrachtAntwoord>(`/api/items/${item.itemId}/${actie.pad}`, { methode: 'POST', body: { ...body, verwachteRevisie: item.revisie } });
      setMelding(actie.gelukt);
      setActie(null);
      await laad(antwoord.positie);
    } catch (e) {
      const f = e as ApiFout;
      // A number in use is named `nummer` by the API; on the correction form that field is `correcties.nummer`.
      setFout(actie.id === 'correcties' && f.code === 'nummer-in-gebruik' ? new ApiFout(f.status, f.titel, f.detail, f.fouten.map((x) => (x.veld === 'nummer' ? { ...x, veld: 'correcties.nummer' } : x)), f.code, f.houder) : f);
    } finally {
      setBezig(false);
    }
  };

  const herlaad = async () => {
    await laad();
    setFout(null);
    setMelding('De nieuwste stand is geladen. Uw invoer staat nog in het formulier.');
  };

  if (laadFout) {
    return (
      <>
        <Heading level={1} tabIndex={-1}>
          {laadFout.status === 404 ? 'Item niet gevonden' : 'Item kon niet worden geladen'}
        </Heading>
        <Alert type="error">
          <Paragraph>{laadFout.message}</Paragraph>
        </Alert>
        <Paragraph>
          <Link href="/register">Terug naar het register</Link>
        </Paragraph>
      </>
    );
  }
  if (!item) return <Paragraph aria-live="polite">Bezig met laden…</Paragraph>;

  const acties = sessie.heeft('griffier') ? ACTIES.filter((a) => a.mag(item)) : [];
  return (
    <>
      <Paragraph className="klein">
        <Link href="/register">Register</Link> › {item.nummer}
      </Paragraph>
      <Heading level={1} tabIndex={-1}>
        {item.soort === 'motie' ? 'Motie' : 'Toezegging'} {item.nummer}
      </Heading>
      <Paragraph className="ingang">{item.titel}</Paragraph>
      <StatusLabel item={item} />
      {melding && (
        <Alert type="ok" role="status">
          <Paragraph>{melding}</Paragraph>
        </Alert>
      )}
      <div className="item">
        <section className="item__gegevens" aria-labelledby="gegevens">
          <Heading level={2} id="gegevens">
            Gegevens
          </Heading>
          <DataSummary>
            <DataSummaryItem itemKey="Nummer" itemValue={`${item.nummer}${item.nummerBron === 'intern' ? ' (door het register gegeven)' : ''}`} />
            <DataSummaryItem itemKey="Status" itemValue={`${STATUS_LABEL[item.status]}${item.achterstallig ? ', achterstallig' : ''}`} />
            <DataSummaryItem itemKey="Tekst" itemValue={item.tekst} />
            <DataSummaryItem itemKey="Datum" itemValue={datumNl(item.datum)} />
            <DataSummaryItem itemKey="Vergaderjaar" itemValue={item.vergaderjaar ?? '—'} />
            <DataSummaryItem itemKey="Debat" itemValue={item.debat} />
            <DataSummaryItem itemKey={item.soort === 'motie' ? 'Indieners' : 'Gedaan aan'} itemValue={item.leden.map((l) => (l.fractie ? `${l.naam} (${l.fractie})` : l.naam)).join(', ') || '—'} />
            <DataSummaryItem itemKey="Bewindspersoon" itemValue={`${item.bewindspersoon} (${item.ministerie})`} />
            <DataSummaryItem itemKey="Thema" itemValue={item.thema} />
            <DataSummaryItem itemKey="Behandelaar" itemValue={item.behandelaar ? `${behandelaarNl(item.behandelaar)} · ${item.behandelaar.email}` : 'Nog niet toegewezen'} />
            <DataSummaryItem itemKey="Termijn" itemValue={item.termijn ? `${item.termijn.omschrijving}${item.termijn.datum ? ` (${datumNl(item.termijn.datum)})` : ''}` : '—'} />
            {item.afdoening && (
              <DataSummaryItem itemKey="Afgedaan" itemValue={`${datumNl(item.afdoening.datum)} met ${item.afdoening.wijze.referentie}${item.afdoening.wijze.ministerie ? ` (${item.afdoening.wijze.ministerie})` : ''}. ${item.afdoening.toelichting}`} />
            )}
            {item.deelAfdoeningen.map((d, i) => (
              <DataSummaryItem key={i} itemKey="Deels afgedaan" itemValue={`${datumNl(d.datum)}: ${d.deel} (${d.bewijs.referentie})`} />
            ))}
            {item.heropendOp && <DataSummaryItem itemKey="Heropend op" itemValue={datumNl(item.heropendOp)} />}
            {item.vervallenReden && <DataSummaryItem itemKey="Vervallen" itemValue={item.vervallenReden} />}
          </DataSummary>
          {item.koppelingen.length > 0 && (
            <>
              <Heading level={3}>Gekoppelde items</Heading>
              <ul>
                {item.koppelingen.map((k) => (
                  <li key={`${k.relatie}-${k.doelItemId}`}>
                    {k.relatie.replace(/-/g, ' ')}: <Link href={`/items/${k.doelItemId}`}>{k.doelNummer}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          {item.voortgang.length > 0 && (
            <>
              <Heading level={3}>Voortgang</Heading>
              <ul>
                {item.voortgang.map((v, i) => (
                  <li key={i}>
                    <strong>{datumNl(v.datum)}</strong>: {v.tekst}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        {acties.length > 0 && (
          <section className="item__acties" aria-labelledby="acties">
            <Heading level={2} id="acties">
              Acties
            </Heading>
            <div className="knoppenrij">
              {acties.map((a) => (
                <Button key={a.id} type="button" appearance={actie?.id === a.id ? 'primary-action-button' : 'secondary-action-button'} aria-expanded={actie?.id === a.id} aria-controls="actie" onClick={() => kies(a)}>
                  {a.label}
                </Button>
              ))}
            </div>
            <div id="actie">
              {actie && (
                <>
                  <Formulier id={`actie-${actie.id}`} titel={actie.label} velden={actie.velden(item)} waarden={waarden} onWijzig={setWaarden} onVerstuur={verstuur} knop={`${actie.label}: vastleggen`} bezig={bezig} fout={fout} onHerlaad={herlaad} />
                  <Button appearance="subtle-button" type="button" onClick={() => setActie(null)}>
                    Annuleren
                  </Button>
                </>
              )}
            </div>
          </section>
        )}
      </div>
      {historie && (
        <section aria-labelledby="tijdlijn">
          <Heading level={2} id="tijdlijn">
            Tijdlijn
          </Heading>
          <OrderedList className="tijdlijn">
            {historie.map((h) => (
              <OrderedListItem key={h.revisie}>
                <div className="tijdlijn__kop">
                  <strong>{h.samenvatting}</strong>
                </div>
                <div className="klein">
                  {h.datum ? `Zakelijke datum ${datumNl(h.datum)} · ` : ''}vastgelegd {datumNl(h.vastgelegdOp)} door {wieNl(h.door)}{h.bron ? ` · uit ${h.bron}` : ''} · revisie {h.revisie}
                </div>
                {h.wijzigingen && h.wijzigingen.length > 0 && (
                  <ul className="klein">
                    {h.wijzigingen.map((w) => (
                      <li key={w.veld}>
                        {w.veld}: <del>{String(w.oud)}</del> → <ins>{String(w.nieuw)}</ins>
                      </li>
                    ))}
                  </ul>
                )}
              </OrderedListItem>
            ))}
          </OrderedList>
        </section>
      )}
      {magHistorie && <ItemHerinneringen itemId={itemId} />}
    </>
  );
}
