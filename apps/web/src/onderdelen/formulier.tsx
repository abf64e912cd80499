import { Alert, Button, FormFieldSelect, FormFieldTextarea, FormFieldTextInput, Heading, Link, Paragraph, SelectOption } from '@rijkshuisstijl-community/components-react';
import { FormEvent, ReactNode, useEffect, useRef } from 'react';
import { ApiFout, NummerHouder, VeldFout } from '../api';

export interface Veld {
  /** The API's name for it, so that its field errors land here: `datum`, `wijze.referentie`. */
  readonly naam: string;
  readonly label: string;
  readonly soort?: 'tekst' | 'datum' | 'tekstvak' | 'keuze' | 'getal' | 'wachtwoord';
  readonly opties?: readonly { readonly waarde: string; readonly label: string }[];
  readonly verplicht?: boolean;
  readonly beschrijving?: string;
  /** Checked while typing: a message when the value is not valid yet. */
  readonly controle?: (waarde: string) => string | undefined;
  readonly autoComplete?: string;
}

export type Waarden = Record<string, string>;

interface Props {
  readonly id: string;
  readonly titel?: string;
  readonly velden: readonly Veld[];
  readonly waarden: Waarden;
  readonly onWijzig: (waarden: Waarden) => void;
  readonly onVerstuur: () => void;
  readonly knop: string;
  readonly bezig: boolean;
  readonly fout: ApiFout | null;
  /** Shown in the 409 message: reloads what was changed meanwhile, keeping the input. */
  readonly onHerlaad?: () => void;
  readonly voor?: ReactNode;
  readonly na?: ReactNode;
}

const veldId = (formulier: string, naam: string) => `${formulier}-${naam.replace(/[^a-zA-Z0-9]/g, '-')}`;

/** `indieners[0].naam` and `wijze.referentie` belong to the fields `indieners` and `wijze`. */
const hoortBij = (foutVeld: string, naam: string) => foutVeld === naam || foutVeld.startsWith(`${naam}.`) || foutVeld.startsWith(`${naam}[`);

/** The API's messages for this field (also for its nested parts). */
function foutenVoor(fouten: readonly VeldFout[], naam: string): string | undefined {
  const eigen = fouten.filter((f) => hoortBij(f.veld, naam));
  return eigen.length ? eigen.map((f) => (f.veld === naam ? f.melding : `${f.veld.slice(naam.length + 1)}: ${f.melding}`)).join('; ') : undefined;
}

/**
 * A form of Rijkshuisstijl fields. The user's input stays as typed whatever the answer; the API's
 * field errors appear next to the fields and in a summary at the top that links to each field.
 */
export function Formulier(props: Props) {
  const { id, velden, waarden, fout } = props;
  const samenvatting = useRef<HTMLDivElement>(null);
  const fouten = fout?.fouten ?? [];
  /** The field an API error belongs to (also for nested names), if it is on this form. */
  const veldVan = (f: VeldFout) => velden.find((v) => hoortBij(f.veld, v.naam));

  useEffect(() => {
    if (fout) samenvatting.current?.focus();
  }, [fout]);

  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    if (!props.bezig) props.onVerstuur();
  };

  const naarVeld = (naam: string) => {
    const veld = document.querySelector<HTMLElement>(`#${veldId(id, naam)} input, #${veldId(id, naam)} textarea, #${veldId(id, naam)} select`);
    veld?.focus();
  };

  return (
    <form id={id} onSubmit={verstuur} noValidate aria-labelledby={props.titel ? `${id}-titel` : undefined} className="formulier">
      {props.titel && (
        <Heading level={3} id={`${id}-titel`}>
          {props.titel}
        </Heading>
      )}
      <div ref={samenvatting} tabIndex={-1} className="formulier__samenvatting">
        {fout && (
          <Alert type={fout.isConflict ? 'warning' : 'error'}>
            <Heading level={4}>{fout.isConflict ? 'Iemand anders heeft dit intussen gewijzigd' : fout.code === 'nummer-in-gebruik' ? 'Dit nummer is al in gebruik' : fout.titel}</Heading>
            {fout.code === 'nummer-in-gebruik' && fout.houder ? <NummerInGebruik houder={fout.houder} /> : <Paragraph>{fout.detail || fout.message}</Paragraph>}
            {fout.isConflict && props.onHerlaad && (
              <>
                <Paragraph>Uw invoer hieronder is bewaard. Laad de nieuwste stand, bekijk wat er veranderde en verstuur daarna opnieuw.</Paragraph>
                <Button appearance="secondary-action-button" type="button" onClick={props.onHerlaad}>
                  Nieuwste stand laden
                </Button>
              </>
            )}
            {fouten.length > 0 && (
              <ul className="formulier__foutenlijst">
                {fouten.map((f) => {
                  const veld = veldVan(f);
                  return (
                    <li key={`${f.veld}:${f.melding}`}>
                      {veld ? (
                        <a
                          href={`#${veldId(id, veld.naam)}`}
                          onClick={(e) => {
                            e.preventDefault();
                            naarVeld(veld.naam);
                          }}
                        >
                          {veld.label}: {f.melding}
                        </a>
                      ) : (
                        `${f.veld}: ${f.melding}`
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </Alert>
        )}
      </div>
      {props.voor}
      {velden.map((v) => (
        <VeldInvoer key={v.naam} formulier={id} veld={v} waarde={waarden[v.naam] ?? ''} apiFout={foutenVoor(fouten, v.naam)} onWijzig={(w) => props.onWijzig({ ...waarden, [v.naam]: w })} />
      ))}
      {props.na}
      <div className="formulier__knoppen">
        <Button appearance="primary-action-button" type="submit" aria-disabled={props.bezig || undefined} busy={props.bezig}>
          {props.bezig ? 'Bezig…' : props.knop}
        </Button>
      </div>
    </form>
  );
}

/** A number another item holds: which item, a link to it, and what the clerk can do. */
function NummerInGebruik({ houder }: { houder: NummerHouder }) {
  return (
    <>
      <Paragraph>
        Nummer {houder.nummer} is al in gebruik door de {houder.soort} "{houder.titel}". Twee items hebben nooit hetzelfde nummer: kies hieronder een ander nummer, of corrigeer het nummer van dat item als het daar verkeerd staat.
      </Paragraph>
      <Paragraph>
        <Link href={`/items/${houder.itemId}`}>
          Bekijk de {houder.soort} met nummer {houder.nummer}
        </Link>
      </Paragraph>
    </>
  );
}

function VeldInvoer({ formulier, veld, waarde, apiFout, onWijzig }: { formulier: string; veld: Veld; waarde: string; apiFout?: string; onWijzig: (w: string) => void }) {
  const controle = veld.controle ?? (veld.soort === 'datum' ? datumControle : undefined);
  const live = waarde.trim() ? controle?.(waarde.trim()) : undefined;
  const melding = live ?? apiFout;
  const label = veld.verplicht ? veld.label : `${veld.label} (niet verplicht)`;
  const beschrijving = veld.soort === 'datum' ? [veld.beschrijving?.replace(/([^.])$/, '$1.'), 'In de vorm JJJJ-MM-DD, bijvoorbeeld 2025-06-20.'].filter(Boolean).join(' ') : veld.beschrijving;
  // No id on the components themselves: they tie label and control together with their own ids.
  const gemeen = { label, name: veld.naam, invalid: !!melding, errorMessage: melding, description: beschrijving };
  return <div id={veldId(formulier, veld.naam)}>{invoer()}</div>;

  function invoer() {
    if (veld.soort === 'tekstvak') {
      return <FormFieldTextarea {...gemeen} value={waarde} required={veld.verplicht} onChange={(e) => onWijzig(e.target.value)} rows={4} />;
    }
    if (veld.soort === 'keuze') {
      return (
        <FormFieldSelect {...gemeen} value={waarde} required={veld.verplicht} onChange={(e) => onWijzig(e.target.value)}>
          {veld.opties!.map((o) => (
            <SelectOption key={o.waarde} value={o.waarde}>
              {o.label}
            </SelectOption>
          ))}
        </FormFieldSelect>
      );
    }
    // Dates are typed as JJJJ-MM-DD, the register's own notation: the same by keyboard, screen reader and paste.
    const type = veld.soort === 'getal' ? 'number' : veld.soort === 'wachtwoord' ? 'password' : 'text';
    return <FormFieldTextInput {...gemeen} type={type} value={waarde} required={veld.verplicht} autoComplete={veld.autoComplete ?? 'off'} onChange={(e) => onWijzig((e.target as unknown as HTMLInputElement).value)} />;
  }
}

/** A business date as the API takes it: an existing day in the form JJJJ-MM-DD. */
export function datumControle(waarde: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(waarde);
  if (!m) return 'moet een datum zijn in de vorm JJJJ-MM-DD';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? undefined : 'deze datum bestaat niet';
}
