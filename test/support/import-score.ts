/*
 * The scoring rule of test/fixtures/import/score-import.py, step for step, shared by the score tests of the seed
 * annexes (test/import-score.e2e-spec.ts) and of the annexes of other ministries (test/import-andere-bijlagen.e2e-spec.ts).
 */

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BijlageJson } from '@register/import';

export const SCORE_SCRIPT = join(__dirname, '..', 'fixtures', 'import', 'score-import.py');

export interface GoldItem {
  kind: string;
  role: string;
  reference: string | null;
  title: string;
  status_in_report: string;
  line: number;
}
export interface Gold {
  items: GoldItem[];
  aanvullende_zaken?: string[];
}

const STOP = new Set(['de', 'het', 'een', 'van', 'over', 'en', 'in', 'op', 'te', 'voor', 'met', 'aan', 'bij', 'naar', 'n', 'a', 'v', 'd', 'lid', 'leden', 'motie', 'toezegging', 'inzake', 'c', 's']);
const STATUS: Record<string, string> = {
  afgedaan: 'afgedaan',
  'in behandeling': 'in-behandeling',
  'in-behandeling': 'in-behandeling',
  'deels afgedaan': 'deels-afgedaan',
  'deels-afgedaan': 'deels-afgedaan',
};

// Python's NFKD + encode('ascii', 'ignore') + lower + [^a-z0-9]+ → ' '.
const norm = (s: string | null): string =>
  (s ?? '')
    .normalize('NFKD')
    .replace(/[^ -~]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const toks = (s: string): Set<string> => new Set(norm(s).split(' ').filter((t) => t.length > 1 && !STOP.has(t)));
const refnorm = (r: string | null): string => (r ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
const sim = (a: string, b: string): number => {
  const A = toks(a);
  const B = toks(b);
  return [...A].filter((t) => B.has(t)).length / Math.max(1, Math.min(A.size, B.size));
};

export interface Score {
  gold: number;
  voorgesteld: number;
  P: number;
  R: number;
  status: number;
  gematcht: number;
  zakenR: number;
  gemist: string[];
}

/** The rule of score-import.py, step for step (greedy per gold item, strict improvement, threshold 0.5). */
export function score(gold: Gold, voorstel: BijlageJson): Score {
  const g = gold.items.filter((i) => i.role === 'addressed');
  const p = voorstel.items.filter((i) => (i.rol ?? 'behandeld') === 'behandeld');
  const gebruikt = new Set<number>();
  const paren: Array<[GoldItem, (typeof p)[number]]> = [];
  for (const gi of g) {
    let beste: number | null = null;
    let s = 0;
    p.forEach((pi, n) => {
      if (gebruikt.has(n) || pi.soort !== gi.kind) return;
      const refs = new Set([refnorm(pi.nummer), refnorm(pi.nummerInBron)].filter((r) => r !== ''));
      let t: number;
      if (gi.reference && refs.has(refnorm(gi.reference))) t = 2.0;
      else {
        t = sim(gi.title, pi.titel ?? '');
        if (Math.abs((pi.regel || -99) - gi.line) <= 3) t += 0.3;
      }
      if (t > s) {
        beste = n;
        s = t;
      }
    });
    if (beste !== null && s >= 0.5) {
      gebruikt.add(beste);
      paren.push([gi, p[beste]]);
    }
  }
  const st = paren.map(([a, b]) => STATUS[a.status_in_report] === b.status);
  const gz = gold.aanvullende_zaken ?? [];
  const pz = voorstel.aanvullendeZaken.map((z) => z.titel ?? '');
  return {
    gold: g.length,
    voorgesteld: p.length,
    P: gebruikt.size / Math.max(1, p.length),
    R: paren.length / Math.max(1, g.length),
    status: st.filter(Boolean).length / Math.max(1, st.length),
    gematcht: st.length,
    zakenR: gz.length > 0 ? gz.filter((z) => pz.some((q) => sim(z, q) >= 0.6)).length / gz.length : 1.0,
    gemist: g.filter((x) => paren.every(([a]) => a !== x)).map((x) => x.title.slice(0, 50)),
  };
}

/** The markdown table both score tests print (and the README shows). */
export function scoreTabel(scores: ReadonlyArray<{ document: string; s: Score }>): string {
  const twee = (x: number): string => x.toFixed(2);
  return [
    '| document | gold | proposed | P | R | status | aanvullende zaken R |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...scores.map(({ document, s }) => `| ${document} | ${s.gold} | ${s.voorgesteld} | ${twee(s.P)} | ${twee(s.R)} | ${twee(s.status)} (${s.gematcht}) | ${twee(s.zakenR)} |`),
  ].join('\n');
}

/** What score-import.py says about the same proposals: its two summary lines, or what it printed when it failed. */
export function scoreVolgensScript(goldPad: string, voorstel: BijlageJson, uitvoerPad: string): string {
  writeFileSync(uitvoerPad, JSON.stringify(voorstel));
  try {
    return execFileSync('python3', [SCORE_SCRIPT, goldPad, uitvoerPad], { encoding: 'utf8' });
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? '');
  }
}

/** The numbers of score-import.py's output in the form `score` gives them, or null when it printed none. */
export function scriptGetallen(python: string): string[] | null {
  const m = /items P=([\d.]+) R=([\d.]+), status ([\d.]+) of (\d+) matched, aanvullende zaken R=([\d.]+)/.exec(python);
  return m ? [m[1], m[2], m[3], m[4], m[5]] : null;
}

export function alsGetallen(s: Score): string[] {
  return [s.P.toFixed(2), s.R.toFixed(2), s.status.toFixed(2), String(s.gematcht), s.zakenR.toFixed(2)];
}
