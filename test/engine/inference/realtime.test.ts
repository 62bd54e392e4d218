import { describe, expect, it } from 'vitest';
import { arch, edge, node, run } from '../../harness';

const client = (props: Record<string, unknown> = {}) => node('c', 'client', props);
const rt = (props: Record<string, unknown> = {}) => node('ep', 'realtime-endpoint', props);

describe('real-time endpoint traffic', () => {
  it('holds traffic until InService, then serves it with the model latency and bills instance hours', () => {
    const r = run(arch(client({ rps: 10 }), rt(), edge('c', 'ep')));
    const ep = r.node('ep');
    expect(ep.state).toBe('InService');
    expect(ep.requests).toBe(r.node('c').requests);
    expect(ep.requests! / 3495).toBeGreaterThan(9.5);
    expect(ep.requests! / 3495).toBeLessThan(10.5);
    expect(ep.ok).toBe(ep.requests);
    expect(ep.failed).toBe(0);
    expect(ep.p50Ms).toBeGreaterThan(45);
    expect(ep.p50Ms).toBeLessThan(60);
    expect(ep.coldStarts).toBe(0);
    expect(ep.instancesMax).toBe(1);
    // ml.m5.large for the 3495 s in service
    expect(ep.costUSD).toBeCloseTo((0.115 * 3495) / 3600, 3);
    // nothing before InService at 105 s
    expect(
      r.sim
        .metrics('ep')
        .s('requests')
        .values.slice(0, 10)
        .every((v) => !v),
    ).toBe(true);
    expect(r.rules().size).toBe(0);
  });

  it('payload-too-large: requests over 6 MB get a 413, counted in failed', () => {
    const r = run(arch(client({ rps: 5, payloadMB: 7, payloadSpread: 'fixed' }), rt(), edge('c', 'ep')));
    const i = r.incident('payload-too-large', 'ep')!;
    expect(i.count).toBe(r.node('ep').requests);
    expect(r.node('ep').failed).toBe(i.count);
    expect(i.message).toContain('client error (413)');
    expect(i.message).toContain('7 MB is over the 6 MB limit of real-time endpoints');
  });

  it('payload-too-large fixed twin: 5 MB requests pass', () => {
    const r = run(arch(client({ rps: 5, payloadMB: 5, payloadSpread: 'fixed' }), rt(), edge('c', 'ep')));
    expect(r.incident('payload-too-large')).toBeUndefined();
    expect(r.node('ep').failed).toBe(0);
  });

  it('lognormal payloads around 4 MB: only the ones over 6 MB fail', () => {
    const r = run(arch(client({ rps: 20, payloadMB: 4 }), rt(), edge('c', 'ep')));
    const share = r.incident('payload-too-large', 'ep')!.count / r.node('ep').requests!;
    // P(size > 6 | median 4, sigma 0.5) = P(z > 0.81) ≈ 0.21
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.24);
  });

  it('realtime-timeout: processing over 60 s fails with a timeout at 60 s', () => {
    const r = run(arch(client({ rps: 0.05 }), rt({ modelLatencyMs: 120_000 }), edge('c', 'ep')));
    const i = r.incident('realtime-timeout', 'ep')!;
    expect(i.count).toBeGreaterThan(100);
    expect(i.count).toBe(r.node('ep').failed);
    expect(r.node('ep').p99Ms).toBeLessThanOrEqual(60_000);
    expect(r.node('ep').p99Ms).toBeGreaterThan(59_000);
    expect(i.message).toContain('timed out');
  });

  it('realtime-timeout fixed twin: a 5 s model answers in time', () => {
    const r = run(arch(client({ rps: 0.05 }), rt({ modelLatencyMs: 5000 }), edge('c', 'ep')));
    expect(r.incident('realtime-timeout')).toBeUndefined();
    expect(r.node('ep').failed).toBe(0);
  });

  it('endpoint-overloaded: more than one instance can serve → queueing, then 503s', () => {
    // ml.m5.large: 2 workers × 1 / 50 ms = 40 req/s
    const r = run(arch(client({ rps: 60 }), rt(), edge('c', 'ep')));
    const i = r.incident('endpoint-overloaded', 'ep')!;
    expect(i.count).toBe(r.node('ep').failed);
    // about a third of the offered load cannot be served
    expect(i.count / r.node('ep').requests!).toBeGreaterThan(0.25);
    expect(i.count / r.node('ep').requests!).toBeLessThan(0.4);
    expect(r.node('ep').p99Ms).toBeGreaterThan(1000);
    expect(i.message).toContain('503');
  });

  it('endpoint-overloaded fixed twin: enough instances', () => {
    const r = run(arch(client({ rps: 60 }), rt({ instanceCount: 3 }), edge('c', 'ep')));
    expect(r.incident('endpoint-overloaded')).toBeUndefined();
    expect(r.node('ep').p99Ms).toBeLessThan(300);
    expect(r.node('ep').instancesMax).toBe(3);
  });

  it(
    'target tracking on InvocationsPerInstance adds instances after the provisioning delay, and an idle endpoint ' +
      'keeps them',
    () => {
      const doc = arch(
        client({ rps: 100, stopSec: 1800 }),
        rt({ autoscaling: { min: 1, max: 8, targetInvocationsPerInstance: 1300 } }),
        edge('c', 'ep'),
      );
      const r = run(doc);
      const ep = r.node('ep');
      // 100 req/s = 6000 per minute; target 1300 per instance → ceil(4.6) = 5 instances
      expect(ep.instancesMax).toBe(5);
      // after the client stops there are no invocations, so no datapoints and no scale-in (issue 12 item 1)
      expect(ep.instancesFinal).toBe(5);
      const i = r.incident('endpoint-overloaded', 'ep')!;
      expect(i.firstAtSec).toBeLessThan(200);
      // three datapoints above target, then instances in service 240 s later: no 503 after that
      const errors = r.sim.metrics('ep').s('errors').values;
      expect(errors.slice(54).every((v) => !v)).toBe(true);
      const fixed = run(arch(client({ rps: 100, stopSec: 1800 }), rt(), edge('c', 'ep')));
      expect(fixed.node('ep').failed).toBeGreaterThan(4 * ep.failed!);
      expect(
        r.report.timeline.some((e) => e.node === 'ep' && /target tracking .* launches instances: 1 → 5/.test(e.event)),
      ).toBe(true);
    },
  );

  it('production variants split traffic by weight, with per-variant figures', () => {
    const r = run(
      arch(
        client({ rps: 40 }),
        rt({
          instanceCount: 2,
          variants: [
            { name: 'champion', weight: 3 },
            { name: 'challenger', weight: 1, modelLatencyMs: 200 },
          ],
        }),
        edge('c', 'ep'),
      ),
    );
    const v = r.node('ep').variants as Record<
      string,
      { requests: number; ok: number; p50Ms: number; instancesFinal: number }
    >;
    expect(Object.keys(v)).toEqual(['champion', 'challenger']);
    expect(v.champion.requests + v.challenger.requests).toBe(r.node('ep').requests);
    expect(v.champion.requests / v.challenger.requests).toBeGreaterThan(2.8);
    expect(v.champion.requests / v.challenger.requests).toBeLessThan(3.2);
    expect(v.challenger.p50Ms).toBeGreaterThan(3 * v.champion.p50Ms);
    expect(v.champion.instancesFinal).toBe(2);
    expect(r.node('ep').instancesFinal).toBe(4);
    expect(r.incident('shadow-variant-response')).toBeUndefined();
  });

  it('shadow-variant-response: a shadow gets a copy of every request; its failures never reach callers', () => {
    const r = run(
      arch(
        client({ rps: 30 }),
        rt({
          variants: [
            { name: 'prod', weight: 1 },
            { name: 'candidate', weight: 1, shadow: true, modelLatencyMs: 200 },
          ],
        }),
        edge('c', 'ep'),
      ),
    );
    const ep = r.node('ep');
    const v = ep.variants as Record<string, { requests: number; failed: number; shadow?: boolean }>;
    expect(v.candidate.shadow).toBe(true);
    expect(v.candidate.requests).toBe(ep.requests);
    expect(v.prod.requests).toBe(ep.requests);
    // the shadow is overloaded (10 req/s capacity) but callers see only prod's answers
    expect(v.candidate.failed).toBeGreaterThan(0);
    expect(ep.failed).toBe(0);
    const i = r.incident('shadow-variant-response', 'ep')!;
    expect(i.count).toBe(v.candidate.requests);
    expect(i.message).toContain(`candidate on ep received a copy of ${v.candidate.requests} requests`);
    expect(r.finding('shadow-variant-response', 'ep')).toBeDefined();
  });

  it('shadow-variant-response fixed twin: no shadow variant', () => {
    const r = run(
      arch(
        client({ rps: 30 }),
        rt({
          variants: [
            { name: 'a', weight: 1 },
            { name: 'b', weight: 1 },
          ],
        }),
        edge('c', 'ep'),
      ),
    );
    expect(r.incident('shadow-variant-response')).toBeUndefined();
    expect(r.finding('shadow-variant-response')).toBeUndefined();
  });
});
