/**
 * The AutoML and JumpStart puzzles of issue 16 (d2/23–26), graded the way issue 14 asks: the shipped design fails its
 * goal on seeds 1–20, the reference solution and every hint's alternative meet it on seeds 1–20, and the tempting
 * wrong fixes (more time or more candidates alone, one of two fixes, the biggest instance, more instances) do not.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../src/cli/check';
import { loadJson } from '../../src/model/load';
import type { ArchDoc } from '../../src/model/schema';
import { loadPuzzle, PUZZLES_DIR } from './catalog';
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
  {
    file: 'd2/26-the-candidate-nobody-could-approve.json',
    alternatives: [],
    wrong: [
      // deploying from the registry at creation: at 22:00 nothing in it is approved, so the endpoint fails
      { addEdges: [{ from: 'registry', to: 'ep' }] },
      {
        addEdges: [
          { from: 'automl', to: 'registry' },
          { from: 'registry', to: 'ep' },
        ],
      },
      // a full hyperparameter search is still running when the officer approves at 23:00
      { addEdges: [{ from: 'automl', to: 'registry' }], setProps: { automl: { mode: 'HYPERPARAMETER_TUNING' } } },
    ],
  },
];

provePuzzles(CASES, /^[SK]2\.[1-3]\.\d+$/);

/**
 * d2/26's shortcuts through the teacher's grader (`--check --puzzle`): the learner's design runs with the puzzle's goal
 * and locks. Skipping the officer (the registry approving every version on registration), deleting the Autopilot job,
 * or deploying from the registry at creation each fail, and say why.
 */
describe('d2/26 shortcuts fail the grader', () => {
  const puzzle = loadPuzzle(join(PUZZLES_DIR, 'd2/26-the-candidate-nobody-could-approve.json')).doc;
  const grade = (edit: (d: ArchDoc) => void) => {
    const sub = structuredClone(puzzle);
    edit(sub);
    const r = loadJson(sub);
    if (!r.ok) throw new Error(`the shortcut does not load: ${JSON.stringify(r.errors)}`);
    return gradeSubmission(puzzle, r.doc).report.goal!;
  };
  const wire = (d: ArchDoc) => d.edges!.push({ from: 'automl', to: 'registry' });

  it('the reference fix passes the grader', () => {
    expect(grade(wire)).toEqual({ met: true, failed: [] });
  });

  it('auto-approving every version (no officer) is a change to the governance the story fixes', () => {
    const g = grade((d) => {
      wire(d);
      d.nodes.find((n) => n.id === 'registry')!.props = { approval: 'Approved' };
    });
    expect(g.met).toBe(false);
    expect(g.failed.join('\n')).toMatch(
      /locked scenario prop registry\.approval was changed from .*PendingManualApproval/,
    );
  });

  it('deleting the Autopilot job fails: a locked node, and the endpoint serves nothing Autopilot built', () => {
    const g = grade((d) => {
      // the learner's copy drops the node from its own locks too (the grader reads the puzzle's)
      d.nodes = d.nodes.filter((n) => n.id !== 'automl');
      d.edges = d.edges!.filter((e) => e.from !== 'automl' && e.to !== 'automl');
      d.locked = d.locked!.filter((id) => id !== 'automl');
      delete d.lockedProps!.automl;
    });
    expect(g.met).toBe(false);
    expect(g.failed).toContain('locked node automl (autopilot-job) was deleted');
    expect(g.failed).toContain('endpoint ep serves no model, not a version automl trained in this run');
  });

  it('deploying from the registry at creation fails: nothing is approved at 22:00, the endpoint fails', () => {
    const g = grade((d) => {
      wire(d);
      d.edges!.push({ from: 'registry', to: 'ep' });
    });
    expect(g.met).toBe(false);
    expect(g.failed).toContain('node ep is Failed, not InService');
  });

  it('the shipped design fails because the best candidate goes nowhere (autopilot-candidate-unregistered)', () => {
    const g = grade(() => {});
    expect(g.failed).toEqual([
      'incident of rule autopilot-candidate-unregistered occurred (automl)',
      'endpoint ep serves no model, not a version automl trained in this run',
    ]);
  });
});
