import { Alert, Button, Heading, Link, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useCallback, useEffect, useState } from 'react';
import { ApiFout, bestand, bewaar, vraag } from '../api';
import { metZoek } from '../router';
import { sessie } from '../sessie';
import { OpdrachtAntwoord, datumNl } from '../types';
import { Regel, Overzicht } from './halfjaarbericht/model';
import { Inhoud } from './halfjaarbericht/inhoud';
import { ItemOpnemen } from './halfjaarbericht/item-opnemen';
import { Kamerstuk } from './halfjaarbericht/kamerstuk';
import { Verzenden } from './halfjaarbericht/verzenden';
import { ZaakOpnemen } from './halfjaarbericht/zaak-opnemen';

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
