/**
 * The data-preparation puzzles of issue 16 (d1/09–11), graded the way issue 14 asks: the shipped design fails
 * its goal on seeds 1–20, the reference solution and every hint's alternative meet it on seeds 1–20, and the
 * tempting wrong fixes do not.
 */
import { provePuzzles, props, type PuzzleCase } from './prove';

const CASES: PuzzleCase[] = [
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

provePuzzles(CASES, /^[SK][12]\.[1-3]\.\d+$/);
