/**
 * Cost and infrastructure puzzles (issue 17, cost17), proven like every puzzle (test/scenarios/prove.ts): each fails as
 * shipped and passes with its solution and alternatives on seeds 1–20; the tempting wrong fixes fail.
 * - d4/21 right-sizes a CPU-only model off GPU instances with an Advanced Inference Recommender job's table (S4.2.5):
 *   https://docs.aws.amazon.com/sagemaker/latest/dg/inference-recommender-recommendation-jobs.html
 * - d4/22 gets a recommendation job to complete: an existing endpoint it benchmarks may not enable autoscaling
 *   (https://docs.aws.amazon.com/sagemaker/latest/dg/inference-recommender-existing-endpoint.html).
 * - d4/23 cleans up an idle and an over-provisioned endpoint (endpoint-idle, endpoint-over-provisioned; S4.2.9).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runDocument } from '../../src/engine/run';
import { changed, loadPuzzle, PUZZLES_DIR } from './catalog';
import { props, provePuzzles, type PuzzleCase } from './prove';

const autoscaling = { min: 1, max: 4, targetInvocationsPerInstance: 800 };

const CASES: PuzzleCase[] = [
  {
    file: 'd4/21-the-card-scoring-bill.json',
    alternatives: [
      props('ep', { instanceType: 'ml.c5.xlarge', instanceCount: 2 }),
      props('ep', { instanceType: 'ml.m5.xlarge', instanceCount: 2 }),
    ],
    wrong: [
      // fewer GPU instances: still far over the budget
      props('ep', { instanceCount: 2 }),
      props('ep', { instanceCount: 1 }),
      // the cheapest row that fails the job's p99: queueing blows the latency limit
      props('ep', { instanceType: 'ml.c5.large', instanceCount: 2 }),
    ],
  },
  {
    file: 'd4/22-the-sizing-report-that-never-came.json',
    alternatives: [{ setProps: { staging: { autoscaling: null }, sizing: { jobType: 'Default' } } }],
    wrong: [
      // the job type and its duration do not change what an existing endpoint must be
      props('sizing', { jobType: 'Default' }),
      props('sizing', { durationSec: 7200 }),
      // a fixed floor is still a scaling policy
      props('staging', { autoscaling: { ...autoscaling, min: 2, max: 2 } }),
      props('staging', { instanceCount: 2 }),
    ],
  },
  {
    file: 'd4/23-nobody-calls-it-any-more.json',
    alternatives: [
      { removeNodes: ['fares-v1'], setProps: { fares: { instanceType: 'ml.m5.large', instanceCount: 2 } } },
      {
        removeNodes: ['fares-v1'],
        setProps: { fares: { instanceCount: 1, autoscaling: { min: 1, max: 4, targetInvocationsPerInstance: 1200 } } },
      },
    ],
    wrong: [
      // only one of the two: the other still bills for nothing
      { removeNodes: ['fares-v1'] },
      props('fares', { instanceCount: 1 }),
      // a smaller idle endpoint is still idle
      { setProps: { 'fares-v1': { instanceCount: 1, instanceType: 'ml.m5.large' }, fares: { instanceCount: 1 } } },
    ],
  },
];

provePuzzles(CASES, /^[SK]4\.2\.\d{1,2}$/);

describe('cost17 puzzles: what the learner sees', () => {
  const doc = (file: string) => loadPuzzle(join(PUZZLES_DIR, file)).doc;

  it('d4/21: the sizing job completes within the run and recommends the reference configuration', () => {
    const r = runDocument(doc('d4/21-the-card-scoring-bill.json')).report;
    expect(r.nodes.sizing.state).toBe('Completed');
    expect(r.nodes.sizing.recommended).toBe('ml.c5.large × 3');
    // the symptom: an over-provisioned production endpoint, and the budget alert
    expect(r.incidents.map((i) => `${i.rule} ${i.node}`)).toEqual(
      expect.arrayContaining(['endpoint-over-provisioned ep', 'budget-exceeded ep']),
    );
  });

  it('d4/21: removing the cost allocation tag hides the spend from the budget but not from the cost limit', () => {
    const d = doc('d4/21-the-card-scoring-bill.json');
    const r = runDocument({ ...d, nodes: d.nodes.map(({ tags: _t, ...n }) => n) }).report;
    expect(r.incidents.some((i) => i.rule === 'budget-exceeded')).toBe(false);
    expect(r.goal!.met).toBe(false);
  });

  it('d4/22: the job fails at once with the reason, and bills nothing', () => {
    const r = runDocument(doc('d4/22-the-sizing-report-that-never-came.json')).report;
    expect(r.nodes.sizing.state).toBe('Failed');
    expect(r.nodes.sizing.costUSD).toBeUndefined();
    expect(r.incidents.find((i) => i.rule === 'recommender-endpoint-unsupported')!.message).toContain(
      'it has an autoscaling policy',
    );
    const solved = runDocument(
      changed(doc('d4/22-the-sizing-report-that-never-came.json'), { setProps: { staging: { autoscaling: null } } })!,
    ).report;
    expect(solved.nodes.sizing.recommended).toMatch(/^ml\.\w+\.\w+ × \d+$/);
  });

  it('d4/23: both endpoints show as shipped, one idle and one over-provisioned', () => {
    const r = runDocument(doc('d4/23-nobody-calls-it-any-more.json')).report;
    const msg = (rule: string, n: string) => r.incidents.find((i) => i.rule === rule && i.node === n)!.message;
    expect(msg('endpoint-idle', 'fares-v1')).toContain('served no request');
    expect(msg('endpoint-over-provisioned', 'fares')).toMatch(
      /6 × ml\.m5\.xlarge averaged [\d.]+% utilization per core; the load it served fits on 1/,
    );
  });
});
