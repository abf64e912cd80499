import { Alert, Button, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useCallback, useEffect, useState } from 'react';
import { ApiFout, vraag } from '../api';
import { Formulier, Waarden } from '../onderdelen/formulier';
import { sessie } from '../sessie';
import { datumNl } from '../types';

interface Gebruiker {
  readonly naam: string;
  readonly rol: string;
  readonly aangemaaktOp: string;
  readonly ingetrokkenOp: string | null;
}

const ROLLEN = [
  { waarde: 'griffier', label: 'Griffier: registreert en wijzigt, stelt halfjaarberichten op' },
  { waarde: 'liaison', label: 'Kamerliaison: leest het register en het dashboard' },
  { waarde: 'auditor', label: 'Auditor: leest, bekijkt historie en controleert het log' },
  { waarde: 'beheerder', label: 'Beheerder: beheert gebruikers' },
];

/** The beheerder's page: who may use the register, a new user's token (shown once), revoking. */
export function BeheerPagina() {
  const [gebruikers, setGebruikers] = useState<Gebruiker[] | null>(null);
  const [waarden, setWaarden] = useState<Waarden>({ naam: '', rol: 'griffier' });
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);
  const [nieuw, setNieuw] = useState<{ naam: string; token: string } | null>(null);
  const [intrekFout, setIntrekFout] = useState<ApiFout | null>(null);
  const [ingetrokken, setIngetrokken] = useState<string | null>(null);
  const ik = sessie.huidig()?.naam;

  const laad = useCallback(() => vraag<Gebruiker[]>('/api/beheer/gebruikers').then(setGebruikers, setFout), []);
  useEffect(() => {
    void laad();
  }, [laad]);

  const voegToe = async () => {
    setBezig(true);
    setFout(null);
    try {
      const antwoord = await vraag<{ naam: string; token: string }>('/api/beheer/gebruikers', { methode: 'POST', body: { naam: waarden.naam.trim(), rol: waarden.rol } });
      setNieuw(antwoord);
      setWaarden({ naam: '', rol: waarden.rol });
      await laad();
    } catch (e) {
      setFout(e as ApiFout);
    } finally {
      setBezig(false);
    }
  };

  const trekIn = async (naam: string) => {
    if (!window.confirm(`De gebruiker ${naam} en al zijn tokens intrekken?`)) return;
    setIntrekFout(null);
    setIngetrokken(null);
    try {
      await vraag(`/api/beheer/gebruikers/${encodeURIComponent(naam)}`, { methode: 'DELETE' });
      setIngetrokken(naam);
    } catch (e) {
      setIntrekFout(e as ApiFout);
    }
    await laad();
  };

  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Gebruikers
      </Heading>
      {nieuw && (
        <Alert type="ok" role="status">
          <Paragraph>
            Het token van <strong>{nieuw.naam}</strong> (wordt maar één keer getoond; geef het veilig door):
          </Paragraph>
          <Paragraph>
            <code className="token">{nieuw.token}</code>
          </Paragraph>
        </Alert>
      )}
      {ingetrokken && (
        <Alert type="ok" role="status">
          <Paragraph>{ingetrokken} is ingetrokken; zijn tokens werken niet meer.</Paragraph>
        </Alert>
      )}
      {intrekFout && (
        <Alert type="error" role="alert">
          <Heading level={2} className="alert-kop">
            {intrekFout.code === 'laatste-beheerder' ? 'De laatste beheerder blijft' : 'Intrekken is niet gelukt'}
          </Heading>
          <Paragraph>{intrekFout.message}</Paragraph>
        </Alert>
      )}
      {gebruikers && (
        <div className="tabel-houder">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Naam</TableHeaderCell>
                <TableHeaderCell scope="col">Rol</TableHeaderCell>
                <TableHeaderCell scope="col">Sinds</TableHeaderCell>
                <TableHeaderCell scope="col">Actie</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {gebruikers.map((g) => (
                <TableRow key={g.naam}>
                  <TableCell>{g.naam}</TableCell>
                  <TableCell>{g.rol}</TableCell>
                  <TableCell>{datumNl(g.aangemaaktOp)}</TableCell>
                  <TableCell>
                    {g.ingetrokkenOp ? (
                      `Ingetrokken ${datumNl(g.ingetrokkenOp)}`
                    ) : g.naam === ik ? (
                      // Revoking oneself would end this session at once, and may leave nobody to manage users.
                      'U zelf (een andere beheerder kan u intrekken)'
                    ) : (
                      <Button appearance="subtle-button" type="button" onClick={() => trekIn(g.naam)}>
                        {`Trek ${g.naam} in`}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Formulier
        id="gebruiker"
        titel="Gebruiker toevoegen"
        velden={[
          { naam: 'naam', label: 'Naam', verplicht: true, beschrijving: 'Zoals die in elk event komt te staan, bijvoorbeeld een e-mailadres' },
          { naam: 'rol', label: 'Rol', soort: 'keuze', verplicht: true, opties: ROLLEN },
        ]}
        waarden={waarden}
        onWijzig={setWaarden}
        onVerstuur={voegToe}
        knop="Toevoegen"
        bezig={bezig}
        fout={fout}
      />
    </>
  );
}
