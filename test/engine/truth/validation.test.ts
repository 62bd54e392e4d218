/**
 * Issue 12: what AWS's create APIs refuse, refused on load with a path naming the prop (items 3, 5, 9, 11 and
 * the GPU multi-model instance types), and the NVMe / KMS rule for jobs (item 2).
 */
import { describe, expect, it } from 'vitest';
import { loadJson } from '../../../src/model/load';
import { arch, edge, node, run, findings } from '../../harness';

const doc = (nodes: unknown[]) => ({ format: 'sagesim/architecture@1', nodes });
const errors = (nodes: unknown[]) => {
  const r = loadJson(doc(nodes));
  return r.ok ? [] : r.errors;
};

describe('refused on load (issue 12)', () => {
  it('item 5: a shadow variant needs exactly one production variant, and at most one shadow', () => {
    const ep = (variants: unknown) => [{ id: 'ep', kind: 'realtime-endpoint', props: { variants } }];
    const two = errors(
      ep([
        { name: 'a', weight: 1 },
        { name: 'b', weight: 1 },
        { name: 's', weight: 1, shadow: true },
      ]),
    );
    expect(two[0].path).toBe('nodes[0].props.variants');
    expect(two[0].message).toMatch(/exactly one production variant, got 2/);
    const shadows = errors(
      ep([
        { name: 'a', weight: 1 },
        { name: 's', weight: 1, shadow: true },
        { name: 't', weight: 1, shadow: true },
      ]),
    );
    expect(shadows.map((e) => e.message).join()).toMatch(/at most one shadow variant/);
    expect(
      errors(
        ep([
          { name: 'a', weight: 1 },
          { name: 's', weight: 1, shadow: true, samplingPercentage: 25 },
        ]),
      ),
    ).toEqual([]);
    expect(errors(ep([{ name: 'a', weight: 1, samplingPercentage: 25 }]))[0].path).toBe(
      'nodes[0].props.variants[0].samplingPercentage',
    );
  });

  it('item 9: scheduleMinutes is hourly, every N hours or daily (a multiple of 60 up to 1440)', () => {
    const mon = (m: number) => errors([{ id: 'm', kind: 'model-monitor', props: { scheduleMinutes: m } }]);
    for (const bad of [15, 30, 90, 2880]) expect(mon(bad)[0]?.path, String(bad)).toBe('nodes[0].props.scheduleMinutes');
    for (const ok of [60, 120, 360, 720, 1440]) expect(mon(ok), String(ok)).toEqual([]);
  });

  it('item 11: a feature group always has an event time feature', () => {
    const e = errors([{ id: 'fs', kind: 'feature-store', props: { eventTimeFeature: null } }]);
    expect(e[0].path).toBe('nodes[0].props.eventTimeFeature');
  });

  it('item 3: MaxConcurrentTransforms × MaxPayloadInMB may not exceed 100 MB', () => {
    const bt = (props: Record<string, unknown>) => errors([{ id: 'bt', kind: 'batch-transform', props }]);
    expect(bt({ MaxConcurrentTransforms: 4, MaxPayloadInMB: 30 })[0]).toMatchObject({
      path: 'nodes[0].props.MaxConcurrentTransforms',
    });
    expect(bt({ MaxConcurrentTransforms: 4, MaxPayloadInMB: 25 })).toEqual([]);
  });

  it('item 6: FastFile (or File) with an augmented manifest is refused; Pipe and S3 prefixes are not', () => {
    const tj = (props: Record<string, unknown>) => errors([{ id: 't', kind: 'training-job', props }]);
    const bad = tj({ inputMode: 'FastFile', s3DataType: 'AugmentedManifestFile' });
    expect(bad[0]).toMatchObject({ path: 'nodes[0].props.s3DataType' });
    expect(bad[0].message).toMatch(/only be used with inputMode Pipe, not FastFile/);
    expect(tj({ s3DataType: 'AugmentedManifestFile' })[0]?.path).toBe('nodes[0].props.s3DataType');
    expect(tj({ inputMode: 'Pipe', s3DataType: 'AugmentedManifestFile' })).toEqual([]);
    expect(tj({ inputMode: 'FastFile', s3DataType: 'S3Prefix' })).toEqual([]);
    expect(tj({ inputMode: 'FastFile' })).toEqual([]);
    expect(tj({ inputMode: 'FastFile', s3DataType: 'ManifestFile' })).toEqual([]);
    expect(tj({ s3DataType: 'Manifest' })[0]?.path).toBe('nodes[0].props.s3DataType');
  });

  it('GPU multi-model endpoints only on the instance types AWS lists', () => {
    const mme = (t: string) => errors([{ id: 'm', kind: 'multi-model-endpoint', props: { instanceType: t } }]);
    expect(mme('ml.p4d.24xlarge')[0]).toMatchObject({ path: 'nodes[0].props.instanceType' });
    expect(mme('ml.p4d.24xlarge')[0].message).toMatch(/Triton/);
    expect(mme('ml.g5.2xlarge')).toEqual([]);
    expect(mme('ml.m5.xlarge')).toEqual([]);
  });
});

describe('item 3: batch transform SplitType defaults to None (AWS default)', () => {
  const bt = (props: Record<string, unknown>) =>
    run(arch(node('data', 's3-bucket', { datasetGB: 1 }), node('bt', 'batch-transform', props), edge('data', 'bt')), {
      durationSec: 7200,
    });
  it('whole files over MaxPayloadInMB fail the job; SplitType Line fixes it', () => {
    const none = bt({});
    expect(none.state('bt')).toBe('Failed');
    expect(none.incident('payload-too-large', 'bt')).toBeDefined();
    const line = bt({ SplitType: 'Line' });
    expect(line.state('bt')).toBe('Completed');
    expect(line.node('bt').requests).toBe(Math.ceil(1024 / 6));
  });
  it('BatchStrategy SingleRecord sends one record per request', () => {
    const single = bt({ SplitType: 'Line', BatchStrategy: 'SingleRecord' });
    expect(single.state('bt')).toBe('Completed');
    expect(single.node('bt').requests).toBeGreaterThan(1000 * Math.ceil(1024 / 6));
  });
});

describe('item 2: VolumeKmsKeyId on an NVMe instance type is refused for jobs', () => {
  const job = (kind: 'training-job' | 'processing-job' | 'batch-transform', instanceType: string, key: boolean) =>
    arch(
      node('k', 'kms-key'),
      node('data', 's3-bucket', { sensitive: true, datasetGB: 1 }),
      node('j', kind, {
        instanceType,
        ...(key ? { VolumeKmsKeyId: 'k' } : {}),
        ...(kind === 'batch-transform' ? { SplitType: 'Line' } : {}),
      }),
      edge('data', 'j'),
    );
  for (const kind of ['training-job', 'processing-job', 'batch-transform'] as const) {
    it(`${kind}: ValidationException at creation on ml.g5 with a key; no unencrypted-volume without one`, () => {
      const r = run(job(kind, 'ml.g5.2xlarge', true), { durationSec: 7200 });
      expect(r.state('j')).toBe('Failed');
      expect(r.incident('kms-on-nvme-instance', 'j')?.message).toMatch(
        /ValidationException: VolumeKmsKeyId is not supported for instance type ml\.g5\.2xlarge/,
      );
      expect(r.incident('kms-on-nvme-instance', 'j')?.firstAtSec).toBe(0);
      const bare = findings(job(kind, 'ml.g5.2xlarge', false)).map((f) => f.rule);
      expect(bare).not.toContain('unencrypted-volume');
      expect(bare).not.toContain('kms-on-nvme-instance');
      if (kind !== 'batch-transform')
        expect(findings(job(kind, 'ml.m5.xlarge', false)).map((f) => f.rule)).toContain('unencrypted-volume');
      expect(
        run(job(kind, 'ml.m5.xlarge', true), { durationSec: 7200 })
          .rules()
          .has('kms-on-nvme-instance'),
      ).toBe(false);
    });
  }
});

describe('item 5: the shadow variant receives samplingPercentage of the requests', () => {
  const doc = (samplingPercentage?: number) =>
    arch(
      node('c', 'client', { rps: 20 }),
      node('ep', 'realtime-endpoint', {
        variants: [
          { name: 'prod', weight: 1 },
          { name: 'shadow', weight: 1, shadow: true, ...(samplingPercentage ? { samplingPercentage } : {}) },
        ],
      }),
      edge('c', 'ep'),
    );
  it('all by default, a quarter with 25', () => {
    const all = run(doc(), { durationSec: 600 });
    const quarter = run(doc(25), { durationSec: 600 });
    const variants = (r: ReturnType<typeof run>) => r.node('ep').variants as Record<string, { requests: number }>;
    expect(variants(all).shadow.requests).toBe(variants(all).prod.requests);
    expect(variants(quarter).shadow.requests).toBe(Math.floor(variants(quarter).prod.requests / 4));
    expect(quarter.incident('shadow-variant-response', 'ep')?.message).toContain(
      `copy of ${variants(quarter).shadow.requests} requests`,
    );
  });
});
