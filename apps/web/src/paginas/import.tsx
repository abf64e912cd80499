import { Alert, Button, Heading, Link, Paragraph } from '@rijkshuisstijl-community/components-react';
import { ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiFout, vraag } from '../api';
import { metZoek } from '../router';
import { sessie } from '../sessie';
import { Afhandeling, AfhandelingAntwoord, BulkAanvaarding, ImportDetail, Voorstel, datumNl } from '../types';
import { BronTekst, KamerBron, Markering } from './importen/bron';
import { ImportHistorie } from './importen/historie';
import { AFHANDELING_LABEL, bereik, stappenTekst, voorstelNaam } from './importen/model';
import { Modus, VoorstelKaart, knopId } from './importen/voorstel';

type Filter = 'alle' | Afhandeling;
const FILTERS: Filter[] = ['alle', 'open', 'aanvaard', 'samengevoegd', 'afgewezen'];
type Handeling = 'aanvaarding' | 'afwijzing' | 'samenvoeging';

/** Typing in a field, or a key with a modifier, is never a shortcut. */
function isInvoer(doel: EventTarget | null): boolean {
  const el = doel as HTMLElement | null;
  return !!el && (el.isContentEditable || !!el.closest?.('input, textarea, select, [contenteditable="true"], [role="textbox"]'));
}

/** The proposal as it was accepted: with the number and kind the clerk typed, if changed. */
function naamNa(v: Voorstel, body: Record<string, unknown>): string {
  const w = (body.wijzigingen ?? {}) as { soort?: string; nummer?: string | null };
  if (w.soort === undefined && w.nummer === undefined) return voorstelNaam(v);
  const soort = (w.soort ?? v.gegevens.soort) === 'motie' ? 'Motie' : 'Toezegging';
  const nummer = w.nummer === undefined ? v.gegevens.nummer : w.nummer;
  return nummer ? `${soort} ${nummer}` : `${soort} zonder nummer`;
}

function gelukt(naam: string, a: AfhandelingAntwoord, nummer?: string): string {
  const stappen = a.stappen.length ? stappenTekst(a.stappen) : '';
  if (a.afhandeling === 'afgewezen') return `${naam} is afgewezen.`;
  if (a.afhandeling === 'samengevoegd') return `${naam} is samengevoegd met ${nummer ?? 'het item'}${stappen ? ` (${stappen})` : ''}.`;
  return `${naam} is aanvaard${stappen ? `: ${stappen}` : ''}.`;
}

/**
 * One import: its proposals beside the document's text. Selecting a proposal highlights its passage;
 * the clerk accepts (after editing if needed), merges or rejects it, by mouse or by keyboard, or
 * accepts everything above a confidence at once. Below: what happened to the batch, by whom.
 */
export function ImportPagina({ batchId, positie, voorstel }: { batchId: string; positie?: string; voorstel?: string }) {
  const [detail, setDetail] = useState<ImportDetail | null>(null);
  const [laadFout, setLaadFout] = useState<ApiFout | null>(null);
  const [gekozenId, setGekozenId] = useState<string | null>(voorstel ?? null);
  const [filter, setFilter] = useState<Filter>('alle');
  const [modus, setModus] = useState<Modus>(null);
  const [bezig, setBezig] = useState(false);
  const [actieFout, setActieFout] = useState<ApiFout | null>(null);
  const [melding, setMelding] = useState<ReactNode>(null);
  const [bulk, setBulk] = useState('90');
  const [bulkFout, setBulkFout] = useState<ApiFout | null>(null);
  const [bulkResultaat, setBulkResultaat] = useState<BulkAanvaarding | null>(null);
  const magAfhandelen = sessie.heeft('griffier');
  const focusNa = useRef<string | null>(null);

  const laad = useCallback(
    async (minimalePositie?: string): Promise<ImportDetail | null> => {
      try {
        const d = await vraag<ImportDetail>(metZoek(`/api/importen/${batchId}`, { minimalePositie }));
        setDetail(d);
        setLaadFout(null);
        setGekozenId((huidig) => (huidig && d.voorstellen.some((v) => v.voorstelId === huidig) ? huidig : (d.voorstellen.find((v) => v.afhandeling === 'open') ?? d.voorstellen[0])?.voorstelId ?? null));
        return d;
      } catch (e) {
        setLaadFout(e as ApiFout);
        return null;
      }
    },
    [batchId],
  );

  useEffect(() => {
    void laad(positie);
  }, [laad, positie]);

  const zichtbaar = useMemo(() => (detail ? detail.voorstellen.filter((v) => filter === 'alle' || v.afhandeling === filter) : []), [detail, filter]);
  const gekozen = detail?.voorstellen.find((v) => v.voorstelId === gekozenId) ?? null;

  // The selected proposal is in the address, so a reload or a shared link opens the same one.
  useEffect(() => {
    if (!gekozenId) return;
    const url = new URL(location.href);
    if (url.searchParams.get('voorstel') === gekozenId) return;
    url.searchParams.set('voorstel', gekozenId);
    history.replaceState(history.state, '', url.pathname + url.search);
  }, [gekozenId]);

  // Focus follows the selection (after it has rendered), so a screen reader announces the proposal.
  useEffect(() => {
    if (!focusNa.current) return;
    const knop = document.getElementById(focusNa.current);
    if (!knop) return;
    focusNa.current = null;
    knop.focus({ preventScroll: true });
    knop.closest('li')?.scrollIntoView({ block: 'nearest' });
  });

  // The Kamer link's batch has no document: its proposals show the Kamer's own text and link to the record.
  const kamer = detail?.formaat === 'odata';
  const markering: Markering | null = useMemo(() => {
    if (!gekozen) return null;
    const { van, tot } = bereik(gekozen);
    return { van, tot, bewijs: gekozen.gegevens.bewijs, bewijsRegel: gekozen.gegevens.bewijsRegel, label: voorstelNaam(gekozen) };
  }, [gekozen]);

  const kies = (v: Voorstel, focus = true) => {
    if (v.voorstelId !== gekozenId) {
      setModus(null);
      setActieFout(null);
    }
    setGekozenId(v.voorstelId);
    if (focus) focusNa.current = knopId(v);
    if (!zichtbaar.includes(v)) setFilter('alle');
  };

  const beweeg = (stap: number) => {
    if (zichtbaar.length === 0) return;
    const nu = zichtbaar.findIndex((v) => v.voorstelId === gekozenId);
    const volgende = nu < 0 ? 0 : Math.min(zichtbaar.length - 1, Math.max(0, nu + stap));
    kies(zichtbaar[volgende]);
  };

  const openModus = (m: Modus) => {
    setModus(m);
    setActieFout(null);
    if (m && gekozen) setTimeout(() => document.querySelector<HTMLElement>(`#voorstel-${gekozen.voorstelId}-details .voorstel__formulier :is(input, textarea, select)`)?.focus(), 0);
  };

  const sluitModus = () => {
    setModus(null);
    setActieFout(null);
    if (gekozen) focusNa.current = knopId(gekozen);
  };

  /** After handling one, the next open proposal after it is selected: the clerk works down the list. */
  const naarVolgende = (d: ImportDetail, na: Voorstel) => {
    const lijst = d.voorstellen.filter((v) => filter === 'alle' || filter === 'open' || v.afhandeling === filter);
    const index = d.voorstellen.findIndex((v) => v.voorstelId === na.voorstelId);
    const volgende = d.voorstellen.slice(index + 1).find((v) => v.afhandeling === 'open' && lijst.includes(v)) ?? d.voorstellen.find((v) => v.afhandeling === 'open' && lijst.includes(v)) ?? d.voorstellen.find((v) => v.voorstelId === na.voorstelId);
    if (!volgende) return;
    if (filter !== 'alle' && !lijst.includes(volgende)) setFilter('alle');
    setGekozenId(volgende.voorstelId);
    setModus(null);
    focusNa.current = knopId(volgende);
  };

  const handel = async (v: Voorstel, handeling: Handeling, body: Record<string, unknown>, nummer?: string) => {
    if (bezig) return;
    setBezig(true);
    setActieFout(null);
    try {
      const antwoord = await vraag<AfhandelingAntwoord>(`/api/voorstellen/${encodeURIComponent(v.id)}/${handeling}`, { methode: 'POST', body });
      setMelding(
        <>
          {gelukt(naamNa(v, body), antwoord, nummer)}
          {antwoord.itemId && (
            <>
              {' '}
              <Link href={`/items/${antwoord.itemId}`}>Naar het item</Link>
            </>
          )}
        </>,
      );
      setBulkResultaat(null);
      const d = await laad(antwoord.positie);
      if (d) naarVolgende(d, v);
    } catch (e) {
      const fout = e as ApiFout;
      setActieFout(fout);
      // A quick accept that the register refuses for a field (a missing number, a taken one) opens the edit form with the error.
      if (handeling === 'aanvaarding' && !modus && fout.fouten.length > 0) openModus('bewerk');
    } finally {
      setBezig(false);
    }
  };

  const drempel = Number(bulk.replace(',', '.'));
  const geldigeDrempel = bulk.trim() !== '' && Number.isFinite(drempel) && drempel >= 0 && drempel <= 100;
  const bulkMelding = bulk.trim() && !geldigeDrempel ? 'moet een getal van 0 tot en met 100 zijn' : bulkFout?.fouten.find((f) => f.veld === 'minimaleZekerheid')?.melding;
  const teAanvaarden = detail && geldigeDrempel ? detail.voorstellen.filter((v) => v.afhandeling === 'open' && v.gegevens.rol === 'behandeld' && v.gegevens.zekerheid >= drempel / 100 - 1e-9).length : 0;

  const aanvaardAlles = async () => {
    if (bezig || !detail || teAanvaarden === 0) return;
    setBezig(true);
    setBulkFout(null);
    setBulkResultaat(null);
    try {
      if (!geldigeDrempel) throw new ApiFout(400, 'Controleer het formulier', 'De minimale zekerheid is niet goed ingevuld.', [{ veld: 'minimaleZekerheid', melding: 'moet een getal van 0 tot en met 100 zijn' }]);
      const antwoord = await vraag<BulkAanvaarding>(`/api/importen/${batchId}/aanvaarding`, { methode: 'POST', body: { minimaleZekerheid: drempel / 100 } });
      setBulkResultaat(antwoord);
      setMelding(null);
      const d = await laad(antwoord.positie);
      if (d && gekozen && d.voorstellen.find((v) => v.voorstelId === gekozen.voorstelId)?.afhandeling !== 'open') {
        const volgende = d.voorstellen.find((v) => v.afhandeling === 'open');
        if (volgende) setGekozenId(volgende.voorstelId);
      }
    } catch (e) {
      const fout = e as ApiFout;
      // The API takes 0–1; the form asks for a percentage.
      setBulkFout(fout.fouten.length ? new ApiFout(fout.status, fout.titel, fout.detail, fout.fouten.map((f) => (f.veld === 'minimaleZekerheid' ? { ...f, melding: f.melding.replace('tussen 0 en 1', 'van 0 tot en met 100') } : f)), fout.code) : fout);
    } finally {
      setBezig(false);
    }
  };

  // Shortcuts, bound once; the handler always sees the latest state.
  const sneltoets = useRef<(e: KeyboardEvent) => void>(() => undefined);
  sneltoets.current = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape' && modus) {
      e.preventDefault();
      sluitModus();
      return;
    }
    if (isInvoer(e.target)) return;
    const inLijst = !!(e.target as HTMLElement | null)?.closest?.('.voorstellen');
    const toets = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (toets === 'j' || (toets === 'ArrowDown' && inLijst)) {
      e.preventDefault();
      beweeg(1);
    } else if (toets === 'k' || (toets === 'ArrowUp' && inLijst)) {
      e.preventDefault();
      beweeg(-1);
    } else if (gekozen && magAfhandelen && gekozen.afhandeling === 'open' && !bezig) {
      if (toets === 'a') {
        e.preventDefault();
        void handel(gekozen, 'aanvaarding', {});
      } else if (toets === 'e') {
        e.preventDefault();
        openModus('bewerk');
      } else if (toets === 'r') {
        e.preventDefault();
        openModus('afwijs');
      } else if (toets === 'm') {
        e.preventDefault();
        openModus('samenvoeg');
      }
    }
  };
  useEffect(() => {
    const luister = (e: KeyboardEvent) => sneltoets.current(e);
    document.addEventListener('keydown', luister);
    return () => document.removeEventListener('keydown', luister);
  }, []);

  if (laadFout) {
    return (
      <>
        <Heading level={1} tabIndex={-1}>
          {laadFout.status === 404 ? 'Import niet gevonden' : 'Import kon niet worden geladen'}
        </Heading>
        <Alert type="error">
          <Paragraph>{laadFout.message}</Paragraph>
        </Alert>
        <Paragraph>
          <Link href="/importen">Terug naar de importen</Link>
        </Paragraph>
      </>
    );
  }
  if (!detail) return <Paragraph aria-live="polite">Bezig met laden…</Paragraph>;

  const open = detail.voorstellen.filter((v) => v.afhandeling === 'open').length;
  const telling = (f: Filter) => (f === 'alle' ? detail.voorstellen.length : detail.voorstellen.filter((v) => v.afhandeling === f).length);

  return (
    <>
      <Paragraph className="klein">
        <Link href="/importen">Importen</Link> › {detail.bestandsnaam}
      </Paragraph>
      <Heading level={1} tabIndex={-1}>
        Import {detail.bestandsnaam}
      </Heading>
      {detail.brief.onderwerp && <Paragraph className="ingang">{detail.brief.onderwerp}</Paragraph>}
      <Paragraph className="import__gegevens">
        {kamer ? 'Geopend op' : 'Bericht van'} {datumNl(detail.datum)}
        {detail.brief.kenmerk ? `, kenmerk ${detail.brief.kenmerk}` : ''} · ingelezen {datumNl(detail.ingelezenOp)} door {detail.ingelezenDoor} · <strong>{open} open</strong> van {detail.voorstellen.length} voorstellen
        {detail.alBekend ? ` · ${detail.alBekend} al in het register zoals het bericht ze noemt` : ''}
      </Paragraph>

      <div role="status" className="import__melding">
        {melding && (
          <Alert type="ok">
            <Paragraph>{melding}</Paragraph>
          </Alert>
        )}
        {bulkResultaat && (
          <Alert type={bulkResultaat.mislukt.length ? 'warning' : 'ok'}>
            <Paragraph>
              {bulkResultaat.aanvaard.length === 1 ? '1 voorstel aanvaard.' : `${bulkResultaat.aanvaard.length} voorstellen aanvaard.`}
              {bulkResultaat.mislukt.length > 0 && ` ${bulkResultaat.mislukt.length === 1 ? '1 voorstel kon' : `${bulkResultaat.mislukt.length} voorstellen konden`} niet worden aanvaard; pas ze aan en aanvaard ze los:`}
            </Paragraph>
            {bulkResultaat.mislukt.length > 0 && (
              <ul className="mislukt">
                {bulkResultaat.mislukt.map((m) => {
                  const v = detail.voorstellen.find((x) => x.id === m.id);
                  return (
                    <li key={m.id}>
                      {v ? (
                        <button type="button" className="linkknop" onClick={() => kies(v)}>
                          {voorstelNaam(v)}
                        </button>
                      ) : (
                        m.id
                      )}
                      : {m.melding}
                    </li>
                  );
                })}
              </ul>
            )}
          </Alert>
        )}
      </div>

      {detail.waarschuwingen.length > 0 && (
        <Alert type="warning">
          <Heading level={2} appearanceLevel={4} className="alert-kop">
            Waarschuwingen bij het lezen van het document
          </Heading>
          <ul className="waarschuwingen">
            {detail.waarschuwingen.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Alert>
      )}

      <div className="import">
        <section className="import__voorstellen" aria-labelledby="voorstellen-titel">
          <Heading level={2} id="voorstellen-titel">
            Voorstellen
          </Heading>
          {magAfhandelen && open > 0 && (
            <form className="bulk" noValidate onSubmit={(e) => (e.preventDefault(), void aanvaardAlles())} aria-labelledby="bulk-titel">
              <span id="bulk-titel" className="bulk__titel">
                Alles aanvaarden
              </span>
              <label htmlFor="bulk-zekerheid">met zekerheid van ten minste</label>
              <span className="bulk__invoer">
                <input
                  id="bulk-zekerheid"
                  name="minimaleZekerheid"
                  className="utrecht-textbox utrecht-textbox--html-input"
                  inputMode="numeric"
                  size={4}
                  value={bulk}
                  aria-invalid={bulkMelding ? true : undefined}
                  aria-describedby={`bulk-uitleg${bulkMelding ? ' bulk-fout' : ''}`}
                  onChange={(e) => setBulk(e.target.value)}
                />
                %
              </span>
              <Button appearance="primary-action-button" type="submit" aria-disabled={bezig || teAanvaarden === 0 || undefined} busy={bezig}>
                {teAanvaarden === 1 ? '1 voorstel aanvaarden' : `${teAanvaarden} voorstellen aanvaarden`}
              </Button>
              <span id="bulk-uitleg" className="klein bulk__uitleg">
                Elk open voorstel dat het bericht behandelt (niet alleen noemt) met deze zekerheid of meer.
              </span>
              {bulkMelding && (
                <span id="bulk-fout" className="fouttekst bulk__uitleg" role="alert">
                  Minimale zekerheid: {bulkMelding}
                </span>
              )}
              {bulkFout && !bulkMelding && (
                <span className="fouttekst bulk__uitleg" role="alert">
                  {bulkFout.message}
                </span>
              )}
            </form>
          )}
          <Paragraph className="klein sneltoetsen" id="sneltoetsen">
            Sneltoetsen (niet tijdens het typen in een veld): <kbd>j</kbd> of <kbd>↓</kbd> volgende, <kbd>k</kbd> of <kbd>↑</kbd> vorige
            {magAfhandelen && (
              <>
                , <kbd>a</kbd> aanvaarden, <kbd>e</kbd> bewerken en aanvaarden, <kbd>m</kbd> samenvoegen, <kbd>r</kbd> afwijzen, <kbd>Esc</kbd> formulier sluiten
              </>
            )}
            .
          </Paragraph>
          <div className="knoppenrij filterknoppen" role="group" aria-label="Toon voorstellen">
            {FILTERS.map((f) => (
              <Button key={f} type="button" appearance={filter === f ? 'primary-action-button' : 'secondary-action-button'} aria-pressed={filter === f} onClick={() => setFilter(f)}>
                {f === 'alle' ? 'Alle' : AFHANDELING_LABEL[f]} ({telling(f)})
              </Button>
            ))}
          </div>
          {zichtbaar.length === 0 && <Paragraph>Geen voorstellen{filter === 'alle' ? '' : ` met de afhandeling ${AFHANDELING_LABEL[filter].toLowerCase()}`}.</Paragraph>}
          <ol className="voorstellen" aria-describedby="sneltoetsen">
            {zichtbaar.map((v) => (
              <VoorstelKaart
                key={v.id}
                voorstel={v}
                gekozen={v.voorstelId === gekozenId}
                magAfhandelen={magAfhandelen}
                modus={v.voorstelId === gekozenId ? modus : null}
                bezig={bezig}
                fout={v.voorstelId === gekozenId ? actieFout : null}
                onKies={() => kies(v, false)}
                onModus={(m) => (m ? openModus(m) : sluitModus())}
                onAanvaard={(w) => void handel(v, 'aanvaarding', w && Object.keys(w).length ? { wijzigingen: w } : {})}
                onAfwijs={(reden) => void handel(v, 'afwijzing', { reden })}
                onSamenvoeg={(itemId, nummer) => void handel(v, 'samenvoeging', { itemId }, nummer)}
                onNaarBron={() => document.querySelector<HTMLElement>('.bron__tekst')?.focus()}
              />
            ))}
          </ol>
          {detail.aanvullendeZaken.length > 0 && (
            <>
              <Heading level={3}>Aanvullende zaken in het bericht</Heading>
              <Paragraph className="klein">Geen moties of toezeggingen; ze worden niet geregistreerd.</Paragraph>
              <ul className="aanvullend">
                {detail.aanvullendeZaken.map((z) => (
                  <li key={`${z.regel}-${z.titel}`}>
                    {z.titel} <span className="klein">(regel {z.regel})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        {kamer ? <KamerBron voorstel={gekozen} /> : <BronTekst regels={detail.regels} markering={markering} />}
      </div>

      <ImportHistorie detail={detail} onKies={(v) => kies(v)} />
    </>
  );
}
