import { Alert, Heading, Link, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useEffect, useState } from 'react';
import { ApiFout, vraag } from '../api';
import { Formulier, Waarden } from '../onderdelen/formulier';
import { navigeer } from '../router';
import { sessie } from '../sessie';
import { OpdrachtAntwoord, datumNl } from '../types';

export interface BerichtRegel {
  readonly berichtId: string;
  readonly jaar: number;
  readonly helft: number;
  readonly titel: string;
  readonly peildatum: string;
  readonly status: 'Concept' | 'Verzonden';
  readonly verzondenOp: string | null;
  readonly kenmerk: string | null;
  readonly kamerstuk: string | null;
}

/** All halfjaarberichten, newest first, and (for the griffier) a new draft. */
export function HalfjaarberichtenPagina() {
  const [berichten, setBerichten] = useState<BerichtRegel[] | null>(null);
  const [laadFout, setLaadFout] = useState<ApiFout | null>(null);
  const jaar = new Date().getFullYear();
  const helft = new Date().getMonth() < 6 ? 1 : 2;
  const [waarden, setWaarden] = useState<Waarden>({ jaar: String(jaar), helft: String(helft), titel: '', peildatum: '', secties: '' });
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);

  useEffect(() => {
    vraag<BerichtRegel[]>('/api/halfjaarberichten').then(setBerichten, setLaadFout);
  }, []);

  const maakAan = async () => {
    setBezig(true);
    setFout(null);
    try {
      const body = {
        jaar: Number(waarden.jaar),
        helft: Number(waarden.helft),
        titel: waarden.titel.trim(),
        peildatum: waarden.peildatum,
        secties: waarden.secties.split('\n').map((s) => s.trim()).filter(Boolean),
      };
      const antwoord = await vraag<OpdrachtAntwoord>('/api/halfjaarberichten', { methode: 'POST', body });
      navigeer(`/halfjaarberichten/${antwoord.berichtId}?positie=${antwoord.positie}`);
    } catch (e) {
      setFout(e as ApiFout);
    } finally {
      setBezig(false);
    }
  };

  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Halfjaarberichten
      </Heading>
      {laadFout && (
        <Alert type="error">
          <Paragraph>{laadFout.message}</Paragraph>
        </Alert>
      )}
      {berichten && berichten.length === 0 && <Paragraph>Er zijn nog geen halfjaarberichten.</Paragraph>}
      {berichten && berichten.length > 0 && (
        <div className="tabel-houder">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Bericht</TableHeaderCell>
                <TableHeaderCell scope="col">Periode</TableHeaderCell>
                <TableHeaderCell scope="col">Stand per</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {berichten.map((b) => (
                <TableRow key={b.berichtId}>
                  <TableCell>
                    <Link href={`/halfjaarberichten/${b.berichtId}`}>{b.titel}</Link>
                  </TableCell>
                  <TableCell>
                    {b.helft === 1 ? 'Eerste' : 'Tweede'} helft {b.jaar}
                  </TableCell>
                  <TableCell>{datumNl(b.peildatum)}</TableCell>
                  <TableCell>{b.status === 'Verzonden' ? `Verzonden op ${datumNl(b.verzondenOp)}${b.kenmerk ? ` (kenmerk ${b.kenmerk})` : ''}` : 'Concept'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {sessie.heeft('griffier') && (
        <section aria-labelledby="nieuw-bericht-titel">
          <Formulier
            id="nieuw-bericht"
            titel="Nieuw concept-halfjaarbericht"
            velden={[
              { naam: 'titel', label: 'Titel', verplicht: true, beschrijving: 'Bijvoorbeeld: Eerste halfjaarbericht politie 2025' },
              { naam: 'jaar', label: 'Jaar', soort: 'getal', verplicht: true },
              { naam: 'helft', label: 'Helft', soort: 'keuze', verplicht: true, opties: [{ waarde: '1', label: 'Eerste (januari–juni)' }, { waarde: '2', label: 'Tweede (juli–december)' }] },
              { naam: 'peildatum', label: 'Stand per', soort: 'datum', verplicht: true, beschrijving: 'De datum waarvoor het bericht spreekt' },
              { naam: 'secties', label: 'Secties', soort: 'tekstvak', verplicht: true, beschrijving: 'Eén per regel, in de volgorde van het bericht' },
            ]}
            waarden={waarden}
            onWijzig={setWaarden}
            onVerstuur={maakAan}
            knop="Concept aanmaken"
            bezig={bezig}
            fout={fout}
          />
        </section>
      )}
    </>
  );
}
