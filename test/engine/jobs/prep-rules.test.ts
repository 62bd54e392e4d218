import { describe, expect, it } from 'vitest';
import { PRICES } from '../../../src/catalog/prices';
import { JOB_TIMING as T } from '../../../src/engine/modules/jobs/constants';
import { arch, edge, node, run } from '../../harness';
import { cost, when } from './helpers';

describe('wrangler-scale-limit', () => {
  it('a flow over 1 TB stalls, then fails out of memory', () => {
    const r = run(arch(node('big', 's3-bucket', { datasetGB: 1500 }), node('dw', 'data-wrangler'), edge('big', 'dw')));
    expect(r.state('dw')).toBe('Failed');
    const i = r.incident('wrangler-scale-limit', 'dw')!;
    expect(i).toMatchObject({ count: 1, firstAtSec: T.startingSec + T.wranglerStallSec });
    expect(i.message).toContain('1500 GB');
    expect(r.finding('wrangler-scale-limit', 'dw')?.severity).toBe('error');
    expect(cost(r, 'dw')).toBeCloseTo(((T.startingSec + T.wranglerStallSec) / 3600) * PRICES.dataWranglerPerHourUSD, 4);
  });
  it('fixed twins: a flow under 1 TB completes; the recipe exported to a PySpark processing job handles 1.5 TB', () => {
    const small = run(arch(node('d', 's3-bucket', { datasetGB: 500 }), node('dw', 'data-wrangler'), edge('d', 'dw')));
    expect(small.state('dw')).toBe('Completed');
    expect(when(small, 'dw', 'Completed')).toBe(T.startingSec + 500 * T.wranglerSecPerGB + T.wranglerExportSec);
    expect(small.rules().has('wrangler-scale-limit')).toBe(false);
    const pj = run(
      arch(
        node('big', 's3-bucket', { datasetGB: 1500 }),
        node('pj', 'processing-job', { framework: 'pyspark', instanceCount: 20 }),
        edge('big', 'pj'),
      ),
      { durationSec: 7200 },
    );
    expect(pj.state('pj')).toBe('Completed');
    expect(pj.rules().has('wrangler-scale-limit')).toBe(false);
  });
});

describe('sensitive-data-public-workforce', () => {
  const doc = (workforce: string, sensitive: boolean) =>
    arch(
      node('pii', 's3-bucket', { sensitive, datasetGB: 1 }),
      node('gt', 'ground-truth', { workforce }),
      edge('pii', 'gt'),
    );
  it('Mechanical Turk on sensitive data: flagged and the labelling job fails at creation', () => {
    const r = run(doc('mturk', true));
    expect(r.state('gt')).toBe('Failed');
    expect(r.incident('sensitive-data-public-workforce', 'gt')).toMatchObject({ count: 1, firstAtSec: 0 });
    expect(r.incident('sensitive-data-public-workforce', 'gt')!.message).toContain('s3://pii');
    expect(r.finding('sensitive-data-public-workforce', 'gt')?.severity).toBe('error');
    expect(cost(r, 'gt')).toBe(0);
  });
  it('fixed twins: a private workforce on the same data, or mturk on public data', () => {
    for (const [w, s] of [
      ['private', true],
      ['mturk', false],
    ] as const) {
      const r = run(doc(w, s));
      expect(r.state('gt')).toBe('Completed');
      expect(r.rules().has('sensitive-data-public-workforce')).toBe(false);
    }
  });
});

describe('labeling-without-active-learning', () => {
  const doc = (activeLearning: boolean, datasetGB = 20) =>
    arch(
      node('imgs', 's3-bucket', { datasetGB, format: 'image' }),
      node('gt', 'ground-truth', { activeLearning }),
      edge('imgs', 'gt'),
    );
  it('20 GB without active learning: a warning with the cost and the saving; the run pays for every object', () => {
    const r = run(doc(false), { durationSec: 10_000 });
    const f = r.finding('labeling-without-active-learning', 'gt')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('20000 objects (20 GB)');
    expect(f.message).toContain('estimated labeling cost 1600 USD');
    expect(f.message).toContain('would save about 1120 USD');
    expect(r.incident('labeling-without-active-learning', 'gt')?.count).toBe(1);
    expect(r.state('gt')).toBe('Completed');
    expect(cost(r, 'gt')).toBeCloseTo(1600, 6);
  });
  it('fixed twins: active learning cuts the bill by 70% and finishes sooner; 10 GB or less is not flagged', () => {
    const without = run(doc(false), { durationSec: 10_000 }),
      withAl = run(doc(true), { durationSec: 10_000 });
    expect(withAl.rules().has('labeling-without-active-learning')).toBe(false);
    expect(withAl.node('gt')).toMatchObject({ objects: 20_000, labeled: 20_000, autoLabeled: 14_000 });
    expect(cost(withAl, 'gt')).toBeCloseTo(cost(without, 'gt') * 0.3, 6);
    expect(when(withAl, 'gt', 'Completed')!).toBeLessThan(when(without, 'gt', 'Completed')!);
    expect(run(doc(false, 10)).rules().has('labeling-without-active-learning')).toBe(false);
  });
});

describe('batch transform payload-too-large', () => {
  const doc = (bt: Record<string, unknown>, format = 'csv') =>
    arch(
      node('data', 's3-bucket', { datasetGB: 10, format }),
      node('bt', 'batch-transform', { instanceCount: 2, ...bt }),
      edge('data', 'bt'),
    );
  it('SplitType None sends each 64 MB part file as one record: over MaxPayloadInMB 6, rejected, the job fails', () => {
    const r = run(doc({ SplitType: 'None' }));
    expect(r.state('bt')).toBe('Failed');
    const i = r.incident('payload-too-large', 'bt')!;
    expect(i.count).toBe(2);
    expect(i.message).toContain('64 MB');
    expect(i.message).toContain('6 MB');
    expect(r.node('bt')).toMatchObject({ requests: 2, ok: 0, failed: 2 });
  });
  it('fixed twins: SplitType Line; MaxPayloadInMB 100; images (one small file each) with SplitType None', () => {
    for (const [bt, format] of [
      [{ SplitType: 'Line' }, 'csv'],
      [{ SplitType: 'None', MaxPayloadInMB: 100 }, 'csv'],
      [{ SplitType: 'None' }, 'image'],
    ] as const) {
      const r = run(doc(bt, format));
      expect(r.state('bt'), JSON.stringify(bt)).toBe('Completed');
      expect(r.rules().has('payload-too-large')).toBe(false);
      expect(r.node('bt').failed).toBe(0);
    }
    // 10 GB at 10 MB/s on 2 instances: 512 s of transforming, accounted in 30 s ticks
    const line = run(doc({ SplitType: 'Line' }));
    expect(line.node('bt').requests).toBe(Math.ceil(10_240 / 6));
    expect(when(line, 'bt', 'Uploading')! - when(line, 'bt', 'Transforming')!).toBe(
      Math.ceil(512 / T.transformTickSec) * T.transformTickSec,
    );
  });
});
