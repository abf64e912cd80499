import { useState } from 'react';
import { ApiFout, vraag } from '../../api';
import { Formulier, Waarden } from '../../onderdelen/formulier';
import { OpdrachtAntwoord } from '../../types';
import { Overzicht, Gewijzigd } from './model';

/** An aanvullende zaak: something the report accounts for that is not a motie or toezegging. */
export function ZaakOpnemen({ bericht, onGewijzigd }: { bericht: Overzicht; onGewijzigd: Gewijzigd }) {
  const [waarden, setWaarden] = useState<Waarden>({ sectie: bericht.secties[0] });
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);
  return (
    <details className="paneel">
      <summary>Aanvullende zaak opnemen (geen motie of toezegging)</summary>
      <Formulier
        id="zaak"
        velden={[
          { naam: 'sectie', label: 'Sectie', soort: 'keuze', verplicht: true, opties: bericht.secties.map((s) => ({ waarde: s, label: s })) },
          { naam: 'titel', label: 'Titel', verplicht: true },
          { naam: 'tekst', label: 'Tekst', soort: 'tekstvak', verplicht: true },
        ]}
        waarden={waarden}
        onWijzig={setWaarden}
        onVerstuur={async () => {
          setBezig(true);
          try {
            const antwoord = await vraag<OpdrachtAntwoord>(`/api/halfjaarberichten/${bericht.berichtId}/zaken`, { methode: 'POST', body: { sectie: waarden.sectie, titel: waarden.titel?.trim() ?? '', tekst: waarden.tekst?.trim() ?? '' } });
            setWaarden({ sectie: bericht.secties[0] });
            setFout(null);
            await onGewijzigd('De aanvullende zaak is opgenomen.', antwoord);
          } catch (e) {
            setFout(e as ApiFout);
          } finally {
            setBezig(false);
          }
        }}
        knop="Zaak opnemen"
        bezig={bezig}
        fout={fout}
      />
    </details>
  );
}
