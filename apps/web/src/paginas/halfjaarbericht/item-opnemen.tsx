import { Button, Heading } from '@rijkshuisstijl-community/components-react';
import { useEffect, useState } from 'react';
import { ApiFout, vraag } from '../../api';
import { Formulier, Waarden } from '../../onderdelen/formulier';
import { metZoek } from '../../router';
import { ItemPagina as ItemLijst, OpdrachtAntwoord, STATUS_LABEL, datumNl } from '../../types';
import { Regel, Overzicht, VERKLAARD, Gewijzigd } from './model';

/** Search the register or take a suggestion (open items not yet covered), then write the entry. */
export function ItemOpnemen({ bericht, onGewijzigd, bewerk }: { bericht: Overzicht; onGewijzigd: Gewijzigd; bewerk: Regel | null }) {
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
