/*
 * Scores `bijlage-lezen` against the hand-labelled gold annexes, with the matching rule of
 * test/fixtures/import/score-import.py written again in test/support/import-score.ts, and checks that the script gives
 * the same numbers.
 * Run alone: npx jest test/import-score.e2e-spec.ts --selectProjects e2e
 */

import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alsBijlageJson, leesDocument } from '@register/import';
import { Gold, Score, alsGetallen, score, scoreTabel, scoreVolgensScript, scriptGetallen } from './support/import-score';

const MAP = join(__dirname, 'fixtures', 'import');

const documenten = readdirSync(MAP).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();

describe('bijlage-lezen scored against the gold annexes', () => {
  const uitvoer = mkdtempSync(join(tmpdir(), 'import-score-'));
  const scores: Array<{ document: string; s: Score }> = [];

  afterAll(() => {
    process.stdout.write(`\n${scoreTabel(scores)}\n\n`);
  });

  it.each(documenten)('%s reaches P ≥ 0.95, R ≥ 0.95, status ≥ 0.90, and score-import.py agrees', async (bestand) => {
    const nummer = bestand.slice(0, 3);
    const goldPad = join(MAP, 'gold', `${nummer}.json`);
    const gold = JSON.parse(readFileSync(goldPad, 'utf8')) as Gold;
    const document = await leesDocument(readFileSync(join(MAP, bestand)));
    const json = alsBijlageJson(document);
    const s = score(gold, json);
    scores.push({ document: bestand, s });

    const python = scoreVolgensScript(goldPad, json, join(uitvoer, `${nummer}.json`));
    expect(scriptGetallen(python)).toEqual(alsGetallen(s));
    expect(python).toContain(`gold ${s.gold} handled items, proposed ${s.voorgesteld}`);

    expect(s.P).toBeGreaterThanOrEqual(0.95);
    expect(s.R).toBeGreaterThanOrEqual(0.95);
    expect(s.status).toBeGreaterThanOrEqual(0.9);
  });
});
