import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useState } from 'react';
import { ApiFout, vraag } from '../../api';
import { Formulier, Waarden } from '../../onderdelen/formulier';
import { OpdrachtAntwoord, vandaag } from '../../types';
import { Overzicht, Gewijzigd } from './model';

/** Sending is final: a second step names what will happen before the report is sent. */
export function Verzenden({ bericht, onGewijzigd, onHerlaad }: { bericht: Overzicht; onGewijzigd: Gewijzigd; onHerlaad: () => Promise<void> }) {
  const [waarden, setWaarden] = useState<Waarden>({ datum: vandaag(), kenmerk: '' });
  const [bevestigen, setBevestigen] = useState(false);
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);
  const afgedaan = [...bericht.toezeggingen, ...bericht.moties].filter((r) => r.status !== 'in-behandeling').length;

  const verzend = async () => {
    setBezig(true);
    try {
      const antwoord = await vraag<OpdrachtAntwoord>(`/api/halfjaarberichten/${bericht.berichtId}/verzending`, { methode: 'POST', body: { datum: waarden.datum, kenmerk: waarden.kenmerk.trim(), verwachteRevisie: bericht.revisie } });
      setBevestigen(false);
      await onGewijzigd('Het bericht is verzonden. Het kan niet meer worden gewijzigd.', antwoord);
    } catch (e) {
      setFout(e as ApiFout);
      setBevestigen(false);
    } finally {
      setBezig(false);
    }
  };

  return (
    <section aria-labelledby="verzenden-titel" className="paneel">
      <Heading level={2} id="verzenden-titel">
        Verzenden
      </Heading>
      {!bevestigen ? (
        <Formulier
          id="verzenden"
          velden={[
            { naam: 'datum', label: 'Verzonden op', soort: 'datum', verplicht: true },
            { naam: 'kenmerk', label: 'Kenmerk', verplicht: true },
          ]}
          waarden={waarden}
          onWijzig={setWaarden}
          onVerstuur={() => {
            setFout(null);
            setBevestigen(true);
            setTimeout(() => document.getElementById('bevestig-verzenden')?.focus(), 0);
          }}
          knop="Verzenden…"
          bezig={false}
          fout={fout}
          onHerlaad={async () => {
            // The newest report, with the date and kenmerk typed here kept.
            await onHerlaad();
            setFout(null);
          }}
        />
      ) : (
        <div id="bevestig-verzenden" tabIndex={-1} role="alertdialog" aria-labelledby="bevestig-titel" aria-describedby="bevestig-tekst">
          <Alert type="warning">
            <Heading level={3} id="bevestig-titel">
              Definitief verzenden?
            </Heading>
            <Paragraph id="bevestig-tekst">
              Na verzending kan dit bericht niet meer worden gewijzigd. De {afgedaan} items die het (deels) afgedaan verklaart, worden in het register afgedaan met dit bericht als bewijs.
            </Paragraph>
          </Alert>
          <div className="knoppenrij">
            <Button appearance="primary-action-button" type="button" onClick={verzend} busy={bezig}>
              Ja, definitief verzenden
            </Button>
            <Button appearance="secondary-action-button" type="button" onClick={() => setBevestigen(false)}>
              Nee, terug
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
