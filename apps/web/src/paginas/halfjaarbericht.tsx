import { Alert, Heading, Link, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useCallback, useEffect, useState } from 'react';
import { ApiFout, vraag } from '../api';
import { Tabbladen, Tabpaneel } from '../onderdelen/tabbladen';
import { metZoek, navigeer, useLocatie } from '../router';
import { sessie } from '../sessie';
import { OpdrachtAntwoord, datumNl } from '../types';
import { Bijlage } from './halfjaarbericht/bijlage';
import { Regel, Overzicht } from './halfjaarbericht/model';
import { Inhoud } from './halfjaarbericht/inhoud';
import { ItemOpnemen } from './halfjaarbericht/item-opnemen';
import { Kamerstuk } from './halfjaarbericht/kamerstuk';
import { Samenvatting } from './halfjaarbericht/samenvatting';
import { Verzenden } from './halfjaarbericht/verzenden';
import { ZaakOpnemen } from './halfjaarbericht/zaak-opnemen';

/**
 * The griffier's workspace for one report, in tabs so that each part is one step away instead of
 * somewhere down a very long page: the summary, the items (and adding them), the annex with its
 * preview, and sending. The tab is in the URL (`?tab=bijlage`), so a link or a reload opens it.
 */
export function HalfjaarberichtPagina({ berichtId, positie }: { berichtId: string; positie?: string }) {
  const [bericht, setBericht] = useState<Overzicht | null>(null);
  const [laadFout, setLaadFout] = useState<ApiFout | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const [bewerk, setBewerk] = useState<Regel | null>(null);
  const { pad, zoek } = useLocatie();

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

  // A link that opened another tab is hidden with the tab it was in: focus goes to the tab shown.
  const gevraagd = zoek.get('tab');
  useEffect(() => {
    const element = document.activeElement;
    if (!element || element === document.body || element.closest('[role="tabpanel"][hidden]')) document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  }, [gevraagd]);

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
  const bewerkbaar = concept && griffier;
  const aantal = bericht.toezeggingen.length + bericht.moties.length + bericht.aanvullendeZaken.length;
  const tabbladen = [
    { id: 'overzicht', label: 'Overzicht' },
    { id: 'items', label: `Items (${aantal})` },
    { id: 'bijlage', label: concept ? 'Bijlage-voorbeeld' : 'Bijlage' },
    ...(bewerkbaar ? [{ id: 'verzenden', label: 'Verzenden' }] : !concept ? [{ id: 'verzenden', label: 'Verzending' }] : []),
  ];
  const actief = tabbladen.some((t) => t.id === gevraagd) ? gevraagd! : 'overzicht';
  const tabUrl = (tab: string) => {
    const q = new URLSearchParams(zoek);
    if (tab === 'overzicht') q.delete('tab');
    else q.set('tab', tab);
    return q.size ? `${pad}?${q}` : pad;
  };
  // Switching tabs replaces the URL: Back leaves the report rather than stepping through its tabs.
  const kies = (tab: string) => navigeer(tabUrl(tab), true);
  const bewerkRegel = (r: Regel) => {
    setBewerk(r);
    kies('items');
  };

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

      <Tabbladen label="Onderdelen van dit halfjaarbericht" tabbladen={tabbladen} actief={actief} onKies={kies} />

      <Tabpaneel id="overzicht" actief={actief}>
        <Samenvatting bericht={bericht} bewerkbaar={bewerkbaar} tabUrl={tabUrl} />
      </Tabpaneel>

      <Tabpaneel id="items" actief={actief}>
        {bewerkbaar && <ItemOpnemen bericht={bericht} onGewijzigd={gewijzigd} bewerk={bewerk} />}
        {bewerkbaar && <ZaakOpnemen bericht={bericht} onGewijzigd={gewijzigd} />}
        <Inhoud bericht={bericht} bewerkbaar={bewerkbaar} onGewijzigd={gewijzigd} onBewerk={bewerkRegel} />
      </Tabpaneel>

      <Tabpaneel id="bijlage" actief={actief}>
        <Bijlage bericht={bericht} zichtbaar={actief === 'bijlage'} />
      </Tabpaneel>

      {tabbladen.some((t) => t.id === 'verzenden') && (
        <Tabpaneel id="verzenden" actief={actief}>
          {bewerkbaar && <Verzenden bericht={bericht} onGewijzigd={gewijzigd} onHerlaad={() => laad()} />}
          {!concept && (
            <section aria-labelledby="verzending-titel">
              <Heading level={2} id="verzending-titel">
                Verzending
              </Heading>
              <Paragraph>
                Verzonden op {datumNl(bericht.verzondenOp)}
                {bericht.kenmerk ? `, kenmerk ${bericht.kenmerk}` : ''}. Een verzonden bericht verandert niet meer; alleen het Kamerstuknummer dat het later krijgt, wordt nog vastgelegd.
              </Paragraph>
              <Paragraph>{bericht.kamerstuk ? `Kamerstuk: ${bericht.kamerstuk}.` : 'Het Kamerstuknummer is nog niet vastgelegd.'}</Paragraph>
              {griffier && !bericht.kamerstuk && <Kamerstuk bericht={bericht} onGewijzigd={gewijzigd} />}
            </section>
          )}
        </Tabpaneel>
      )}
    </>
  );
}
