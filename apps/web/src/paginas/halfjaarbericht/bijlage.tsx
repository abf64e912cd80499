import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useEffect, useState } from 'react';
import { bestand, bewaar, vraag } from '../../api';
import { Overzicht } from './model';

const FORMATEN = [
  { formaat: 'docx', label: 'Word (DOCX)' },
  { formaat: 'html', label: 'HTML' },
  { formaat: 'md', label: 'Markdown' },
  { formaat: 'csv', label: 'CSV' },
] as const;

/** The annex: the layout, the downloads, and a preview that is only fetched once it is looked at. */
export function Bijlage({ bericht, zichtbaar }: { bericht: Overzicht; zichtbaar: boolean }) {
  const [indeling, setIndeling] = useState<'verhalend' | 'tabel'>('verhalend');
  const [voorbeeld, setVoorbeeld] = useState<string | null>(null);
  const [gezien, setGezien] = useState(zichtbaar);
  const concept = bericht.status === 'Concept';

  useEffect(() => {
    if (zichtbaar) setGezien(true);
  }, [zichtbaar]);
  useEffect(() => {
    if (!gezien) return;
    vraag<string>(`/api/halfjaarberichten/${bericht.berichtId}/bijlage?formaat=html&indeling=${indeling}`).then(setVoorbeeld, () => setVoorbeeld(null));
  }, [gezien, bericht, indeling]);

  return (
    <section aria-labelledby="voorbeeld">
      <Heading level={2} id="voorbeeld">
        {concept ? 'Voorbeeld van de bijlage' : 'De bijlage'}
      </Heading>
      <Paragraph>{concept ? 'Zo komt de bijlage eruit te zien als het bericht nu wordt verzonden.' : 'De bijlage zoals die is verzonden; elke download is gelijk aan het verzonden bericht.'}</Paragraph>
      <fieldset className="keuze-rij">
        <legend>Indeling</legend>
        {(['verhalend', 'tabel'] as const).map((i) => (
          <label key={i}>
            <input type="radio" name="indeling" value={i} checked={indeling === i} onChange={() => setIndeling(i)} /> {i === 'verhalend' ? 'Verhalend (zoals de bijlage)' : 'Tabel (omschrijving, vindplaats, stand van zaken)'}
          </label>
        ))}
      </fieldset>
      <div className="knoppenrij">
        {FORMATEN.map((f) => (
          <Button
            key={f.formaat}
            type="button"
            appearance="secondary-action-button"
            onClick={async () => {
              const { blob, naam } = await bestand(`/api/halfjaarberichten/${bericht.berichtId}/bijlage?formaat=${f.formaat}&indeling=${indeling}`);
              bewaar(blob, naam);
            }}
          >
            Download {f.label}
          </Button>
        ))}
      </div>
      {/* A box of the frame's size while the preview loads, so the panel does not jump; the frame is
          made once with its content, never navigated from a placeholder (an out-of-process frame
          that changes its document under a screen reader or a test can be missed). */}
      {gezien &&
        (voorbeeld === null ? (
          <div className="voorbeeld" role="status">
            Voorbeeld wordt geladen…
          </div>
        ) : (
          <iframe className="voorbeeld" title={`Voorbeeld van de bijlage bij ${bericht.titel}`} sandbox="" srcDoc={voorbeeld} />
        ))}
    </section>
  );
}
