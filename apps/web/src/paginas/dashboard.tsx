import { Alert, Heading, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ApiFout, vraag } from '../api';
import { metZoek } from '../router';
import { datumNl } from '../types';

interface Telling {
  readonly waarde: string;
  readonly open: number;
  readonly achterstallig: number;
}

/** Per directie and behandelaar also what falls due within 30 days of the peildatum. */
interface TellingMetBinnenkort extends Telling {
  readonly binnenkort: number;
}

interface BehandelaarTelling extends TellingMetBinnenkort {
  readonly naam: string;
  readonly directie: string;
}

interface Overzicht {
  readonly peildatum: string;
  readonly open: number;
  readonly achterstallig: number;
  readonly binnenkort: number;
  readonly zonderBehandelaar: number;
  readonly perDirectie: TellingMetBinnenkort[];
  readonly perBehandelaar: BehandelaarTelling[];
  readonly perBewindspersoon: Telling[];
  readonly perThema: Telling[];
  readonly perFractie: Telling[];
  readonly perLid: Telling[];
  readonly verloop: { maand: string; open: number }[];
}

/** The last day that counts as "binnenkort": 30 days after the peildatum (the API's BINNENKORT_DAGEN). */
function binnenkortTot(peildatum: string): string {
  const d = new Date(`${peildatum}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 30);
  return d.toISOString().slice(0, 10);
}

const MAANDEN = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const maandNl = (m: string) => `${MAANDEN[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

/** The liaison's view: what is open and overdue, by whom, and how the number of open items moved. */
export function DashboardPagina() {
  const [data, setData] = useState<Overzicht | null>(null);
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [kamer, setKamer] = useState<{ totaal: number; koppelingAan: boolean } | null>(null);

  useEffect(() => {
    vraag<Overzicht>('/api/overzicht?maanden=24').then(setData, setFout);
    // The differences with the Kamer are a count here; the page Tweede Kamer lists them. Not shown when the link never ran.
    vraag<{ totaal: number; koppelingAan: boolean }>('/api/kamer/verschillen?perPagina=1').then(setKamer, () => setKamer(null));
  }, []);

  if (fout) {
    return (
      <>
        <Heading level={1} tabIndex={-1}>
          Dashboard
        </Heading>
        <Alert type="error">
          <Paragraph>{fout.message}</Paragraph>
        </Alert>
      </>
    );
  }
  if (!data) return <Paragraph aria-live="polite">Bezig met laden…</Paragraph>;

  const open = (extra: Record<string, string>) => metZoek('/register', { status: 'open', ...extra });
  const achterstallig = (extra: Record<string, string>) => metZoek('/register', { achterstalligOp: data.peildatum, sorteer: 'termijn', ...extra });

  const tabel = (titel: string, filter: string, rijen: (Telling & { binnenkort?: number; naam?: string })[], toelichting?: string, metBinnenkort = false) => (
    <section className="dashboard__blok" aria-labelledby={`per-${filter}`}>
      <Heading level={2} id={`per-${filter}`}>
        {titel}
      </Heading>
      {toelichting && <Paragraph className="klein">{toelichting}</Paragraph>}
      {metBinnenkort && rijen.length === 0 ? (
        // Four columns with nothing in them would only scroll sideways on a phone.
        <Paragraph>Nog geen open items met een behandelaar.</Paragraph>
      ) : (
        <div className="tabel-houder">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{titel.replace(/^Per /, '').replace(/^./, (c) => c.toUpperCase())}</TableHeaderCell>
                <TableHeaderCell scope="col" alignCell="end">
                  Open
                </TableHeaderCell>
                <TableHeaderCell scope="col" alignCell="end">
                  Achterstallig
                </TableHeaderCell>
                {metBinnenkort && (
                  <TableHeaderCell scope="col" alignCell="end">
                    Binnenkort
                  </TableHeaderCell>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rijen.length === 0 && (
                <TableRow>
                  <TableCell colSpan={metBinnenkort ? 4 : 3}>Geen open items.</TableCell>
                </TableRow>
              )}
              {rijen.map((r) => (
                <TableRow key={r.waarde}>
                  <TableHeaderCell scope="row">{r.naam ?? r.waarde}</TableHeaderCell>
                  <TableCell className="getal">
                    <Link href={open({ [filter]: r.waarde })} aria-label={`${r.open} open items, ${r.naam ?? r.waarde}`}>
                      {r.open}
                    </Link>
                  </TableCell>
                  <TableCell className="getal">
                    {r.achterstallig > 0 ? (
                      <Link href={achterstallig({ [filter]: r.waarde })} className="achterstallig-getal" aria-label={`${r.achterstallig} achterstallige items, ${r.naam ?? r.waarde}`}>
                        {r.achterstallig}
                      </Link>
                    ) : (
                      0
                    )}
                  </TableCell>
                  {metBinnenkort && <TableCell className="getal">{r.binnenkort ?? 0}</TableCell>}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );

  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Dashboard
      </Heading>
      <div className="kerncijfers">
        <Link href={open({})} className="kerncijfer">
          <span className="kerncijfer__getal">{data.open}</span> open items
        </Link>
        <Link href={achterstallig({})} className="kerncijfer kerncijfer--achterstallig">
          <span className="kerncijfer__getal">{data.achterstallig}</span> achterstallig op {datumNl(data.peildatum)}
        </Link>
        <div className="kerncijfer">
          <span className="kerncijfer__getal">{data.binnenkort}</span> binnenkort, termijn uiterlijk {datumNl(binnenkortTot(data.peildatum))}
        </div>
        {kamer && (kamer.koppelingAan || kamer.totaal > 0) && (
          <Link href="/kamer" className="kerncijfer">
            <span className="kerncijfer__getal">{kamer.totaal}</span> {kamer.totaal === 1 ? 'verschil' : 'verschillen'} met de Tweede Kamer
          </Link>
        )}
      </div>
      <Grafiek verloop={data.verloop} />
      <div className="dashboard">
        {tabel('Per bewindspersoon', 'bewindspersoon', data.perBewindspersoon)}
        {tabel('Per thema', 'thema', data.perThema)}
        {tabel('Per fractie', 'fractie', data.perFractie, 'Een item met leden van meer fracties telt bij elk van die fracties.')}
        {tabel('Per Kamerlid', 'lid', data.perLid, 'De 25 leden met de meeste open items.')}
        {tabel(
          'Per directie',
          'directie',
          data.perDirectie,
          `De directie van de behandelaar. Binnenkort: de termijn verloopt binnen 30 dagen.${data.zonderBehandelaar > 0 ? ` ${data.zonderBehandelaar} open ${data.zonderBehandelaar === 1 ? 'item heeft' : 'items hebben'} nog geen behandelaar.` : ''}`,
          true,
        )}
        {tabel('Per behandelaar', 'behandelaar', data.perBehandelaar.slice(0, 25), 'De 25 behandelaars met de meeste open items.', true)}
      </div>
    </>
  );
}

/** The font size of the axis labels, in CSS pixels (the chart is drawn at the width it gets, so a unit is a pixel). */
const AS_LETTER = 12;
/** A month label ("okt 2026") is eight characters; its width at AS_LETTER, generously (digits are wide). */
const LABEL_BREEDTE = 8 * AS_LETTER * 0.66;
const LABEL_TUSSENRUIMTE = 12;

/**
 * Which months get a label: every k-th counted back from the last, so the newest month always has
 * one and the spacing is even. The last label is right-aligned to the chart's edge (so it is not cut
 * off), which moves it left by up to half a label: k leaves room for that too.
 */
function maandLabels(aantal: number, staafBreedte: number): Set<number> {
  const staaf = Math.max(1, staafBreedte);
  const verschuiving = Math.max(0, LABEL_BREEDTE / 2 - staaf / 2);
  const stap = Math.max(1, Math.ceil((LABEL_BREEDTE + LABEL_TUSSENRUIMTE + verschuiving) / staaf));
  const labels = new Set<number>();
  for (let i = aantal - 1; i >= 0; i -= stap) labels.add(i);
  return labels;
}

/** Open items at the end of each month, as bars; the same figures as a table for screen readers and print. */
function Grafiek({ verloop }: { verloop: { maand: string; open: number }[] }) {
  // Drawn at the width it has, so text stays legible on a phone instead of shrinking with the picture.
  const houder = useRef<HTMLDivElement>(null);
  const [breedte, setBreedte] = useState(720);
  // Measured before the first paint, so the picture never shows scaled; then on every resize.
  useLayoutEffect(() => {
    const element = houder.current;
    if (!element) return;
    const meet = () => setBreedte(Math.max(280, Math.min(960, Math.round(element.clientWidth))));
    meet();
    const waarnemer = new ResizeObserver(meet);
    waarnemer.observe(element);
    return () => waarnemer.disconnect();
  }, []);
  const max = Math.max(1, ...verloop.map((v) => v.open));
  const hoogte = 220;
  const marge = { links: 40, rechts: 4, onder: 40, boven: 10 };
  const staaf = (breedte - marge.links - marge.rechts) / Math.max(1, verloop.length);
  const y = (n: number) => marge.boven + (hoogte - marge.boven - marge.onder) * (1 - n / max);
  const stappen = [...new Set([0, Math.round(max / 2), max])];
  const labels = maandLabels(verloop.length, staaf);
  return (
    <section aria-labelledby="verloop-titel" className="grafiek">
      <Heading level={2} id="verloop-titel">
        Open items aan het eind van elke maand
      </Heading>
      <div ref={houder} className="grafiek__houder">
        <svg viewBox={`0 0 ${breedte} ${hoogte}`} width={breedte} height={hoogte} role="img" aria-labelledby="verloop-titel verloop-samenvatting" className="grafiek__svg">
          <desc id="verloop-samenvatting">
            Van {maandNl(verloop[0].maand)} ({verloop[0].open}) tot {maandNl(verloop[verloop.length - 1].maand)} ({verloop[verloop.length - 1].open}); de tabel hieronder geeft elke maand.
          </desc>
          {stappen.map((s) => (
            <g key={s}>
              <line x1={marge.links} x2={breedte - marge.rechts} y1={y(s)} y2={y(s)} className="grafiek__lijn" />
              <text x={marge.links - 6} y={y(s) + 4} textAnchor="end" className="grafiek__as">
                {s}
              </text>
            </g>
          ))}
          {verloop.map((v, i) => {
            // The last label ends at the chart's right edge instead of running off it.
            const laatste = i === verloop.length - 1;
            const x = laatste ? breedte - marge.rechts : marge.links + i * staaf + staaf / 2;
            return (
              <g key={v.maand}>
                <rect x={marge.links + i * staaf + Math.min(2, staaf / 6)} y={y(v.open)} width={Math.max(1, staaf - 2 * Math.min(2, staaf / 6))} height={hoogte - marge.onder - y(v.open)} className="grafiek__staaf">
                  <title>
                    {maandNl(v.maand)}: {v.open} open
                  </title>
                </rect>
                {labels.has(i) && (
                  <text x={x} y={hoogte - marge.onder + 18} textAnchor={laatste ? 'end' : 'middle'} className="grafiek__as grafiek__maand">
                    {maandNl(v.maand)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <details>
        <summary>De cijfers als tabel</summary>
        <Table>
          <TableCaption>Open items aan het eind van elke maand (zakelijke datum)</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Maand</TableHeaderCell>
              <TableHeaderCell scope="col">Open</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {verloop.map((v) => (
              <TableRow key={v.maand}>
                <TableCell>{maandNl(v.maand)}</TableCell>
                <TableCell>{v.open}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </details>
    </section>
  );
}
