/**
 * Issue 12 through the runner: one small document per corrected behaviour, run with `npm run sim -- FILE --json`
 * (main() in process), checked on the report's rule ids, states and figures; load refusals exit 2 naming the path.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/sim';
import { capture } from './capture';

const dir = mkdtempSync(join(tmpdir(), 'sagesim-truth-'));
let n = 0;
type N = { id: string; kind: string; props?: Record<string, unknown>; parent?: string };
const doc = (nodes: N[], edges: [string, string][] = [], extra: Record<string, unknown> = {}) => {
  const p = join(dir, `d${++n}.json`);
  writeFileSync(
    p,
    JSON.stringify({
      format: 'sagesim/architecture@1',
      nodes,
      edges: edges.map(([from, to]) => ({ from, to })),
      ...extra,
    }),
  );
  return p;
};
function sim(...args: string[]) {
  const { code, out, err } = capture(main, args);
  return { code, err, report: code === 0 && args.includes('--json') ? JSON.parse(out) : null };
}
const rules = (r: { incidents: { rule: string; node: string }[]; findings: { rule: string; node: string }[] }) =>
  new Set([...r.incidents, ...r.findings].map((x) => `${x.rule}@${x.node}`));

describe('issue 12 through the runner', () => {
  it('1: an idle endpoint keeps its instances (no datapoints, no scale-in)', () => {
    const f = doc(
      [
        { id: 'c', kind: 'client', props: { rps: 35, stopSec: 900 } },
        {
          id: 'ep',
          kind: 'realtime-endpoint',
          props: { autoscaling: { min: 1, max: 6, targetInvocationsPerInstance: 600 } },
        },
      ],
      [['c', 'ep']],
    );
    const { report } = sim(f, '--json');
    expect(report.nodes.ep.instancesMax).toBe(4);
    expect(report.nodes.ep.instancesFinal).toBe(4);
  });

  it('2: VolumeKmsKeyId on an NVMe instance type: the training job is refused at creation', () => {
    const f = doc([
      { id: 'k', kind: 'kms-key' },
      { id: 't', kind: 'training-job', props: { instanceType: 'ml.p4d.24xlarge', VolumeKmsKeyId: 'k' } },
    ]);
    const { report } = sim(f, '--json');
    expect(report.nodes.t.state).toBe('Failed');
    expect(rules(report).has('kms-on-nvme-instance@t')).toBe(true);
  });

  it(
    '3: batch transform SplitType None sends whole files and fails; MaxConcurrentTransforms × MaxPayloadInMB > ' +
      '100 exits 2',
    () => {
      const f = doc(
        [
          { id: 'data', kind: 's3-bucket', props: { datasetGB: 1 } },
          { id: 'bt', kind: 'batch-transform' },
        ],
        [['data', 'bt']],
      );
      const { report } = sim(f, '--json', '--duration', '7200');
      expect(report.nodes.bt.state).toBe('Failed');
      expect(rules(report).has('payload-too-large@bt')).toBe(true);
      const bad = sim(
        doc([{ id: 'bt', kind: 'batch-transform', props: { MaxConcurrentTransforms: 20, MaxPayloadInMB: 6 } }]),
      );
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('nodes[0].props.MaxConcurrentTransforms');
    },
  );

  it('4: a multi-model load longer than the invocation: ModelNotReadyException; retries absorb it', () => {
    const f = (retries: number) =>
      doc(
        [
          { id: 'c', kind: 'client', props: { rps: 1, models: 3, retries } },
          { id: 'm', kind: 'multi-model-endpoint', props: { coldLoadSec: 70 } },
        ],
        [['c', 'm']],
      );
    const none = sim(f(0), '--json', '--duration', '600').report;
    expect(rules(none).has('mme-model-not-ready@m')).toBe(true);
    expect(none.nodes.m.failed).toBeGreaterThan(0);
    expect(sim(f(5), '--json', '--duration', '600').report.nodes.m.failed).toBe(0);
  });

  it('5: two production variants beside a shadow exit 2 naming variants', () => {
    const bad = sim(
      doc([
        {
          id: 'ep',
          kind: 'realtime-endpoint',
          props: {
            variants: [
              { name: 'a', weight: 1 },
              { name: 'b', weight: 1 },
              { name: 's', weight: 1, shadow: true },
            ],
          },
        },
      ]),
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('nodes[0].props.variants');
  });

  it('6: DeepAR with Pipe fails with input-mode-unsupported', () => {
    const f = doc(
      [
        { id: 'raw', kind: 's3-bucket', props: { format: 'jsonlines' } },
        { id: 't', kind: 'training-job', props: { algorithm: 'deepar', inputMode: 'Pipe' } },
      ],
      [['raw', 't']],
    );
    const { report } = sim(f, '--json');
    expect(report.nodes.t.state).toBe('Failed');
    expect(rules(report).has('input-mode-unsupported@t')).toBe(true);
  });

  it('7: a pipeline in a private subnet needs no sagemaker.api endpoint', () => {
    const f = doc(
      [
        { id: 'vpc', kind: 'vpc' },
        { id: 'sub', kind: 'subnet', parent: 'vpc', props: { access: 'private' } },
        ...['s3', 'ecr.api', 'ecr.dkr', 'logs'].map((service) => ({
          id: `e-${service.replace('.', '-')}`,
          kind: 'vpc-endpoint',
          parent: 'vpc',
          props: { service },
        })),
        { id: 'data', kind: 's3-bucket' },
        { id: 'pipe', kind: 'pipeline', parent: 'sub' },
        { id: 't', kind: 'training-job', parent: 'pipe', props: { trainingMinutes: 5 } },
      ],
      [['data', 't']],
    );
    const { report } = sim(f, '--json');
    expect(report.nodes.pipe.state).toBe('Succeeded');
    expect([...rules(report)].some((r) => r.startsWith('sagemaker-api-unreachable'))).toBe(false);
  });

  it('8: a real-time model timeout is ModelError; --rules carries the statuses', () => {
    const f = doc(
      [
        { id: 'c', kind: 'client', props: { rps: 1 } },
        { id: 'ep', kind: 'realtime-endpoint', props: { modelLatencyMs: 90_000 } },
      ],
      [['c', 'ep']],
    );
    const { report } = sim(f, '--json', '--duration', '300');
    expect(report.incidents.find((i: { rule: string }) => i.rule === 'realtime-timeout').message).toMatch(
      /^ModelError:/,
    );
    let out = '';
    main(['--rules'], (s) => void (out += s));
    const byId = Object.fromEntries(JSON.parse(out).map((r: { id: string; http: number | null }) => [r.id, r.http]));
    expect(byId).toMatchObject({ 'realtime-timeout': 424, 'serverless-throttled': 400, 'mme-model-not-ready': 429 });
  });

  it('9: a monitor every 15 minutes exits 2 naming scheduleMinutes', () => {
    const bad = sim(doc([{ id: 'm', kind: 'model-monitor', props: { scheduleMinutes: 15 } }]));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('nodes[0].props.scheduleMinutes');
  });

  it('10: a rule wired straight to a monitor is trigger-chain-broken', () => {
    const f = doc(
      [
        { id: 'ep', kind: 'realtime-endpoint', props: { dataCapture: true } },
        { id: 'mon', kind: 'model-monitor', props: { baseline: true } },
        { id: 'eb', kind: 'eventbridge' },
        { id: 'pipe', kind: 'pipeline' },
      ],
      [
        ['ep', 'mon'],
        ['mon', 'eb'],
        ['eb', 'pipe'],
      ],
    );
    expect(rules(sim(f, '--json').report).has('trigger-chain-broken@mon')).toBe(true);
  });

  it('11: a feature group without an event time exits 2; featureQuery latest leaks', () => {
    expect(sim(doc([{ id: 'fs', kind: 'feature-store', props: { eventTimeFeature: null } }])).code).toBe(2);
    const f = doc(
      [
        { id: 'fs', kind: 'feature-store' },
        { id: 't', kind: 'training-job', props: { featureQuery: 'latest' } },
      ],
      [['fs', 't']],
    );
    expect(rules(sim(f, '--json').report).has('point-in-time-leakage@fs')).toBe(true);
  });

  it('12: async invocationTimeoutSec defaults to 900 s', () => {
    const f = doc(
      [
        { id: 'c', kind: 'client', props: { rps: 0.01 } },
        { id: 'a', kind: 'async-endpoint', props: { processingSec: 1200 } },
      ],
      [['c', 'a']],
    );
    const { report } = sim(f, '--json', '--duration', '7200');
    expect(report.incidents.find((i: { rule: string }) => i.rule === 'async-timeout').message).toContain('900 s');
  });

  it('13: an async endpoint at zero without backlogScaling is stuck', () => {
    const f = doc(
      [
        { id: 'c', kind: 'client', props: { rps: 0.01, startSec: 1200, stopSec: 1500 } },
        { id: 'a', kind: 'async-endpoint', props: { minCapacity: 0, processingSec: 5 } },
      ],
      [['c', 'a']],
    );
    const { report } = sim(f, '--json');
    expect(rules(report).has('async-stuck-at-zero@a')).toBe(true);
    expect(report.nodes.a.ok).toBe(0);
  });

  it('the rulebook: the same private-subnet job fails on the sheet and completes under --rulebook aws', () => {
    const f = doc(
      [
        { id: 'vpc', kind: 'vpc' },
        { id: 'sub', kind: 'subnet', parent: 'vpc', props: { access: 'private' } },
        { id: 's3', kind: 'vpc-endpoint', parent: 'vpc', props: { service: 's3' } },
        { id: 'data', kind: 's3-bucket' },
        { id: 't', kind: 'training-job', parent: 'sub', props: { trainingMinutes: 5 } },
      ],
      [['data', 't']],
    );
    expect(sim(f, '--json').report.nodes.t.state).toBe('Failed');
    const aws = sim(f, '--json', '--rulebook', 'aws').report;
    expect(aws.rulebook).toBe('aws');
    expect(aws.nodes.t.state).toBe('Completed');
  });

  it('4: retries apply to serverless throttling too, with back-off, counted in the report', () => {
    const nodes = (retries: number): N[] => [
      { id: 'c', kind: 'client', props: { rps: 0.5, retries } },
      {
        id: 'sl',
        kind: 'serverless-endpoint',
        props: { maxConcurrency: 1, provisionedConcurrency: 1, modelLatencyMs: 1500 },
      },
    ];
    const none = sim(doc(nodes(0), [['c', 'sl']]), '--json', '--duration', '1800').report;
    const some = sim(doc(nodes(4), [['c', 'sl']]), '--json', '--duration', '1800').report;
    expect(none.nodes.sl.retries).toBeUndefined();
    expect(some.nodes.sl.retries).toBeGreaterThan(0);
    expect(some.nodes.sl.servedAfterRetry).toBeGreaterThan(0);
    expect(some.nodes.sl.failed).toBeLessThan(none.nodes.sl.failed);
    expect(rules(some).has('serverless-throttled@sl')).toBe(true);
  });

  it('6: FastFile with an augmented manifest exits 2 naming s3DataType', () => {
    const bad = sim(
      doc([{ id: 't', kind: 'training-job', props: { inputMode: 'FastFile', s3DataType: 'AugmentedManifestFile' } }]),
      '--json',
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('nodes[0].props.s3DataType');
  });

  it('8: an async request that expires in the backlog fails to S3 and the error topic, not with a 503', () => {
    const f = doc(
      [
        { id: 'c', kind: 'client', props: { rps: 0.05 } },
        { id: 'as', kind: 'async-endpoint', props: { maxCapacity: 1, processingSec: 60, requestTtlSec: 600 } },
        { id: 'out', kind: 's3-bucket' },
        { id: 'errors', kind: 'sns' },
      ],
      [
        ['c', 'as'],
        ['as', 'out'],
        ['as', 'errors'],
      ],
    );
    const { report } = sim(f, '--json');
    const r = rules(report);
    expect(r.has('async-request-expired@as')).toBe(true);
    expect(r.has('endpoint-overloaded@as')).toBe(false);
    // issue 15: the backlog that only grows at maxCapacity is flagged too
    expect(r.has('async-backlog-growing@as')).toBe(true);
    expect(report.nodes.as.expired).toBeGreaterThan(0);
  });
});
