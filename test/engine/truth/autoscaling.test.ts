/**
 * Issue 12, item 1: target tracking as Application Auto Scaling's alarms behave — scale-out after 3 consecutive
 * 1-minute datapoints above the target, scale-in only after 15 consecutive datapoints below 90% of it, one
 * instance at a time, and never without invocations (no datapoints).
 */
import { describe, expect, it } from 'vitest';
import { arch, edge, node, run } from '../../harness';

const scaling = { min: 1, max: 6, targetInvocationsPerInstance: 600 };

describe('target tracking (issue 12 item 1)', () => {
  it('an idle endpoint stays at its size: no invocations, no datapoints, no scale-in', () => {
    const r = run(
      arch(
        node('c', 'client', { rps: 35, pattern: 'constant', stopSec: 900 }),
        node('ep', 'realtime-endpoint', { instanceCount: 1, autoscaling: scaling }),
        edge('c', 'ep'),
      ),
      { durationSec: 3600 },
    );
    const ep = r.node('ep');
    // 35 rps = 2100/min, target 600 → 4 instances
    expect(ep.instancesMax).toBe(4);
    // the client stopped at 900 s: 45 idle minutes, yet no scale-in
    expect(ep.instancesFinal).toBe(4);
  });

  it('scales in gradually after 15 low minutes while traffic continues', () => {
    const doc = arch(
      node('hi', 'client', { rps: 35, pattern: 'constant', stopSec: 900 }),
      node('lo', 'client', { rps: 2, pattern: 'constant' }),
      node('ep', 'realtime-endpoint', { instanceCount: 1, autoscaling: scaling }),
      edge('hi', 'ep'),
      edge('lo', 'ep'),
    );
    const short = run(doc, { durationSec: 900 + 14 * 60 });
    expect(short.node('ep').instancesFinal).toBe(4);
    const long = run(doc, { durationSec: 3600 });
    // one instance per scale-in, 300 s apart: 4 → 3 → 2 → 1 within the hour, never below min
    expect(long.node('ep').instancesFinal).toBe(1);
    const ins = long.sim.metrics('ep').s('instances').values;
    for (let i = 1; i < ins.length; i++) expect(ins[i - 1] - ins[i]).toBeLessThanOrEqual(1);
  });

  it('does not scale out on a single busy minute (3 datapoints needed)', () => {
    const r = run(
      arch(
        node('c', 'client', { rps: 40, pattern: 'constant', startSec: 0, stopSec: 100 }),
        node('ep', 'realtime-endpoint', { instanceCount: 1, autoscaling: scaling }),
        edge('c', 'ep'),
      ),
      { durationSec: 1200 },
    );
    expect(r.node('ep').instancesMax).toBe(1);
  });

  it('a scale-out larger than the one in progress goes ahead during the cooldown', () => {
    const r = run(
      arch(
        node('base', 'client', { rps: 15, pattern: 'constant' }),
        node('surge', 'client', { rps: 60, pattern: 'constant', startSec: 400 }),
        node('ep', 'realtime-endpoint', { instanceCount: 1, autoscaling: { ...scaling, max: 10 } }),
        edge('base', 'ep'),
        edge('surge', 'ep'),
      ),
      { durationSec: 1200 },
    );
    const outs = r.report.timeline.filter((e) => e.node === 'ep' && /launches instances/.test(e.event));
    expect(outs.length).toBeGreaterThanOrEqual(2);
    // the second scale-out comes within the first one's 300 s cooldown
    expect(outs[1].t - outs[0].t).toBeLessThan(300);
    expect(r.node('ep').instancesMax).toBeGreaterThan(2);
  });
});
