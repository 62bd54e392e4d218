/**
 * Scale to zero on inference components and target tracking on ConcurrentRequestsPerModel (issue 17): an endpoint
 * hosting inference components scales in to zero instances when idle; without the step-scaling policy on
 * NoCapacityInvocationFailures it never comes back (realtime-stuck-at-zero), with it the first requests fail while an
 * instance is provisioned (no-capacity-at-zero); min 0 without inference components keeps one instance
 * (scale-to-zero-unsupported). The high-resolution metric scales out sooner than InvocationsPerInstance.
 */
import { describe, expect, it } from 'vitest';
import { arch, edge, findings, node, run } from '../../harness';

const AS = { min: 0, max: 2, targetInvocationsPerInstance: 600, scaleInCooldownSec: 60 };
/** An endpoint idle for the first hour, then a client from t = 3600. */
const night = (ep: Record<string, unknown>) =>
  arch(
    node('c', 'client', { rps: 2, pattern: 'constant', startSec: 3600 }),
    node('ep', 'realtime-endpoint', { instanceType: 'ml.g5.xlarge', modelLatencyMs: 100, autoscaling: AS, ...ep }),
    edge('c', 'ep'),
  );

describe('scale to zero (inference components)', () => {
  it('scales in to zero while idle and, without the step policy, never wakes: every request fails with 400', () => {
    const r = run(night({ inferenceComponents: true }), { durationSec: 7200 });
    const ep = r.report.nodes.ep;
    expect(ep.instancesFinal).toBe(0);
    expect(ep.requests).toBeGreaterThan(5000);
    expect(ep.failed).toBe(ep.requests);
    const i = r.incident('realtime-stuck-at-zero', 'ep')!;
    expect(i.message).toContain('Inference Component has no capacity to process this request');
    expect(i.count).toBe(ep.requests);
    expect(r.incident('no-capacity-at-zero')).toBeUndefined();
  });

  it('with scaleOutFromZero the alarm adds an instance: only the first minutes fail, then it serves', () => {
    const r = run(night({ inferenceComponents: true, scaleOutFromZero: true }), { durationSec: 7200 });
    const ep = r.report.nodes.ep;
    expect(ep.instancesFinal).toBe(1);
    const i = r.incident('no-capacity-at-zero', 'ep')!;
    // the alarm's minute plus 240 s of provisioning at 2 rps: between 1 and 10 minutes of failures
    expect(i.count).toBeGreaterThan(2 * 60);
    expect(i.count).toBeLessThan(2 * 600);
    expect(ep.failed).toBe(i.count);
    expect(ep.ok).toBe(ep.requests! - i.count);
    expect(r.incident('realtime-stuck-at-zero')).toBeUndefined();
  });

  it('costs less than an endpoint kept at one instance', () => {
    const zero = run(night({ inferenceComponents: true, scaleOutFromZero: true }), { durationSec: 7200 });
    const one = run(night({ inferenceComponents: true, autoscaling: { ...AS, min: 1 } }), { durationSec: 7200 });
    expect(one.report.nodes.ep.failed).toBe(0);
    expect(zero.report.nodes.ep.costUSD!).toBeLessThan(one.report.nodes.ep.costUSD! * 0.85);
  });

  it('min 0 without inference components keeps one instance and is a static finding', () => {
    const doc = night({});
    const r = run(doc, { durationSec: 7200 });
    expect(r.report.nodes.ep.failed).toBe(0);
    expect(r.report.nodes.ep.instancesFinal).toBe(1);
    expect(findings(doc).map((f) => f.rule)).toContain('scale-to-zero-unsupported');
    expect(findings(night({ inferenceComponents: true })).map((f) => f.rule)).not.toContain(
      'scale-to-zero-unsupported',
    );
  });
});

/** A surge from 20 to 200 rps at t = 600 on a 2-instance endpoint that may scale to 20. */
const surge = (ep: Record<string, unknown>) =>
  arch(
    node('base', 'client', { rps: 20, pattern: 'constant' }),
    node('rush', 'client', { rps: 180, pattern: 'constant', startSec: 600, stopSec: 1800 }),
    node('ep', 'realtime-endpoint', {
      instanceType: 'ml.m5.large',
      instanceCount: 2,
      modelLatencyMs: 100,
      autoscaling: { min: 2, max: 20, targetInvocationsPerInstance: 1200 },
      ...ep,
    }),
    edge('base', 'ep'),
    edge('rush', 'ep'),
  );

describe('target tracking on ConcurrentRequestsPerModel', () => {
  it('scales out sooner than InvocationsPerInstance and fails fewer requests in a surge', () => {
    const inv = run(surge({}), { durationSec: 2400 });
    const conc = run(surge({ scalingMetric: 'ConcurrentRequestsPerModel', targetConcurrency: 2 }), {
      durationSec: 2400,
    });
    const first = (r: typeof inv) =>
      r.sim.log.entries().find((l) => l.node === 'ep' && /launches instances/.test(l.message))!;
    expect(first(conc).message).toContain('ConcurrentRequestsPerModel > 2 per instance');
    expect(first(inv).message).toContain('InvocationsPerInstance > 1200/min');
    // 3 datapoints of 10 s against 3 of a minute
    expect(first(conc).t).toBeLessThan(first(inv).t - 100);
    expect(conc.report.nodes.ep.failed!).toBeLessThan(inv.report.nodes.ep.failed!);
  });
});
