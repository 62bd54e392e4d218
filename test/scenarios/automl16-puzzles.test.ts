/**
 * The AutoML and JumpStart puzzles of issue 16 (d2/23–25), graded the way issue 14 asks: the shipped design fails its
 * goal on seeds 1–20, the reference solution and every hint's alternative meet it on seeds 1–20, and the tempting
 * wrong fixes (more time or more candidates alone, one of two fixes, the biggest instance, more instances) do not.
 */
import { provePuzzles, props, type PuzzleCase } from './prove';

const rewire = { removeEdges: [{ from: 'sample', to: 'automl' }], addEdges: [{ from: 'quotes', to: 'automl' }] };

const CASES: PuzzleCase[] = [
  {
    file: 'd2/23-the-overnight-leaderboard.json',
    alternatives: [
      props('automl', { mode: 'ENSEMBLING' }),
      props('automl', { maxCandidates: 80, maxRuntimeSec: 36000 }),
    ],
    wrong: [
      // no limit: the full search outlasts the night (the job is still running at 08:00)
      props('automl', { maxRuntimeSec: null }),
      // the whole night for 100 candidates is still not enough
      props('automl', { maxRuntimeSec: 36000 }),
      // more candidates in the same three hours
      props('automl', { maxCandidates: 200 }),
      props('automl', { maxCandidates: 30 }),
      // an objective the problem type does not accept
      props('automl', { objectiveMetric: 'RMSE' }),
    ],
  },
  {
    file: 'd2/24-the-assistant-that-never-came-up.json',
    alternatives: [{ setProps: { llama: { acceptEula: true }, assistant: { instanceType: 'ml.g5.48xlarge' } } }],
    wrong: [
      // one of the two fixes
      props('llama', { acceptEula: true }),
      props('assistant', { instanceType: 'ml.p4d.24xlarge' }),
      // more copies of an instance the model does not fit
      { setProps: { llama: { acceptEula: true }, assistant: { instanceCount: 2 } } },
      // four A10Gs (96 GiB) are not enough for 140 GB of weights
      { setProps: { llama: { acceptEula: true }, assistant: { instanceType: 'ml.g5.24xlarge' } } },
      // the biggest GPU instance blows the hosting budget
      { setProps: { llama: { acceptEula: true }, assistant: { instanceType: 'ml.p5.48xlarge' } } },
    ],
  },
  {
    file: 'd2/25-refused-before-the-first-candidate.json',
    alternatives: [
      { setProps: { automl: { objectiveMetric: 'F1' } }, ...rewire },
      { setProps: { automl: { objectiveMetric: null } }, ...rewire },
    ],
    wrong: [
      // one of the two fixes
      props('automl', { objectiveMetric: 'AUC' }),
      rewire,
      // a multiclass metric on a yes/no target
      { setProps: { automl: { objectiveMetric: 'F1macro' } }, ...rewire },
      // both buckets: the sample still feeds the job
      { setProps: { automl: { objectiveMetric: 'AUC' } }, addEdges: [{ from: 'quotes', to: 'automl' }] },
    ],
  },
];

provePuzzles(CASES, /^[SK]2\.[1-3]\.\d+$/);
