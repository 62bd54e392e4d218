/**
 * Right-sizing findings (issue 17): an idle (endpoint-idle) or over-provisioned (endpoint-over-provisioned) real-time
 * endpoint gets a warning at the end
 * of a run of at least an hour in service, sized at 50% utilization per core (Inference Recommender's default target).
 */
import { describe, expect, it } from 'vitest';
import { arch, edge, node, run } from '../../harness';

const fleet = (count: number, rps: number, ep: Record<string, unknown> = {}) =>
  arch(
    node('c', 'client', { rps, pattern: 'constant' }),
    node('ep', 'realtime-endpoint', { instanceType: 'ml.m5.xlarge', instanceCount: count, modelLatencyMs: 200, ...ep }),
    edge('c', 'ep'),
  );

describe('right-sizing', () => {
  it('flags 8 instances serving what 3 can at 50% per core, with the utilization and the cost', () => {
    const r = run(fleet(8, 25), { durationSec: 7200 });
    const i = r.incident('endpoint-over-provisioned', 'ep')!;
    expect(i.message).toMatch(
      /8 × ml\.m5\.xlarge averaged 1\d\.\d% utilization per core; the load it served fits on 3 at 50%/,
    );
    expect(i.message).toContain(`$${r.report.nodes.ep.costUSD!.toFixed(2)}`);
    expect(r.report.incidents.find((x) => x.rule === 'endpoint-over-provisioned')!.firstAtSec).toBe(7200);
  });

  it('leaves a fleet sized for its load, one with autoscaling, A/B variants and short runs alone', () => {
    expect(run(fleet(3, 25), { durationSec: 7200 }).incident('endpoint-over-provisioned')).toBeUndefined();
    expect(run(fleet(2, 25), { durationSec: 7200 }).incident('endpoint-over-provisioned')).toBeUndefined();
    const scaled = fleet(8, 25, { autoscaling: { min: 8, max: 10, targetInvocationsPerInstance: 1000 } });
    expect(run(scaled, { durationSec: 7200 }).incident('endpoint-over-provisioned')).toBeUndefined();
    const ab = fleet(8, 25, {
      variants: [
        { name: 'a', weight: 1 },
        { name: 'b', weight: 1 },
      ],
    });
    expect(run(ab, { durationSec: 7200 }).incident('endpoint-over-provisioned')).toBeUndefined();
    expect(run(fleet(8, 25), { durationSec: 1800 }).incident('endpoint-over-provisioned')).toBeUndefined();
  });

  it('flags an endpoint nobody calls, even on one instance', () => {
    const r = run(arch(node('stg', 'realtime-endpoint')), { durationSec: 7200 });
    expect(r.incident('endpoint-idle', 'stg')!.message).toContain('served no request (0 invocations)');
  });
});
