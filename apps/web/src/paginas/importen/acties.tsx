import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useState } from 'react';
import { isVergaderjaar } from '../../../../../libs/domain/src/shared/identifiers';
import { ApiFout, VeldFout, vraag } from '../../api';
import { Formulier, Veld, Waarden } from '../../onderdelen/formulier';
import { leesLeden, schrijfLeden } from '../../onderdelen/invoer';
import { metZoek } from '../../router';
import { ItemPagina as ItemLijst, STATUS_LABEL, Voorstel } from '../../types';
import { nummerControle } from '../item';
import { STATUS_IN_BRON } from './model';

/** The fields a clerk may change before accepting, as `wijzigingen` of the aanvaarding takes them. */
const BEWERKBAAR = ['soort', 'nummer', 'vergaderjaar', 'titel', 'leden', 'status', 'thema', 'debat', 'datum', 'tekst'] as const;
type Bewerkbaar = (typeof BEWERKBAAR)[number];
const NIET_LEEG: readonly Bewerkbaar[] = ['titel', 'tekst', 'soort'];

function velden(soort: string): Veld[] {
  return [
    { naam: 'wijzigingen.soort', label: 'Soort', soort: 'keuze', verplicht: true, opties: [{ waarde: 'motie', label: 'Motie' }, { waarde: 'toezegging', label: 'Toezegging' }] },
    { naam: 'wijzigingen.nummer', label: 'Nummer', controle: nummerControle(soort === 'toezegging' ? 'toezegging' : 'motie'), beschrijving: 'Leeg: het register geeft een toezegging zelf een nummer' },
    { naam: 'wijzigingen.vergaderjaar', label: 'Vergaderjaar', controle: (w) => (isVergaderjaar(w) ? undefined : 'moet een vergaderjaar zijn, zoals 2024/25'), beschrijving: 'Bijvoorbeeld 2024/25' },
    { naam: 'wijzigingen.titel', label: 'Titel', verplicht: true },
    { naam: 'wijzigingen.leden', label: soort === 'motie' ? 'Indieners' : 'Gedaan aan', soort: 'tekstvak', beschrijving: 'Eén per regel: naam, fractie' },
    {
      naam: 'wijzigingen.status',
      label: 'Status volgens het bericht',
      soort: 'keuze',
      opties: [{ waarde: '', label: 'Geen (alleen registreren)' }, ...Object.entries(STATUS_IN_BRON).map(([waarde, label]) => ({ waarde, label }))],
    },
    { naam: 'wijzigingen.thema', label: 'Thema' },
    { naam: 'wijzigingen.debat', label: 'Debat of vindplaats' },
    { naam: 'wijzigingen.datum', label: 'Datum', soort: 'datum', beschrijving: 'Van de motie of toezegging' },
    { naam: 'wijzigingen.tekst', label: 'Tekst', soort: 'tekstvak', verplicht: true },
  ];
}

function beginWaarden(v: Voorstel): Waarden {
  const g = v.gegevens;
  const tekst: Record<Bewerkbaar, string> = {
    soort: g.soort,
    nummer: g.nummer ?? '',
    vergaderjaar: g.vergaderjaar ?? '',
    titel: g.titel,
    leden: schrijfLeden(g.leden),
    status: g.status ?? '',
    thema: g.thema ?? '',
    debat: g.debat ?? '',
    datum: g.datum ?? '',
    tekst: g.tekst,
  };
  return Object.fromEntries(BEWERKBAAR.map((n) => [`wijzigingen.${n}`, tekst[n]]));
}

/** Only what the clerk changed is sent; an emptied field becomes null ("not known"). */
export function wijzigingen(v: Voorstel, waarden: Waarden): Record<string, unknown> {
  const begin = beginWaarden(v);
  const uit: Record<string, unknown> = {};
  for (const naam of BEWERKBAAR) {
    const nu = (waarden[`wijzigingen.${naam}`] ?? '').trim();
    if (nu === (begin[`wijzigingen.${naam}`] ?? '').trim()) continue;
    if (naam === 'leden') uit.leden = leesLeden(nu);
    else uit[naam] = nu === '' && !NIET_LEEG.includes(naam) ? null : nu;
  }
  return uit;
}

/** The API names a changed field `wijzigingen.nummer`, a domain check may name it `nummer`: both land on the form's field. */
export function naarFormulier(fout: ApiFout): ApiFout {
  const fouten: VeldFout[] = fout.fouten.map((f) => (BEWERKBAAR.some((n) => f.veld === n || f.veld.startsWith(`${n}.`) || f.veld.startsWith(`${n}[`)) ? { ...f, veld: `wijzigingen.${f.veld}` } : f));
  // A number already in use is a 409, but nobody changed this proposal meanwhile: it is a field error here.
  const status = fout.status === 409 && fout.code !== 'revisie-conflict' ? 422 : fout.status;
  return new ApiFout(status, fout.titel, fout.detail, fouten, fout.code);
}

export function Bewerken({ voorstel, fout, bezig, onVerstuur, onAnnuleer }: { voorstel: Voorstel; fout: ApiFout | null; bezig: boolean; onVerstuur: (w: Record<string, unknown>) => void; onAnnuleer: () => void }) {
  const [waarden, setWaarden] = useState<Waarden>(() => beginWaarden(voorstel));
  return (
    <div className="voorstel__formulier">
      <Formulier
        id={`bewerk-${voorstel.voorstelId}`}
        titel="Bewerken en aanvaarden"
        velden={velden(waarden['wijzigingen.soort'] ?? voorstel.gegevens.soort)}
        waarden={waarden}
        onWijzig={setWaarden}
        onVerstuur={() => onVerstuur(wijzigingen(voorstel, waarden))}
        knop="Aanvaarden met deze gegevens"
        bezig={bezig}
        fout={fout ? naarFormulier(fout) : null}
      />
      <Button appearance="subtle-button" type="button" onClick={onAnnuleer}>
        Annuleren (Esc)
      </Button>
    </div>
  );
}

export function Afwijzen({ voorstel, fout, bezig, onVerstuur, onAnnuleer }: { voorstel: Voorstel; fout: ApiFout | null; bezig: boolean; onVerstuur: (reden: string) => void; onAnnuleer: () => void }) {
  const [waarden, setWaarden] = useState<Waarden>({ reden: '' });
  return (
    <div className="voorstel__formulier">
      <Formulier
        id={`afwijs-${voorstel.voorstelId}`}
        titel="Afwijzen"
        velden={[{ naam: 'reden', label: 'Reden', verplicht: true, beschrijving: 'Bijvoorbeeld: geen motie, alleen een verwijzing in de inleiding' }]}
        waarden={waarden}
        onWijzig={setWaarden}
        onVerstuur={() => onVerstuur(waarden.reden.trim())}
        knop="Afwijzen"
        bezig={bezig}
        fout={fout}
      />
      <Button appearance="subtle-button" type="button" onClick={onAnnuleer}>
        Annuleren (Esc)
      </Button>
    </div>
  );
}

/** Merge with an item the register has: the match if there is one, or one found by searching. */
export function Samenvoegen({ voorstel, fout, bezig, onVerstuur, onAnnuleer }: { voorstel: Voorstel; fout: ApiFout | null; bezig: boolean; onVerstuur: (itemId: string, nummer: string) => void; onAnnuleer: () => void }) {
  const [zoekterm, setZoekterm] = useState(voorstel.gegevens.nummer ?? voorstel.gegevens.titel);
  const [resultaten, setResultaten] = useState<ItemLijst | null>(null);
  const [zoekFout, setZoekFout] = useState<ApiFout | null>(null);
  const id = `samenvoeg-${voorstel.voorstelId}`;

  const zoek = async () => {
    try {
      setResultaten(await vraag<ItemLijst>(metZoek('/api/items', { zoek: zoekterm.trim(), perPagina: 10, weergave: 'kort' })));
      setZoekFout(null);
    } catch (e) {
      setZoekFout(e as ApiFout);
    }
  };

  const kies = (itemId: string, nummer: string) => (
    <Button appearance="secondary-action-button" type="button" aria-disabled={bezig || undefined} onClick={() => !bezig && onVerstuur(itemId, nummer)}>
      Samenvoegen met {nummer}
    </Button>
  );

  return (
    <div className="voorstel__formulier" aria-labelledby={`${id}-titel`} role="group">
      <Heading level={3} id={`${id}-titel`}>
        Samenvoegen met een item uit het register
      </Heading>
      <Paragraph className="klein">De status uit het document geldt dan voor het gekozen item; er wordt niets nieuw geregistreerd.</Paragraph>
      <div role="alert">{(fout ?? zoekFout) && <Paragraph className="fouttekst">{(fout ?? zoekFout)!.message}</Paragraph>}</div>
      {voorstel.match && (
        <Paragraph>
          Gevonden: {voorstel.match.nummer} — {voorstel.match.titel} {kies(voorstel.match.itemId, voorstel.match.nummer)}
        </Paragraph>
      )}
      <form
        className="zoekrij"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void zoek();
        }}
      >
        <label htmlFor={`${id}-zoek`}>Zoek in het register</label>
        <input id={`${id}-zoek`} className="utrecht-textbox utrecht-textbox--html-input" value={zoekterm} onChange={(e) => setZoekterm(e.target.value)} />
        <Button appearance="secondary-action-button" type="submit">
          Zoeken
        </Button>
      </form>
      {resultaten && (
        <ul aria-label="Zoekresultaten" className="zoekresultaten">
          {resultaten.items.length === 0 && <li>Niets gevonden.</li>}
          {resultaten.items.map((i) => (
            <li key={i.itemId}>
              {i.nummer} — {i.titel} ({STATUS_LABEL[i.status]}) {kies(i.itemId, i.nummer)}
            </li>
          ))}
        </ul>
      )}
      <Button appearance="subtle-button" type="button" onClick={onAnnuleer}>
        Annuleren (Esc)
      </Button>
    </div>
  );
}
