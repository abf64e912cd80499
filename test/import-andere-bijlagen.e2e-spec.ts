/*
 * Scores `bijlage-lezen` on annexes of other ministries and years (test/fixtures/import/andere/, gold in andere/gold/),
 * written apart from the four seeds so that the extractor's rules are checked on documents they were not built on:
 * numbered narrative headings with footnotes at the end, the budget-annex table (text and Word), a toezeggingen
 * register list and a letter with other status phrasings. Same scorer as test/import-score.e2e-spec.ts.
 * Run alone: npx jest test/import-andere-bijlagen.e2e-spec.ts --selectProjects e2e
 */

import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { alsBijlageJson, leesDocument } from '@register/import';
import { Gold, Score, alsGetallen, score, scoreTabel, scoreVolgensScript, scriptGetallen } from './support/import-score';

const MAP = join(__dirname, 'fixtures', 'import', 'andere');

const documenten = readdirSync(MAP)
  .filter((f) => statSync(join(MAP, f)).isFile() && !f.endsWith('.json'))
  .sort();

describe('bijlage-lezen scored on annexes of other ministries', () => {
  const uitvoer = mkdtempSync(join(tmpdir(), 'import-andere-'));
  const scores: Array<{ document: string; s: Score }> = [];

  afterAll(() => {
    process.stdout.write(`\n${scoreTabel(scores)}\n\n`);
  });

  it('has at least four annexes, each with a gold file', () => {
    expect(documenten.length).toBeGreaterThanOrEqual(4);
    for (const d of documenten) expect(() => statSync(join(MAP, 'gold', `${basename(d, extname(d))}.json`))).not.toThrow();
  });

  it.each(documenten)('%s reaches P ≥ 0.90, R ≥ 0.90, status ≥ 0.90, and score-import.py agrees', async (bestand) => {
    const naam = basename(bestand, extname(bestand));
    const goldPad = join(MAP, 'gold', `${naam}.json`);
    const gold = JSON.parse(readFileSync(goldPad, 'utf8')) as Gold;
    const document = await leesDocument(readFileSync(join(MAP, bestand)));
    const json = alsBijlageJson(document);
    const s = score(gold, json);
    scores.push({ document: bestand, s });

    const python = scoreVolgensScript(goldPad, json, join(uitvoer, `${naam}.json`));
    expect(scriptGetallen(python)).toEqual(alsGetallen(s));
    expect(python).toContain(`gold ${s.gold} handled items, proposed ${s.voorgesteld}`);

    expect(s.P).toBeGreaterThanOrEqual(0.9);
    expect(s.R).toBeGreaterThanOrEqual(0.9);
    expect(s.status).toBeGreaterThanOrEqual(0.9);
  });
});
