import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useState } from 'react';
import { isVergaderjaar } from '../../../../libs/domain/src/shared/identifiers';
import { ApiFout, vraag } from '../api';
import { Formulier, Veld, Waarden } from '../onderdelen/formulier';
import { genest, leesLeden } from '../onderdelen/invoer';
import { navigeer } from '../router';
import { OpdrachtAntwoord, emailControle, vandaag } from '../types';
import { nummerControle } from './item';

/** The owner, optional at registration: name, e-mail and directie together, or none of them. */
const BEHANDELAAR_VELDEN: Veld[] = [
  { naam: 'behandelaar.naam', label: 'Behandelaar', beschrijving: 'De beleidsmedewerker die de brief of actie levert. Vul naam, e-mailadres en directie samen in, of laat ze leeg en wijs later toe.' },
  { naam: 'behandelaar.email', label: 'E-mailadres behandelaar', controle: emailControle },
  { naam: 'behandelaar.directie', label: 'Directie behandelaar', beschrijving: 'Bijvoorbeeld: Directie Politie' },
  { naam: 'behandelaar.afdeling', label: 'Afdeling behandelaar' },
];

/** Registering a new motie or toezegging; the number formats of DOMAIN.md are checked while typing. */
export function NieuwItemPagina({ soort }: { soort: 'motie' | 'toezegging' }) {
  const motie = soort === 'motie';
  const velden: Veld[] = [
    {
      naam: 'nummer',
      label: motie ? 'Kamerstuknummer' : 'Toezeggingnummer',
      verplicht: motie,
      controle: nummerControle(soort),
      beschrijving: motie ? 'Dossier en ondernummer, zoals 29628-1230 of 36600-VI-32' : 'Zoals TZ202412-156; leeg laten als de Kamer geen nummer gaf (het register geeft dan een intern nummer)',
    },
    { naam: 'vergaderjaar', label: 'Vergaderjaar', verplicht: motie, controle: (w) => (isVergaderjaar(w) ? undefined : 'moet een vergaderjaar zijn, zoals 2024/25'), beschrijving: 'Zoals 2024/25' },
    { naam: 'titel', label: 'Titel', verplicht: true },
    { naam: 'tekst', label: motie ? 'Dictum' : 'Toezegging', soort: 'tekstvak', verplicht: true, beschrijving: motie ? 'Wat de Kamer de regering verzoekt' : 'De toezegging zoals gedaan' },
    { naam: 'datum', label: motie ? 'Datum van aanneming' : 'Datum van de toezegging', soort: 'datum', verplicht: true },
    { naam: 'debat', label: 'Debat', verplicht: true, beschrijving: 'Bijvoorbeeld: tweeminutendebat Politie 28 mei 2025' },
    { naam: 'leden', label: motie ? 'Indieners' : 'Gedaan aan (Kamerleden)', soort: 'tekstvak', verplicht: motie, beschrijving: 'Eén per regel, met de fractie na een komma: Boswijk, CDA' },
    { naam: 'bewindspersoon', label: 'Bewindspersoon', verplicht: true, beschrijving: 'Bijvoorbeeld: minister van Justitie en Veiligheid' },
    { naam: 'ministerie', label: 'Ministerie', verplicht: true, beschrijving: 'Bijvoorbeeld: JenV' },
    { naam: 'thema', label: 'Thema', verplicht: true },
    { naam: 'termijn.omschrijving', label: 'Termijn', beschrijving: 'Zoals toegezegd, bijvoorbeeld "voor de zomer"' },
    { naam: 'termijn.datum', label: 'Termijn verloopt op', soort: 'datum' },
    ...BEHANDELAAR_VELDEN,
  ];
  const [waarden, setWaarden] = useState<Waarden>({ datum: vandaag() });
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);

  const registreer = async () => {
    setBezig(true);
    setFout(null);
    try {
      const { leden: _leden, ...rest } = genest(waarden);
      const leden = leesLeden(waarden.leden ?? '');
      const body = { ...rest, [motie ? 'indieners' : 'leden']: leden };
      const antwoord = await vraag<OpdrachtAntwoord>(motie ? '/api/moties' : '/api/toezeggingen', { methode: 'POST', body });
      navigeer(`/items/${antwoord.itemId}?positie=${antwoord.positie}`);
    } catch (e) {
      const f = e as ApiFout;
      // The API names the list `indieners` for a motie; the field here is `leden`.
      setFout(new ApiFout(f.status, f.titel, f.detail, f.fouten.map((x) => ({ ...x, veld: x.veld.replace(/^indieners/, 'leden') })), f.code, f.houder));
    } finally {
      setBezig(false);
    }
  };

  return (
    <>
      <Heading level={1} tabIndex={-1}>
        {motie ? 'Nieuwe motie registreren' : 'Nieuwe toezegging registreren'}
      </Heading>
      <Paragraph>Velden zonder "(niet verplicht)" zijn verplicht. De registratie wordt een onveranderlijk event; fouten herstelt u later met een correctie.</Paragraph>
      <Formulier id={`nieuw-${soort}`} velden={velden} waarden={waarden} onWijzig={setWaarden} onVerstuur={registreer} knop={motie ? 'Motie registreren' : 'Toezegging registreren'} bezig={bezig} fout={fout} />
    </>
  );
}
