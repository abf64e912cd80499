import { Alert, Button, Link, Paragraph } from '@rijkshuisstijl-community/components-react';
import { ReactNode } from 'react';
import { ApiFout } from '../../api';
import { Voorstel, datumNl } from '../../types';
import { Afwijzen, Bewerken, Samenvoegen } from './acties';
import { AFHANDELING_LABEL, STATUS_IN_BRON, bereik, ledenTekst, procent, stappenTekst, voorstelNaam } from './model';

export type Modus = 'bewerk' | 'afwijs' | 'samenvoeg' | null;

interface Props {
  readonly voorstel: Voorstel;
  readonly gekozen: boolean;
  readonly magAfhandelen: boolean;
  readonly modus: Modus;
  readonly bezig: boolean;
  readonly fout: ApiFout | null;
  readonly onKies: () => void;
  readonly onModus: (m: Modus) => void;
  readonly onAanvaard: (wijzigingen?: Record<string, unknown>) => void;
  readonly onAfwijs: (reden: string) => void;
  readonly onSamenvoeg: (itemId: string, nummer: string) => void;
  readonly onNaarBron: () => void;
}

export const knopId = (v: Voorstel) => `voorstel-${v.voorstelId}-knop`;

function Gegeven({ sleutel, children }: { sleutel: string; children: ReactNode }) {
  return (
    <div className="gegevens__rij">
      <dt>{sleutel}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * One proposal in the list: a button that selects it (and shows its passage in the source), and
 * when selected its details and the clerk's actions.
 */
export function VoorstelKaart(props: Props) {
  const { voorstel: v, gekozen, modus } = props;
  const g = v.gegevens;
  const { van, tot } = bereik(v);
  const open = v.afhandeling === 'open';
  const detailsId = `voorstel-${v.voorstelId}-details`;
  const afwijkendNummer = g.nummerInBron && g.nummerInBron !== g.nummer;

  return (
    <li className={`voorstel voorstel--${v.afhandeling}${gekozen ? ' voorstel--gekozen' : ''}`} data-voorstel={v.voorstelId}>
      <button type="button" id={knopId(v)} className="voorstel__kop" aria-expanded={gekozen} aria-controls={detailsId} onClick={props.onKies}>
        <span className="voorstel__naam">
          {voorstelNaam(v)}
          {afwijkendNummer && <span className="klein"> (in de bron: {g.nummerInBron})</span>}
        </span>
        <span className="voorstel__titel">{g.titel}</span>
        <span className="voorstel__kenmerken">
          <span className={`kenmerk kenmerk--${v.afhandeling}`}>{AFHANDELING_LABEL[v.afhandeling]}</span>
          <span className="kenmerk">{v.soortVoorstel === 'registratie' ? 'Nieuw' : 'Statuswijziging'}</span>
          {g.status && <span className="kenmerk">{STATUS_IN_BRON[g.status]}</span>}
          {g.rol === 'genoemd' && <span className="kenmerk">Alleen genoemd</span>}
          <span className="kenmerk">zekerheid {procent(g.zekerheid)}</span>
          {v.waarschuwingen.length > 0 && <span className="kenmerk kenmerk--waarschuwing">{v.waarschuwingen.length === 1 ? '1 waarschuwing' : `${v.waarschuwingen.length} waarschuwingen`}</span>}
        </span>
      </button>
      <div id={detailsId} hidden={!gekozen} className="voorstel__details">
        {gekozen && (
          <>
            {v.waarschuwingen.length > 0 && (
              <Alert type="warning">
                <ul className="waarschuwingen">
                  {v.waarschuwingen.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </Alert>
            )}
            <dl className="gegevens">
              <Gegeven sleutel="Voorstel">{v.soortVoorstel === 'registratie' ? 'Nieuw registreren' : 'Status wijzigen van een item dat het register al heeft'}</Gegeven>
              <Gegeven sleutel="Nummer">
                {g.nummer ?? 'geen geldig nummer gevonden'}
                {afwijkendNummer ? ` (in de bron geschreven als ${g.nummerInBron})` : ''}
              </Gegeven>
              {g.vergaderjaar && <Gegeven sleutel="Vergaderjaar">{g.vergaderjaar}</Gegeven>}
              <Gegeven sleutel={g.soort === 'motie' ? 'Indieners' : 'Gedaan aan'}>{ledenTekst(g.leden) || '—'}</Gegeven>
              {v.kamer ? (
                <Gegeven sleutel="Status bij de Kamer">{v.kamer.status ?? 'geen'}</Gegeven>
              ) : (
                <Gegeven sleutel="Status volgens het bericht">{g.status ? STATUS_IN_BRON[g.status] : 'geen'}</Gegeven>
              )}
              <Gegeven sleutel="Rol in het bericht">{g.rol === 'behandeld' ? 'Behandeld' : 'Alleen genoemd in een ander item'}</Gegeven>
              <Gegeven sleutel="Zekerheid">{procent(g.zekerheid)}</Gegeven>
              {g.debat && <Gegeven sleutel="Debat">{g.debat}</Gegeven>}
              {g.datum && <Gegeven sleutel="Datum">{datumNl(g.datum)}</Gegeven>}
              {g.thema && <Gegeven sleutel="Thema">{g.thema}</Gegeven>}
              {g.afgedaanIn && <Gegeven sleutel="Afgedaan in">{g.afgedaanIn}</Gegeven>}
              {v.correcties?.tekst && (
                <Gegeven sleutel="Nieuwe tekst">
                  <q>{v.correcties.tekst}</q>
                </Gegeven>
              )}
              <Gegeven sleutel="Bron">
                {v.kamer ? (
                  <Link href={v.kamer.url} target="_blank" rel="noopener noreferrer">
                    Tweede Kamer, {v.kamer.entiteit.toLowerCase()} {g.nummerInBron ?? v.kamer.id}
                  </Link>
                ) : (
                  <button type="button" className="linkknop" onClick={props.onNaarBron}>
                    regel {van}
                    {tot !== van ? `–${tot}` : ''}
                  </button>
                )}
              </Gegeven>
              {g.bewijs && (
                <Gegeven sleutel="Bewijs">
                  <q>{g.bewijs}</q>
                </Gegeven>
              )}
              <Gegeven sleutel="In het register">
                {v.match ? (
                  <>
                    <Link href={`/items/${v.match.itemId}`}>{v.match.nummer}</Link> — {v.match.titel} (overeenkomst {procent(v.match.score)}, op {v.match.op === 'nummer' ? 'nummer' : 'titel en leden'})
                  </>
                ) : (
                  'nog niet'
                )}
              </Gegeven>
            </dl>
            {!open && (
              <Paragraph className="voorstel__afhandeling">
                <strong>{AFHANDELING_LABEL[v.afhandeling]}</strong>
                {v.afgehandeldDoor ? ` door ${v.afgehandeldDoor}` : ''}
                {v.afgehandeldOp ? ` op ${datumNl(v.afgehandeldOp)}` : ''}
                {v.stappen.length > 0 ? `: ${stappenTekst(v.stappen)}` : ''}
                {v.gewijzigdeVelden.length > 0 ? ` (aangepast: ${v.gewijzigdeVelden.join(', ')})` : ''}
                {v.reden ? `. Reden: ${v.reden}` : ''}
                {v.itemId && (
                  <>
                    {' '}
                    <Link href={`/items/${v.itemId}`}>Naar het item</Link>
                  </>
                )}
              </Paragraph>
            )}
            {open && props.magAfhandelen && (
              <>
                {props.fout && !modus && (
                  <Alert type="error" role="alert">
                    <Paragraph>{props.fout.message}</Paragraph>
                    <Paragraph>Pas het voorstel aan (e) of wijs het af (r).</Paragraph>
                  </Alert>
                )}
                <div className="knoppenrij">
                  <Button appearance="primary-action-button" type="button" aria-keyshortcuts="a" busy={props.bezig && !modus} aria-disabled={props.bezig || undefined} onClick={() => !props.bezig && props.onAanvaard()}>
                    Aanvaarden <kbd aria-hidden="true">a</kbd>
                  </Button>
                  <Button appearance="secondary-action-button" type="button" aria-keyshortcuts="e" aria-expanded={modus === 'bewerk'} onClick={() => props.onModus('bewerk')}>
                    Bewerken <kbd aria-hidden="true">e</kbd>
                  </Button>
                  <Button appearance="secondary-action-button" type="button" aria-keyshortcuts="m" aria-expanded={modus === 'samenvoeg'} onClick={() => props.onModus('samenvoeg')}>
                    Samenvoegen <kbd aria-hidden="true">m</kbd>
                  </Button>
                  <Button appearance="secondary-action-button" type="button" aria-keyshortcuts="r" aria-expanded={modus === 'afwijs'} onClick={() => props.onModus('afwijs')}>
                    Afwijzen <kbd aria-hidden="true">r</kbd>
                  </Button>
                </div>
                {modus === 'bewerk' && <Bewerken voorstel={v} fout={props.fout} bezig={props.bezig} onVerstuur={props.onAanvaard} onAnnuleer={() => props.onModus(null)} />}
                {modus === 'afwijs' && <Afwijzen voorstel={v} fout={props.fout} bezig={props.bezig} onVerstuur={props.onAfwijs} onAnnuleer={() => props.onModus(null)} />}
                {modus === 'samenvoeg' && <Samenvoegen voorstel={v} fout={props.fout} bezig={props.bezig} onVerstuur={props.onSamenvoeg} onAnnuleer={() => props.onModus(null)} />}
              </>
            )}
          </>
        )}
      </div>
    </li>
  );
}
