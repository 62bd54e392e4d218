/**
 * Inference Recommender (issue 17): a recommendation job load-tests the model of the real-time endpoint it benchmarks
 * and reports RecommendationMetrics per instance configuration; what it recommends holds in the run
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/inference-recommender-recommendation-jobs.html).
 */
import { describe, expect, it } from 'vitest';
import { arch, edge, node, run } from '../../harness';
import type { RecommendationResult } from '../../../src/engine';

const TYPES = ['ml.c5.large', 'ml.c5.xlarge', 'ml.m5.xlarge', 'ml.g4dn.xlarge'];
const design = (ir: Record<string, unknown>, ep: Record<string, unknown> = {}, rps = 30) =>
  arch(
    node('users', 'client', { rps, pattern: 'constant' }),
    node('ep', 'realtime-endpoint', { instanceType: 'ml.g4dn.xlarge', instanceCount: 3, modelLatencyMs: 120, ...ep }),
    node('ir', 'inference-recommender', ir),
    edge('users', 'ep'),
    edge('ir', 'ep'),
  );
const resultOf = (r: ReturnType<typeof run>) =>
  r.report.nodes.ir as unknown as RecommendationResult & { state: string };

describe('inference recommender', () => {
  it(
    'Default: one instance of each candidate type, recommended by ' + 'the lowest cost per inference, done in 45 min',
    () => {
      const early = run(design({}), { durationSec: 45 * 60 - 1 });
      expect(early.report.nodes.ir.state).toBe('InProgress');
      expect(early.report.nodes.ir.recommendations).toBeUndefined();
      const r = run(design({}), { durationSec: 3600 });
      const res = resultOf(r);
      expect(res.state).toBe('Completed');
      expect(res.jobType).toBe('Default');
      expect(res.recommendations.length).toBeGreaterThan(3);
      for (const row of res.recommendations) {
        expect(row.instanceCount).toBe(1);
        expect(row.costPerInferenceUSD).toBeCloseTo(row.costPerHourUSD / (row.maxInvocations * 60), 7);
      }
      // a 4-vCPU instance serves twice what a 2-vCPU one does; the GPU adds nothing to this CPU model but its price
      const by = (t: string) => res.recommendations.find((x) => x.instanceType === t)!;
      expect(by('ml.c5.xlarge').maxInvocations).toBeGreaterThan(1.9 * by('ml.c5.large').maxInvocations);
      expect(by('ml.g4dn.xlarge').costPerInferenceUSD).toBeGreaterThan(3 * by('ml.c5.xlarge').costPerInferenceUSD);
      const best = Math.min(...res.recommendations.map((x) => x.costPerInferenceUSD));
      expect(res.recommended).toMatch(/ × 1$/);
      expect(by(res.recommended!.split(' ')[0]).costPerInferenceUSD).toBe(best);
      // the instances its tests used are billed
      expect(r.report.nodes.ir.costUSD).toBeGreaterThan(0);
    },
  );

  it('Advanced: the fewest instances per type that meet p99 at the traffic, and the cheapest is recommended', () => {
    const r = run(
      design({ jobType: 'Advanced', instanceTypes: TYPES, trafficRps: 30, p99LatencyMs: 400, durationSec: 3600 }),
      { durationSec: 3600 },
    );
    const res = resultOf(r);
    expect(res.recommendations.map((x) => x.instanceType)).toEqual(TYPES);
    for (const row of res.recommendations) {
      expect(row.meetsLatency).toBe(true);
      expect(row.p99Ms).toBeLessThanOrEqual(400);
    }
    const cheapest = [...res.recommendations].sort((a, b) => a.costPerHourUSD - b.costPerHourUSD)[0];
    expect(res.recommended).toBe(`${cheapest.instanceType} × ${cheapest.instanceCount}`);
    expect(cheapest.instanceType).not.toBe('ml.g4dn.xlarge');
  });

  it('the recommended configuration holds its p99 in the run, and costs less than the GPU fleet', () => {
    const job = { jobType: 'Advanced', instanceTypes: TYPES, trafficRps: 30, p99LatencyMs: 400, durationSec: 3600 };
    const res = resultOf(run(design(job), { durationSec: 3600 }));
    const [type, , count] = res.recommended!.split(' ');
    const before = run(design(job), { durationSec: 7200 }).report.nodes.ep;
    for (const seed of [1, 2, 3]) {
      const after = run(design(job, { instanceType: type, instanceCount: Number(count) }), { durationSec: 7200, seed })
        .report.nodes.ep;
      expect(after.failed).toBe(0);
      expect(after.p99Ms!).toBeLessThanOrEqual(400);
      expect(after.costUSD!).toBeLessThan(before.costUSD! / 3);
    }
  });

  it('Advanced: a limit no configuration meets gives no recommendation', () => {
    const r = run(
      design({
        jobType: 'Advanced',
        instanceTypes: ['ml.c5.xlarge'],
        trafficRps: 30,
        p99LatencyMs: 50,
        durationSec: 600,
      }),
      { durationSec: 900 },
    );
    const res = resultOf(r);
    expect(res.state).toBe('Completed');
    expect(res.recommended).toBeNull();
    expect(res.recommendations[0].meetsLatency).toBe(false);
  });

  it('fails on an endpoint with autoscaling or two variants, as a finding and in the run, and bills nothing', () => {
    for (const ep of [
      { autoscaling: { min: 1, max: 4, targetInvocationsPerInstance: 100 } },
      {
        variants: [
          { name: 'a', weight: 1 },
          { name: 'b', weight: 1 },
        ],
      },
    ]) {
      const r = run(design({}, ep), { durationSec: 600 });
      expect(r.finding('recommender-endpoint-unsupported', 'ir')?.message).toContain('cannot be benchmarked');
      expect(r.incident('recommender-endpoint-unsupported', 'ir')).toBeDefined();
      expect(r.report.nodes.ir.state).toBe('Failed');
      expect(r.report.nodes.ir.costUSD).toBeUndefined();
    }
  });

  it('bills a job cut short by the end of the run for the time its tests ran', () => {
    const job = { jobType: 'Advanced', instanceTypes: TYPES, trafficRps: 30, p99LatencyMs: 400, durationSec: 7200 };
    const half = run(design(job), { durationSec: 3600 }).report.nodes.ir;
    const full = run(design(job), { durationSec: 7300 }).report.nodes.ir;
    expect(half.state).toBe('InProgress');
    expect(half.costUSD!).toBeGreaterThan(0);
    expect(half.costUSD!).toBeLessThan(full.costUSD!);
  });
});
