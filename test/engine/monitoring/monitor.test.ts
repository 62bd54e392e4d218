import { describe, expect, it } from 'vitest';
import { arch, edge, fault, node, run } from '../../harness';
import { modules } from '../mlops/fakes';
import { Rng } from '../../../src/engine/rng';
import { DRIFT_THRESHOLD, disparateImpact, driftDistance } from '../../../src/engine/modules/monitoring/stats';

/**
 * An endpoint watched by an hourly monitor (Model Monitor schedules are hourly or more) for four hours: runs at 3600,
 * 7200 and 10800 s (the run's end is not a run).
 */
const watched = (
  ep: { kind?: string; props?: Record<string, unknown> },
  monitor: Record<string, unknown>,
  ...more: Parameters<typeof arch>
) =>
  arch(
    node('ep', (ep.kind ?? 'realtime-endpoint') as 'realtime-endpoint', ep.props ?? { dataCapture: true }),
    node('mon', 'model-monitor', { baseline: true, scheduleMinutes: 60, ...monitor }),
    edge('ep', 'mon'),
    ...more,
  );
const RUNS = 3;
const go = (doc: ReturnType<typeof arch>) => run(doc, { modules: modules(), durationSec: 14_400 });

describe('Model Monitor: runs that cannot work fail every time, on the monitor', () => {
  const cases: [string, ReturnType<typeof arch>, ReturnType<typeof arch>][] = [
    ['monitor-needs-data-capture', watched({ props: { dataCapture: false } }, {}), watched({}, {})],
    ['monitor-needs-baseline', watched({}, { baseline: false }), watched({}, {})],
    [
      'model-quality-needs-ground-truth',
      watched({}, { monitorType: 'model-quality' }),
      watched({}, { monitorType: 'model-quality', groundTruth: true }),
    ],
    [
      'monitor-needs-clarify',
      watched({}, { monitorType: 'bias-drift' }),
      watched({}, { monitorType: 'bias-drift' }, node('cl', 'clarify'), edge('mon', 'cl')),
    ],
    [
      'monitor-needs-clarify',
      watched({}, { monitorType: 'feature-attribution' }),
      watched({}, { monitorType: 'feature-attribution' }, node('cl', 'clarify'), edge('mon', 'cl')),
    ],
    ['monitor-unsupported-endpoint', watched({ kind: 'serverless-endpoint', props: {} }, {}), watched({}, {})],
    ['monitor-unsupported-endpoint', watched({ kind: 'multi-model-endpoint', props: {} }, {}), watched({}, {})],
  ];
  for (const [rule, broken, fixed] of cases) {
    it(`${rule} (${JSON.stringify(broken.nodes[1].props)} on ${broken.nodes[0].kind})`, () => {
      const r = go(broken);
      expect(r.incident(rule, 'mon')).toMatchObject({ count: RUNS, firstAtSec: 3600 });
      expect(r.finding(rule, 'mon')).toBeDefined();
      expect(r.node('mon')).toMatchObject({ runs: RUNS, failedRuns: RUNS, violations: 0 });
      const ok = go(fixed);
      expect(ok.rules().has(rule)).toBe(false);
      expect(ok.node('mon')).toMatchObject({ runs: RUNS, failedRuns: 0 });
    });
  }

  it('a run meets the first failure only; the findings list every one', () => {
    const r = go(watched({ props: { dataCapture: false } }, { baseline: false }));
    expect(r.incident('monitor-needs-data-capture', 'mon')?.count).toBe(RUNS);
    expect(r.incident('monitor-needs-baseline', 'mon')).toBeUndefined();
    expect(r.finding('monitor-needs-baseline', 'mon')).toBeDefined();
  });
});

describe('violations', () => {
  it('data-drift-detected at the first scheduled run after a data-drift fault', () => {
    const r = go(watched({}, {}, fault({ atSec: 4000, kind: 'data-drift', node: 'ep' })));
    const i = r.incident('data-drift-detected', 'mon');
    expect(i).toMatchObject({ count: 2, firstAtSec: 7200 });
    expect(i?.message).toMatch(/distance 0\.3\d+ exceeds the threshold 0\.1/);
    expect(r.node('mon')).toMatchObject({ runs: RUNS, violations: 2 });
    // fixed twins: no drift; drift on an endpoint whose monitor cannot run
    expect(go(watched({}, {})).rules().has('data-drift-detected')).toBe(false);
    const noBaseline = go(watched({}, { baseline: false }, fault({ atSec: 4000, kind: 'data-drift', node: 'ep' })));
    expect(noBaseline.rules().has('data-drift-detected')).toBe(false);
  });

  it('bias-disparate-impact: a bias shift pushes DI below the Clarify threshold', () => {
    const bias = (magnitude: number | null, threshold = 0.8) =>
      watched(
        {},
        { monitorType: 'bias-drift' },
        node('cl', 'clarify', { disparateImpactThreshold: threshold }),
        edge('mon', 'cl'),
        ...(magnitude === null ? [] : [fault({ atSec: 4000, kind: 'bias-shift', node: 'ep', magnitude })]),
      );
    const r = go(bias(0.3));
    expect(r.incident('bias-disparate-impact', 'mon')).toMatchObject({ count: 2, firstAtSec: 7200 });
    expect(r.node('mon').lastDI as number).toBeLessThan(0.8);
    expect(r.node('mon').lastDI as number).toBeGreaterThan(0.55);
    const fair = go(bias(null));
    expect(fair.rules().has('bias-disparate-impact')).toBe(false);
    expect(fair.node('mon').lastDI as number).toBeGreaterThan(0.85);
    expect(go(bias(0.3, 0.5)).rules().has('bias-disparate-impact')).toBe(false);
  });

  it(
    'a violation is CloudWatch metrics: an alarm on them reaches ' + 'EventBridge and starts the retraining pipeline',
    () => {
      const doc = (wiring: 'alarm' | 'direct' | 'none') =>
        watched(
          {},
          {},
          node('pipe', 'pipeline'),
          node('train', 'training-job', {}, 'pipe'),
          node('eb', 'eventbridge'),
          edge('eb', 'pipe'),
          ...(wiring === 'alarm'
            ? [node('alarm', 'cloudwatch'), edge('mon', 'alarm'), edge('alarm', 'eb')]
            : wiring === 'direct'
              ? [edge('mon', 'eb')]
              : [node('b', 's3-bucket', { eventNotifications: true }), edge('b', 'eb')]),
          fault({ atSec: 4000, kind: 'data-drift', node: 'ep' }),
        );
      const r = go(doc('alarm'));
      expect(r.report.timeline.find((e) => e.node === 'pipe')).toMatchObject({
        t: 7203,
        event: expect.stringMatching(/^Executing: execution 1 \(CloudWatch Alarm State Change from alarm via eb\)/),
      });
      expect(r.node('pipe').executions).toBe(2); // violations at 7200 and 10800
      expect(r.node('eb').events).toBe(2);
      // issue 12 item 10: Model Monitor has no EventBridge event of its own; a rule on the monitor never fires
      const direct = go(doc('direct'));
      expect(direct.node('pipe').executions).toBe(0);
      expect(direct.incident('trigger-chain-broken', 'mon')?.message).toMatch(/publishes CloudWatch metrics/);
      const unwired = go(doc('none'));
      expect(unwired.node('pipe').executions).toBe(0);
      expect(unwired.rules().has('trigger-chain-broken')).toBe(false);
    },
  );

  it('a model-quality monitor flags a leaked model serving below its validation', () => {
    const doc = (scalerFit: string) =>
      watched(
        {},
        { monitorType: 'model-quality', groundTruth: true },
        node('raw', 's3-bucket'),
        node('prep', 'processing-job', { scalerFit }),
        node('clean', 's3-bucket'),
        node('train', 'training-job'),
        edge('raw', 'prep'),
        edge('prep', 'clean'),
        edge('clean', 'train'),
        edge('train', 'ep'),
      );
    const r = go(doc('full-dataset'));
    expect(r.node('mon')).toMatchObject({ runs: RUNS, violations: RUNS });
    expect(r.incident('scaler-leakage', 'prep')?.count).toBe(1);
    expect(go(doc('train-split')).node('mon')).toMatchObject({ runs: RUNS, violations: 0 });
  });

  it('no captured traffic: every run fails (nothing to check), no violation', () => {
    const r = run(watched({}, {}, fault({ atSec: 10, kind: 'data-drift', node: 'ep' })), {
      modules: modules({ rps: 0 }),
      durationSec: 14_400,
    });
    expect(r.node('mon')).toMatchObject({ runs: RUNS, failedRuns: RUNS, violations: 0 });
    expect(r.rules().has('data-drift-detected')).toBe(false);
  });
});

describe('monitoring statistics', () => {
  it('drift distance is noise below the threshold, plus the fault magnitude', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 200; i++) expect(driftDistance(rng, 0).distance).toBeLessThan(DRIFT_THRESHOLD);
    expect(driftDistance(rng, 0.3).distance).toBeGreaterThan(0.3);
  });

  it('disparate impact is about 1 when fair and falls by the shift', () => {
    const fair = disparateImpact(new Rng(2), 20_000, 0);
    const shifted = disparateImpact(new Rng(2), 20_000, 0.3);
    expect(fair.di).toBeGreaterThan(0.9);
    expect(fair.di).toBeLessThan(1.1);
    expect(shifted.di / fair.di).toBeCloseTo(0.7, 1);
    expect(disparateImpact(new Rng(3), 1_000_000, 0).sample).toBe(20_000);
  });
});

describe('a run with no captured traffic', () => {
  const doc = (rps: number | null) =>
    arch(
      node('e', 'realtime-endpoint', { dataCapture: true }),
      node('m', 'model-monitor', { baseline: true, scheduleMinutes: 60 }),
      edge('e', 'm'),
      ...(rps === null ? [] : [node('c', 'client', { rps }), edge('c', 'e')]),
    );
  it('fails with "no captured records in the window", counted in failedRuns, with no incident', () => {
    const r = run(doc(null), { durationSec: 14_400 });
    expect(r.node('m').runs).toBe(3);
    expect(r.node('m').failedRuns).toBe(3);
    // the monitor raises nothing; the endpoint nobody calls is billed idle for four hours (endpoint-idle)
    expect(r.report.incidents.map((i) => `${i.rule} ${i.node}`)).toEqual(['endpoint-idle e']);
    const lines = r.sim.log
      .entries()
      .filter((e) => e.node === 'm' && e.message.includes('no captured records in the window'));
    expect(lines.length).toBe(3);
  });
  it('twin: with a client sending, every run has captured records and works', () => {
    const r = run(doc(5), { durationSec: 14_400 });
    expect(r.node('m').runs).toBe(3);
    expect(r.node('m').failedRuns).toBe(0);
  });
});
