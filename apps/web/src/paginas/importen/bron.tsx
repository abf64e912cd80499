import { Heading, Link, Paragraph } from '@rijkshuisstijl-community/components-react';
import { ReactNode, useEffect, useRef } from 'react';
import { Voorstel } from '../../types';

export interface Markering {
  /** 1-based lines, inclusive. */
  readonly van: number;
  readonly tot: number;
  /** The sentence that shows the status, and the line it is on. */
  readonly bewijs: string;
  readonly bewijsRegel: number;
  readonly label: string;
}

const normaal = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Where the evidence sentence is in its line. The reader cleans what it quotes (footnote markers,
 * bookmarks, spacing), so when the sentence is not there as written, its start or end is looked for.
 */
export function vindBewijs(regel: string, bewijs: string): { begin: number; eind: number } | null {
  const zin = normaal(bewijs);
  if (zin.length < 3) return null;
  const exact = regel.indexOf(zin);
  if (exact >= 0) return { begin: exact, eind: exact + zin.length };
  const stuk = 40;
  if (zin.length > stuk) {
    const begin = regel.indexOf(zin.slice(0, stuk));
    const eindStuk = zin.slice(-stuk);
    const eind = regel.indexOf(eindStuk);
    if (begin >= 0 && eind >= begin) return { begin, eind: eind + eindStuk.length };
    if (begin >= 0) return { begin, eind: Math.min(regel.length, begin + zin.length) };
    if (eind >= 0) return { begin: Math.max(0, eind + stuk - zin.length), eind: eind + stuk };
  }
  return null;
}

function regelInhoud(tekst: string, nummer: number, markering: Markering | null): ReactNode {
  if (!markering || nummer !== markering.bewijsRegel) return tekst || '\u00a0';
  const plek = vindBewijs(tekst, markering.bewijs);
  if (!plek) return tekst || '\u00a0';
  return (
    <>
      {tekst.slice(0, plek.begin)}
      <mark className="bron__bewijs">{tekst.slice(plek.begin, plek.eind)}</mark>
      {tekst.slice(plek.eind)}
    </>
  );
}

/**
 * The document's text by line, beside the proposals. The selected proposal's lines are highlighted
 * (a bar and a background, not colour alone: the lines also say "gemarkeerd" to a screen reader) and
 * scrolled to; its evidence sentence is marked.
 */
export function BronTekst({ regels, markering }: { regels: readonly string[]; markering: Markering | null }) {
  const houder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!markering || !houder.current) return;
    const eerste = houder.current.querySelector<HTMLElement>(`[data-regel="${markering.van}"]`);
    if (eerste) houder.current.scrollTo({ top: Math.max(0, eerste.offsetTop - 32) });
  }, [markering]);

  return (
    <section className="bron" aria-labelledby="bron-titel">
      <Heading level={2} id="bron-titel">
        Brontekst
      </Heading>
      <Paragraph className="klein bron__uitleg">
        {markering ? (
          <>
            Gemarkeerd: {markering.label}, regel {markering.van}
            {markering.tot !== markering.van ? `–${markering.tot}` : ''}.
          </>
        ) : (
          'Kies een voorstel om zijn passage te zien.'
        )}
      </Paragraph>
      {/* Focusable so the text can be scrolled by keyboard. */}
      <div ref={houder} className="bron__tekst" tabIndex={0} role="region" aria-label="Tekst van het document, per regel">
        <ol className="bron__regels">
          {regels.map((tekst, i) => {
            const nummer = i + 1;
            const binnen = !!markering && nummer >= markering.van && nummer <= markering.tot;
            return (
              <li key={nummer} data-regel={nummer} className={binnen ? 'bron__regel bron__regel--gemarkeerd' : 'bron__regel'}>
                {binnen && nummer === markering.van && <span className="visueel-verborgen">Begin van de gemarkeerde passage. </span>}
                {regelInhoud(tekst, nummer, markering)}
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}

/** Beside a proposal from the Kamer's open data: the Kamer's text of the record, and the record itself. */
export function KamerBron({ voorstel }: { voorstel: Voorstel | null }) {
  return (
    <section className="bron" aria-labelledby="bron-titel">
      <Heading level={2} id="bron-titel">
        Bij de Tweede Kamer
      </Heading>
      {voorstel?.kamer ? (
        <>
          <Paragraph className="klein bron__uitleg">
            {voorstel.kamer.entiteit} {voorstel.gegevens.nummerInBron ?? voorstel.kamer.id}, status {voorstel.kamer.status ?? 'onbekend'}.{' '}
            <Link href={voorstel.kamer.url} target="_blank" rel="noopener noreferrer">
              Het record in de open data
            </Link>
          </Paragraph>
          <div className="bron__tekst" tabIndex={0} role="region" aria-label="Tekst van de Kamer">
            <Paragraph>{voorstel.gegevens.tekst}</Paragraph>
            {voorstel.gegevens.afgedaanIn && <Paragraph className="klein">Nagekomen met: {voorstel.gegevens.afgedaanIn}</Paragraph>}
          </div>
        </>
      ) : (
        <Paragraph className="klein bron__uitleg">Kies een voorstel om de tekst van de Kamer te zien.</Paragraph>
      )}
    </section>
  );
}
