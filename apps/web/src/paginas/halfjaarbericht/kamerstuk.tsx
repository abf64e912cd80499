import { useState } from 'react';
import { ApiFout, vraag } from '../../api';
import { Formulier, Waarden } from '../../onderdelen/formulier';
import { OpdrachtAntwoord } from '../../types';
import { Overzicht, Gewijzigd } from './model';

/** The Kamerstuk number a sent report got later: the one change a sent report takes. */
export function Kamerstuk({ bericht, onGewijzigd }: { bericht: Overzicht; onGewijzigd: Gewijzigd }) {
  const [waarden, setWaarden] = useState<Waarden>({ kamerstuk: '' });
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);
  return (
    <details className="paneel">
      <summary>Kamerstuknummer vastleggen</summary>
      <Formulier
        id="kamerstuk"
        velden={[{ naam: 'kamerstuk', label: 'Kamerstuk', verplicht: true, beschrijving: 'Bijvoorbeeld: Kamerstukken II 2024/25, 29628, nr. 1270' }]}
        waarden={waarden}
        onWijzig={setWaarden}
        onVerstuur={async () => {
          setBezig(true);
          try {
            await onGewijzigd('Het Kamerstuknummer is vastgelegd.', await vraag<OpdrachtAntwoord>(`/api/halfjaarberichten/${bericht.berichtId}/kamerstuk`, { methode: 'POST', body: { kamerstuk: waarden.kamerstuk.trim() } }));
          } catch (e) {
            setFout(e as ApiFout);
          } finally {
            setBezig(false);
          }
        }}
        knop="Vastleggen"
        bezig={bezig}
        fout={fout}
      />
    </details>
  );
}
