/**
 * The purchase-option puzzle (issue 17, savings17), proven like every puzzle (test/scenarios/prove.ts): d4/28 sizes a
 * SageMaker Savings Plan to the steady 24×7 endpoint instead of the busiest hour, and moves the hour-long weekly
 * retraining to managed spot with checkpoints (S4.2.10). The shortcuts fail: a plan sized to the peak, no plan, spot
 * without checkpoints, deleting a node, spot on the endpoint (refused on load).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runDocument } from '../../src/engine/run';
import { changed, deleteNode, loadPuzzle, PUZZLES_DIR } from './catalog';
import { props, provePuzzles, type PuzzleCase } from './prove';

const FILE = 'd4/28-the-discount-that-raised-the-bill.json';
const spot = { spot: true, checkpointS3Uri: 's3://fraud-models/checkpoints/', maxWaitSec: 14400 };

const CASES: PuzzleCase[] = [
  {
    file: FILE,
    alternatives: [
      { setProps: { plan: { commitmentUSDPerHour: 0.075 }, train: spot } },
      {
        setProps: {
          plan: { commitmentUSDPerHour: 0.08, term: '3yr', paymentOption: 'All Upfront' },
          train: { spot: true, checkpointS3Uri: 's3://fraud-models/checkpoints/' },
        },
      },
    ],
    wrong: [
      // spot with checkpoints, but the commitment still sized to the busiest hour: most of it goes unused
      props('train', spot),
      // a longer term or another payment option does not change what is used
      { setProps: { plan: { term: '3yr', paymentOption: 'All Upfront' }, train: spot } },
      // the plan right-sized, the retraining still on demand: over the budget
      props('plan', { commitmentUSDPerHour: 0.08 }),
      // spot without checkpoints: the reclaim restarts the job from zero
      { setProps: { plan: { commitmentUSDPerHour: 0.08 }, train: { spot: true, maxWaitSec: 14400 } } },
      // no plan at all: scoring at on-demand rates is over the budget
      { removeNodes: ['plan'], setProps: { train: spot } },
      // a plan too small to matter: the steady usage stays on demand
      { setProps: { plan: { commitmentUSDPerHour: 0.02 }, train: spot } },
    ],
  },
];

provePuzzles(CASES, /^[SK]4\.2\.\d{1,2}$/);

describe('savings17 puzzle: what the learner sees and the shortcuts', () => {
  const doc = loadPuzzle(join(PUZZLES_DIR, FILE)).doc;

  it('as shipped the plan is used at about a quarter and costs more than on-demand', () => {
    const r = runDocument(doc).report;
    const plan = r.nodes.plan;
    expect(plan.utilisationPercent).toBeLessThan(30);
    expect(plan.savingUSD as number).toBeLessThan(0);
    // the steady part is the endpoint: one ml.m5.xlarge at $0.23/h (a little less in the hour it starts)
    expect(plan.steadyUSDPerHour).toBeCloseTo(0.23, 1);
    expect(plan.suggestedCommitmentUSDPerHour).toBeCloseTo(0.08, 2);
    expect(r.incidents.map((i) => `${i.rule} ${i.node}`)).toContain('savings-plan-oversized plan');
  });

  it('deleting the retraining job or the endpoint fails (the lock would stop the player; the grade too)', () => {
    for (const id of ['train', 'ep', 'app']) {
      const d = deleteNode(doc, id);
      if (!d) continue;
      const fixed = changed(d, { setProps: { plan: { commitmentUSDPerHour: 0.08 } } }) ?? d;
      expect(runDocument(fixed).report.goal?.met, id).toBe(false);
    }
  });

  it('spot on the endpoint is not a thing: the loader refuses the prop', () => {
    expect(changed(doc, props('ep', { spot: true }))).toBeNull();
  });

  it('the goal, the budget and the fault stay the puzzle’s own (scenario, not answer)', () => {
    expect(doc.locked).toEqual(expect.arrayContaining(['app', 'ep', 'data', 'train']));
    expect(doc.locked).not.toContain('plan');
    expect(doc.lockedProps?.ep).toEqual(expect.arrayContaining(['instanceType', 'instanceCount']));
  });
});
