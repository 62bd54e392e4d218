import { describe, expect, it } from 'vitest';
import { arch, edge, fault, node, run } from '../../harness';
import { trafficSteps } from '../../../src/engine/modules/deploy/rollout';

type Dep = Record<string, unknown> | null;
/** A client at 20 rps on a real-time endpoint, an alarm on its 5XX errors, and a faulty update at t = 600. */
const doc = (deployment: Dep, opts: { alarm?: Record<string, unknown>; errorRate?: number; wired?: boolean } = {}) =>
  arch(
    node('c', 'client', { rps: 20 }),
    node('ep', 'realtime-endpoint', { deployment }),
    node('alarm', 'cloudwatch', opts.alarm ?? { threshold: 5 }),
    edge('c', 'ep'),
    ...(opts.wired === false ? [] : [edge('ep', 'alarm')]),
    fault({ atSec: 600, kind: 'model-update', node: 'ep', errorRate: opts.errorRate ?? 0.2, version: 'v2' }),
  );
const canary = (alarms: string[] = ['alarm']) => ({
  type: 'canary',
  sizePercent: 10,
  waitIntervalSec: 600,
  terminationWaitSec: 300,
  rollbackAlarms: alarms,
});

describe('deployment guardrails (blue/green updates of a real-time endpoint)', () => {
  it('a canary with an auto-rollback alarm rolls a faulty version back while only the canary sees it', () => {
    const r = run(doc(canary()), { durationSec: 3600 });
    const rb = r.incident('deployment-rolled-back', 'ep');
    expect(rb?.count).toBe(1);
    expect(rb?.message).toMatch(/alarm alarm went to ALARM .* with 10% of traffic on the new fleet/);
    expect(r.incident('bad-version-shipped')).toBeUndefined();
    expect(r.state('ep')).toBe('InService');
    // failures only during the canary's few minutes: ~20 rps × 10% × 20% ≈ 0.4/s
    const failed = r.node('ep').failed ?? 0;
    expect(failed).toBeGreaterThan(10);
    expect(failed).toBeLessThan(200);
    expect(r.incident('model-version-errors', 'ep')?.message).toMatch(/ModelError.*Received server error \(500\)/);
  });

  it('without an alarm the same canary ships the faulty version to all traffic', () => {
    const r = run(doc(canary([])), { durationSec: 3600 });
    expect(r.incident('deployment-rolled-back')).toBeUndefined();
    expect(r.incident('bad-version-shipped', 'ep')?.message).toMatch(/no CloudWatch alarm/);
    expect(r.finding('guardrail-without-alarm', 'ep')).toBeDefined();
    // all traffic on v2 from ~t=1320 to 3600 at 20% errors: thousands of failures
    expect(r.node('ep').failed ?? 0).toBeGreaterThan(5000);
  });

  it('an alarm that is wired but not listed in rollbackAlarms goes to ALARM and rolls nothing back', () => {
    const r = run(doc({ ...canary([]) }), { durationSec: 3600 });
    expect(r.sim.log.entries().some((e) => /alarm: OK → ALARM .*not an auto-rollback alarm/.test(e.message))).toBe(
      true,
    );
    expect(r.incident('bad-version-shipped')).toBeDefined();
  });

  it('an alarm listed but not wired from the endpoint watches nothing: a finding, and the version ships', () => {
    const r = run(doc(canary(), { wired: false }), { durationSec: 3600 });
    expect(r.finding('guardrail-without-alarm', 'ep')).toBeDefined();
    expect(r.incident('bad-version-shipped')).toBeDefined();
  });

  it('all at once with an alarm still rolls back, but every caller saw the bad version during the bake', () => {
    const all = run(doc({ type: 'all-at-once', waitIntervalSec: 600, rollbackAlarms: ['alarm'] }), {
      durationSec: 3600,
    });
    const can = run(doc(canary()), { durationSec: 3600 });
    expect(all.incident('deployment-rolled-back')?.message).toMatch(/with 100% of traffic/);
    expect(all.node('ep').failed ?? 0).toBeGreaterThan(3 * (can.node('ep').failed ?? 0));
  });

  it(
    "AWS's default update (no deployment config) shifts everything at " + 'once with no baking: a faulty version ships',
    () => {
      const r = run(doc(null), { durationSec: 3600 });
      expect(r.incident('bad-version-shipped', 'ep')).toBeDefined();
      expect(r.finding('guardrail-without-alarm')).toBeUndefined();
    },
  );

  it('a healthy version goes through every step and ships without incidents', () => {
    const r = run(doc(canary(), { errorRate: 0 }), { durationSec: 3600 });
    expect(r.incident('deployment-rolled-back')).toBeUndefined();
    expect(r.incident('bad-version-shipped')).toBeUndefined();
    expect(r.node('ep').failed ?? 0).toBe(0);
    expect(r.sim.log.entries().some((e) => /Updating → InService · now serving v2/.test(e.message))).toBe(true);
  });

  it('a threshold too high for the canary misses it; the alarm trips only once all traffic is on the new fleet', () => {
    // the canary fails ~20 × 10% × 20% × 60 ≈ 24 requests a minute: under 100; all traffic fails ~240 a minute
    const r = run(doc(canary(), { alarm: { threshold: 100 } }), { durationSec: 3600 });
    expect(r.incident('deployment-rolled-back')?.message).toMatch(/with 100% of traffic on the new fleet/);
    const tight = run(doc(canary()), { durationSec: 3600 });
    expect(r.node('ep').failed ?? 0).toBeGreaterThan(2 * (tight.node('ep').failed ?? 0));
  });

  it('an alarm that never breaches lets the faulty version ship', () => {
    const r = run(doc(canary(), { alarm: { threshold: 100_000 } }), { durationSec: 3600 });
    expect(r.incident('bad-version-shipped')?.message).toMatch(/alarm alarm did not reach ALARM/);
  });

  it('bills the second (green) fleet while both run: from UpdateEndpoint until the old fleet is terminated', () => {
    const none = run(doc(canary(), { errorRate: 0 }), { durationSec: 3600 });
    const noUpdate = run(arch(node('c', 'client', { rps: 20 }), node('ep', 'realtime-endpoint'), edge('c', 'ep')), {
      durationSec: 3600,
    });
    // 120 s provisioning + 600 s canary bake + 600 s full bake + 300 s termination wait = 1620 s of ml.m5.large
    const extra = (none.node('ep').costUSD ?? 0) - (noUpdate.node('ep').costUSD ?? 0);
    expect(extra).toBeCloseTo((0.115 / 3600) * 1620, 2);
  });

  it('linear steps shift 10–50% at a time', () => {
    expect(trafficSteps({ type: 'linear', sizePercent: 25, waitIntervalSec: 60 })).toEqual([0.25, 0.5, 0.75, 1]);
    expect(trafficSteps({ type: 'canary', sizePercent: 5, waitIntervalSec: 60 })).toEqual([0.05, 1]);
    expect(trafficSteps({ type: 'all-at-once', waitIntervalSec: 0 })).toEqual([1]);
    const r = run(doc({ type: 'linear', sizePercent: 20, waitIntervalSec: 300, rollbackAlarms: ['alarm'] }), {
      durationSec: 3600,
    });
    expect(r.incident('deployment-rolled-back')?.message).toMatch(/with 20% of traffic/);
  });

  it('refuses a deployment config AWS refuses, naming the path', () => {
    expect(() => doc({ type: 'canary', sizePercent: 60, waitIntervalSec: 60 })).toThrow(
      /nodes\[1\]\.props\.deployment\.sizePercent/,
    );
    expect(() => doc({ type: 'linear', sizePercent: 5, waitIntervalSec: 60 })).toThrow(/10 to 50 percent/);
    expect(() => doc({ type: 'canary', sizePercent: 10, waitIntervalSec: 4000 })).toThrow(/waitIntervalSec/);
    expect(() => doc({ ...canary(['c']) })).toThrow(
      /rollbackAlarms\[0\]: "c" is a client; expected a cloudwatch alarm/,
    );
  });

  it('an update of an endpoint that is not InService is refused', () => {
    const d = arch(
      node('c', 'client', { rps: 20 }),
      node('ep', 'realtime-endpoint', { deployment: canary() }),
      node('alarm', 'cloudwatch'),
      edge('c', 'ep'),
      edge('ep', 'alarm'),
      fault({ atSec: 10, kind: 'model-update', node: 'ep', errorRate: 0.5 }),
    );
    const r = run(d, { durationSec: 900 });
    expect(r.sim.log.entries().some((e) => /UpdateEndpoint refused/.test(e.message))).toBe(true);
    expect(r.incident('model-version-errors')).toBeUndefined();
  });
});
