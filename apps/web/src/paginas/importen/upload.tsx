import { Alert, Button, FormFieldTextInput, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { ApiFout, UploadVoortgang, VeldFout, verstuurFormulier } from '../../api';
import { datumControle } from '../../onderdelen/formulier';
import { Ingelezen } from '../../types';

/** The API's limit (`MAX_DOCUMENT_BYTES`): checked here too, so a huge file is not sent for nothing. */
const MAX_BYTES = 20 * 1024 * 1024;
const FORMULIER = 'upload';
/** Bewindspersoon and ministerie are usually the same for a series of annexes: kept for this tab. */
const STANDAARD = 'register.import.standaard';

interface TekstVeld {
  readonly naam: 'bewindspersoon' | 'ministerie' | 'thema' | 'datum';
  readonly label: string;
  readonly verplicht?: boolean;
  readonly beschrijving: string;
}

const VELDEN: readonly TekstVeld[] = [
  { naam: 'bewindspersoon', label: 'Bewindspersoon', verplicht: true, beschrijving: 'Van de items die nieuw worden geregistreerd, bijvoorbeeld: minister van Justitie en Veiligheid.' },
  { naam: 'ministerie', label: 'Ministerie', verplicht: true, beschrijving: 'Bijvoorbeeld: JenV.' },
  { naam: 'thema', label: 'Thema', beschrijving: 'Voor items die onder geen kop staan; anders "Overig".' },
  { naam: 'datum', label: 'Datum van het bericht', beschrijving: 'Alleen nodig als het document zelf geen datum noemt. In de vorm JJJJ-MM-DD, bijvoorbeeld 2025-06-20.' },
];

const LABELS: Record<string, string> = { bestand: 'Document', ...Object.fromEntries(VELDEN.map((v) => [v.naam, v.label])) };
const veldId = (naam: string) => `${FORMULIER}-${naam}`;

/**
 * The reader's refusals (unknown format, empty, password, another language …) have a code but no
 * field: they are about the document, so they are shown at the file field.
 */
function metVeldFouten(fout: ApiFout): ApiFout {
  if (fout.fouten.length > 0 || fout.status === 0) return fout;
  if (fout.status === 413) return new ApiFout(413, 'Document te groot', 'Het document is groter dan 20 MB.', [{ veld: 'bestand', melding: 'is groter dan 20 MB; kies een kleiner document' }], fout.code);
  if (fout.code && [400, 415, 422].includes(fout.status)) return new ApiFout(fout.status, 'Het document kon niet worden ingelezen', fout.detail, [{ veld: 'bestand', melding: fout.detail || fout.titel }], fout.code);
  return fout;
}

function leesStandaard(): Record<string, string> {
  try {
    return JSON.parse(sessionStorage.getItem(STANDAARD) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** Upload a document with progress; field errors beside the fields and in a summary that links to them. */
export function UploadFormulier({ onIngelezen }: { onIngelezen: (antwoord: Ingelezen, bestandsnaam: string) => void }) {
  const [bestand, setBestand] = useState<File | null>(null);
  const [waarden, setWaarden] = useState<Record<string, string>>(() => ({ bewindspersoon: '', ministerie: '', thema: '', datum: '', ...leesStandaard() }));
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [voortgang, setVoortgang] = useState<UploadVoortgang | null>(null);
  const samenvatting = useRef<HTMLDivElement>(null);
  const invoer = useRef<HTMLInputElement>(null);
  const bezig = voortgang !== null;

  useEffect(() => {
    if (fout) samenvatting.current?.focus();
  }, [fout]);

  const foutVoor = (naam: string) => {
    const eigen = fout?.fouten.filter((f) => f.veld === naam || f.veld.startsWith(`${naam}.`)) ?? [];
    return eigen.length ? eigen.map((f) => f.melding).join('; ') : undefined;
  };

  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    if (bezig) return;
    const eigen: VeldFout[] = [];
    if (!bestand) eigen.push({ veld: 'bestand', melding: 'is verplicht: kies een document' });
    else if (bestand.size > MAX_BYTES) eigen.push({ veld: 'bestand', melding: 'is groter dan 20 MB; kies een kleiner document' });
    const datumFout = waarden.datum.trim() ? datumControle(waarden.datum.trim()) : undefined;
    if (datumFout) eigen.push({ veld: 'datum', melding: datumFout });
    if (eigen.length > 0 || !bestand) {
      setFout(new ApiFout(400, 'Controleer het formulier', 'Niet alles is goed ingevuld.', eigen));
      return;
    }
    const data = new FormData();
    for (const v of VELDEN) if (waarden[v.naam].trim()) data.append(v.naam, waarden[v.naam].trim());
    data.append('bestand', bestand, bestand.name);
    setFout(null);
    setVoortgang({ verzonden: 0, totaal: bestand.size, klaar: false });
    try {
      const antwoord = await verstuurFormulier<Ingelezen>('/api/importen', data, setVoortgang);
      sessionStorage.setItem(STANDAARD, JSON.stringify({ bewindspersoon: waarden.bewindspersoon, ministerie: waarden.ministerie, thema: waarden.thema }));
      onIngelezen(antwoord, bestand.name);
    } catch (e) {
      setFout(metVeldFouten(e as ApiFout));
    } finally {
      setVoortgang(null);
    }
  };

  const naarVeld = (naam: string) => document.querySelector<HTMLElement>(naam === 'bestand' ? `#${veldId(naam)}-knop` : `#${veldId(naam)} input`)?.focus();
  const percentage = voortgang && voortgang.totaal > 0 ? Math.min(100, Math.round((voortgang.verzonden / voortgang.totaal) * 100)) : 0;
  const bestandFout = foutVoor('bestand');

  return (
    <form id={FORMULIER} onSubmit={verstuur} noValidate aria-labelledby="upload-titel" className="formulier">
      <Heading level={2} id="upload-titel">
        Document inlezen
      </Heading>
      <Paragraph>
        Een halfjaarbericht of bijlage (PDF, Word, platte tekst) of een registerlijst (Excel, CSV). Er wordt nog niets geregistreerd: elk gevonden item komt als voorstel klaar om te beoordelen.
      </Paragraph>
      <div ref={samenvatting} tabIndex={-1} className="formulier__samenvatting">
        {fout && (
          <Alert type="error">
            <Heading level={3}>{fout.titel}</Heading>
            <Paragraph>{fout.detail || fout.message}</Paragraph>
            {fout.fouten.length > 0 && (
              <ul className="formulier__foutenlijst">
                {fout.fouten.map((f) => (
                  <li key={`${f.veld}:${f.melding}`}>
                    {LABELS[f.veld] ? (
                      <a
                        href={`#${veldId(f.veld)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          naarVeld(f.veld);
                        }}
                      >
                        {LABELS[f.veld]}: {f.melding}
                      </a>
                    ) : (
                      `${f.veld}: ${f.melding}`
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </div>
      <div id={veldId('bestand')} className={`utrecht-form-field utrecht-form-field--text${bestandFout ? ' utrecht-form-field--invalid' : ''}`}>
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" id={`${veldId('bestand')}-label`} htmlFor={`${veldId('bestand')}-knop`}>
            Document
          </label>
        </div>
        <div className="utrecht-form-field__description" id={`${veldId('bestand')}-uitleg`}>
          PDF, DOCX, XLSX, CSV of TXT, ten hoogste 20 MB. Het soort wordt aan de inhoud herkend.
        </div>
        {bestandFout && (
          <div className="utrecht-form-field-error-message" id={`${veldId('bestand')}-fout`}>
            {bestandFout}
          </div>
        )}
        <div className="utrecht-form-field__input bestandskeuze">
          {/* The browser's own file control speaks the browser's language; this button speaks Dutch. */}
          <input ref={invoer} id={`${veldId('bestand')}-invoer`} name="bestand" type="file" className="visueel-verborgen" tabIndex={-1} aria-hidden="true" accept=".pdf,.docx,.xlsx,.csv,.txt,application/pdf,text/plain,text/csv" onChange={(e) => setBestand(e.target.files?.[0] ?? null)} />
          <Button
            id={`${veldId('bestand')}-knop`}
            appearance="secondary-action-button"
            type="button"
            aria-labelledby={`${veldId('bestand')}-label ${veldId('bestand')}-knop`}
            aria-describedby={`${veldId('bestand')}-gekozen ${veldId('bestand')}-uitleg${bestandFout ? ` ${veldId('bestand')}-fout` : ''}`}
            aria-invalid={bestandFout ? true : undefined}
            onClick={() => invoer.current?.click()}
          >
            {bestand ? 'Ander document kiezen' : 'Kies een document'}
          </Button>
          <span id={`${veldId('bestand')}-gekozen`} className="bestandskeuze__naam">
            {bestand ? `Gekozen: ${bestand.name}` : 'Nog geen document gekozen'}
          </span>
        </div>
      </div>
      {VELDEN.map((v) => {
        const live = v.naam === 'datum' && waarden.datum.trim() ? datumControle(waarden.datum.trim()) : undefined;
        const melding = live ?? foutVoor(v.naam);
        return (
          <div id={veldId(v.naam)} key={v.naam}>
            <FormFieldTextInput
              label={v.verplicht ? v.label : `${v.label} (niet verplicht)`}
              name={v.naam}
              description={v.beschrijving}
              invalid={!!melding}
              errorMessage={melding}
              required={v.verplicht}
              autoComplete="off"
              value={waarden[v.naam]}
              onChange={(e) => setWaarden({ ...waarden, [v.naam]: (e.target as unknown as HTMLInputElement).value })}
            />
          </div>
        );
      })}
      <div className="formulier__knoppen">
        <Button appearance="primary-action-button" type="submit" aria-disabled={bezig || undefined} busy={bezig}>
          {bezig ? 'Bezig…' : 'Inlezen'}
        </Button>
      </div>
      <div className="upload-voortgang">
        {voortgang && (
          <>
            <label htmlFor="upload-balk">Voortgang van het verzenden</label>
            <progress id="upload-balk" max={100} value={voortgang.klaar ? 100 : percentage}>
              {voortgang.klaar ? 100 : percentage}%
            </progress>
            <span aria-hidden="true">{voortgang.klaar ? 100 : percentage}%</span>
          </>
        )}
        <p role="status" className="klein">
          {voortgang && (voortgang.klaar ? 'Verzonden. Het document wordt gelezen…' : 'Bezig met verzenden…')}
        </p>
      </div>
    </form>
  );
}
