import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useState } from 'react';
import { ApiFout, vraag } from '../api';
import { Formulier, Waarden } from '../onderdelen/formulier';
import { navigeer } from '../router';
import { Rol, sessie } from '../sessie';

/**
 * Sign-in with a register token (`mtr_…`, from the beheerder) or an access token from the ministry's
 * OIDC provider when the register is configured for it: both are checked by the API, which says who
 * the holder is and which roles they have.
 */
export function AanmeldenPagina({ terug }: { terug: string }) {
  const [waarden, setWaarden] = useState<Waarden>({ token: '' });
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);

  const meldAan = async () => {
    setBezig(true);
    setFout(null);
    const token = waarden.token.trim();
    try {
      if (!token) throw new ApiFout(400, 'Token ontbreekt', 'Vul uw token in.', [{ veld: 'token', melding: 'is verplicht' }]);
      const ik = await vraag<{ naam: string; rollen: Rol[] }>('/api/ik', { token });
      sessie.aanmelden({ token, naam: ik.naam, rollen: ik.rollen });
      navigeer(terug === '/' || terug.startsWith('/aanmelden') ? '/' : terug, true);
    } catch (e) {
      const f = e as ApiFout;
      setFout(f.status === 401 ? new ApiFout(401, 'Aanmelden lukte niet', f.detail || 'Dit token is onbekend of ingetrokken.', [{ veld: 'token', melding: 'is onbekend, verlopen of ingetrokken' }]) : f);
    } finally {
      setBezig(false);
    }
  };

  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Aanmelden
      </Heading>
      <Paragraph>Meld u aan met het token dat u van de beheerder kreeg, of met een toegangstoken van de inlogdienst van het ministerie.</Paragraph>
      <Formulier
        id="aanmelden"
        velden={[{ naam: 'token', label: 'Token', soort: 'wachtwoord', verplicht: true, beschrijving: 'Begint met mtr_ bij een registertoken.', autoComplete: 'current-password' }]}
        waarden={waarden}
        onWijzig={setWaarden}
        onVerstuur={meldAan}
        knop="Aanmelden"
        bezig={bezig}
        fout={fout}
      />
    </>
  );
}
