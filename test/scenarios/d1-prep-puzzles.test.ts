/**
 * The data-preparation puzzles of issue 16 (d1/09–11), graded the way issue 14 asks: the shipped design fails
 * its goal on seeds 1–20, the reference solution and every hint's alternative meet it on seeds 1–20, and the
 * tempting wrong fixes do not.
 */
import { describe, expect, it } from 'vitest';
import { runDocument } from '../../src/engine/run';
import type { ArchDoc, Solution } from '../../src/model/schema';
import { changed, loadPuzzle, PUZZLES_DIR } from './catalog';
import { join } from 'node:path';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const met = (doc: ArchDoc, seed: number) => runDocument(doc, { seed }).report.goal?.met;
const props = (node: string, p: Record<string, unknown>): Solution => ({ setProps: { [node]: p } });

interface Case {
  file: string;
  alternatives: Solution[];
  wrong: Solution[];
}

const CASES: Case[] = [
  {
    file: 'd1/09-fifty-thousand-postcodes.json',
    alternatives: [
      props('prep', { transforms: ['binary-encoding', 'median-impute'] }),
      props('prep', { framework: 'pyspark', instanceCount: 2 }),
    ],
    wrong: [props('prep', { transforms: ['one-hot'] })],
  },
  {
    file: 'd1/10-better-in-the-lab.json',
    alternatives: [props('prep', { transforms: ['binary-encoding', 'median-impute'] })],
    wrong: [props('prep', { transforms: ['target-encoding'] }), props('train', { maxDepth: 3 })],
  },
  {
    file: 'd1/11-synthetic-success.json',
    alternatives: [
      props('prep', { transforms: ['median-impute'] }),
      { setProps: { prep: { transforms: ['median-impute'] }, train: { scalePosWeight: 32 } } },
    ],
    // weighting the class does not undo the leak of SMOTE before the split
    wrong: [props('train', { evalMetric: 'f1' }), props('train', { scalePosWeight: 32 })],
  },
];

describe.each(CASES)('$file', ({ file, alternatives, wrong }) => {
  const doc = loadPuzzle(join(PUZZLES_DIR, file)).doc;

  it('names its exam skills and carries 2–3 exam-style questions', () => {
    const d = doc as ArchDoc & { skills?: string[]; questions?: { options: string[]; answer: number }[] };
    expect(d.skills?.length).toBeGreaterThan(0);
    for (const s of d.skills ?? []) expect(s).toMatch(/^[SK][12]\.[1-3]\.\d+$/);
    expect(d.questions?.length).toBeGreaterThanOrEqual(2);
    for (const q of d.questions ?? []) expect(q.answer).toBeLessThan(q.options.length);
  });

  it('as shipped fails its goal on seeds 1–20; the solution meets it on seeds 1–20', () => {
    const solved = changed(doc, doc.solution!)!;
    for (const seed of SEEDS) {
      expect(met(doc, seed), `shipped, seed ${seed}`).toBe(false);
      expect(met(solved, seed), `solution, seed ${seed}`).toBe(true);
    }
  });

  it('every hint\'s alternative meets the goal on seeds 1–20', () => {
    for (const alt of alternatives) {
      const d = changed(doc, alt)!;
      for (const seed of SEEDS) expect(met(d, seed), `${JSON.stringify(alt)}, seed ${seed}`).toBe(true);
    }
  });

  it('the tempting wrong fixes do not', () => {
    for (const w of wrong) expect(met(changed(doc, w)!, doc.seed ?? 1), JSON.stringify(w)).toBe(false);
  });
});
