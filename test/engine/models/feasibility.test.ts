/**
 * Choosing an approach and reproducing it (issue 16; skills S2.1.1, S2.1.4, S2.2.7, S2.3.3): labelled rows against
 * what a model needs, a GPU network on small tabular data, a linear model on feature interactions, and model
 * packages registered from unversioned data. Each behaviour with its fix and its neighbours that must not trigger.
 */
import { describe, expect, it } from 'vitest';
import { featureCount, labelShortfall, rowsNeeded } from '../../../src/engine/modules/shared/feasibility';
import { Graph } from '../../../src/model/graph';
import { arch, edge, node, run } from '../../harness';

const FEATURES = Array.from({ length: 10 }, (_, i) => `f${i + 1}`);

function labelled(rows: number | null, algorithm = 'xgboost', extra: Record<string, unknown> = {}) {
  return arch(
    node('raw', 's3-bucket', { task: 'binary-classification', labelledRows: rows, featureNames: FEATURES, ...extra }),
    node('train', 'training-job', { algorithm, trainingMinutes: 5, numRound: 100 }),
    edge('raw', 'train'),
  );
}

describe('too-little-labelled-data', () => {
  it('needs rows per feature by algorithm: linear 10, xgboost 50, a network 500, never fewer than 200', () => {
    const need = (alg: string) =>
      rowsNeeded(new Graph(labelled(100, alg)), new Graph(labelled(100, alg)).nodeOf('train', 'training-job')).needed;
    expect(need('linear-learner')).toBe(200);
    expect(need('xgboost')).toBe(500);
    expect(need('custom')).toBe(5000);
    expect(featureCount(new Graph(labelled(100)), 'train')).toBe(10);
  });

  it('image classification from scratch needs 10,000 rows', () => {
    const g = new Graph(labelled(3000, 'custom', { task: 'image-classification', format: 'image' }));
    expect(labelShortfall(g, 'train')?.needed).toBe(10_000);
  });

  it('too few rows: the model is near chance, the incident is on the bucket, and validation swings by seed', () => {
    const vals = [1, 2, 3, 4, 5, 6].map((seed) => {
      const r = run(labelled(300), { seed });
      expect(r.incident('too-little-labelled-data', 'raw')?.message).toMatch(/300 labelled rows for 10 features/);
      return Number(r.node('train')?.validation);
    });
    for (const v of vals) expect(v).toBeLessThan(0.7);
    expect(Math.max(...vals) - Math.min(...vals)).toBeGreaterThan(0.03);
  });

  it('enough rows, a simpler model, or no labelledRows stated: no incident and a normal model', () => {
    for (const d of [labelled(500), labelled(300, 'linear-learner'), labelled(null)]) {
      const r = run(d);
      expect(r.incident('too-little-labelled-data')).toBeUndefined();
      expect(Number(r.node('train')?.validation)).toBeGreaterThan(0.8);
    }
  });

  it('dropping columns upstream lowers the need (feature selection)', () => {
    const d = arch(
      node('raw', 's3-bucket', { task: 'binary-classification', labelledRows: 300, featureNames: FEATURES }),
      node('prep', 'processing-job', { dropColumns: ['f1', 'f2', 'f3', 'f4'] }),
      node('clean', 's3-bucket'),
      node('train', 'training-job', { trainingMinutes: 5 }),
      edge('raw', 'prep'),
      edge('prep', 'clean'),
      edge('clean', 'train'),
    );
    expect(featureCount(new Graph(d), 'train')).toBe(6);
    expect(run(d).incident('too-little-labelled-data')).toBeUndefined();
  });
});

describe('gpu-network-on-tabular-data', () => {
  const gpu = (props: Record<string, unknown>, bucket: Record<string, unknown> = {}) =>
    arch(
      node('raw', 's3-bucket', { task: 'regression', datasetGB: 5, ...bucket }),
      node('train', 'training-job', {
        algorithm: 'custom',
        instanceType: 'ml.p3.2xlarge',
        trainingMinutes: 60,
        ...props,
      }),
      edge('raw', 'train'),
    );

  it('bills the GPU and names what boosted trees on ml.m5.xlarge would cost (3.825 ÷ 0.23 ≈ 16.6×)', () => {
    const r = run(gpu({}), { durationSec: 7200 });
    const i = r.incident('gpu-network-on-tabular-data', 'train');
    expect(i?.message).toMatch(/ml\.p3\.2xlarge \(V100\) for 5 GB of tabular data \(regression\)/);
    expect(i?.message).toMatch(/16\.6× less/);
    expect(r.report.costUSD).toBeGreaterThan(3.8);
  });

  it('XGBoost on a CPU instance, a network on image data, on a big dataset or with no task: no incident', () => {
    const none = [
      gpu({ algorithm: 'xgboost', instanceType: 'ml.m5.xlarge' }),
      gpu({}, { task: 'image-classification', format: 'image' }),
      gpu({}, { datasetGB: 500 }),
      gpu({}, { task: null }),
    ];
    for (const d of none) expect(run(d, { durationSec: 7200 }).incident('gpu-network-on-tabular-data')).toBeUndefined();
  });
});

describe('linear-model-on-interactions', () => {
  const lin = (props: Record<string, unknown>, interactions = true) =>
    arch(
      node('raw', 's3-bucket', { task: 'binary-classification', interactions }),
      node('train', 'training-job', { algorithm: 'linear-learner', trainingMinutes: 5, ...props }),
      edge('raw', 'train'),
    );
  const validation = (d: ReturnType<typeof lin>) => Number(run(d, { seed: 4 }).node('train')?.validation);

  it('a linear model underfits by 0.15 (training and validation alike); bagging does not help', () => {
    const r = run(lin({}), { seed: 4 });
    expect(r.incident('linear-model-on-interactions', 'train')?.message).toMatch(/both low with no gap/);
    expect(validation(lin({ ensemble: 'stacking' })) - validation(lin({}))).toBeCloseTo(0.15, 2);
    expect(validation(lin({ ensemble: 'bagging' }))).toBe(validation(lin({})));
  });

  it('boosting, stacking, or data without interactions: no incident', () => {
    for (const d of [lin({ algorithm: 'xgboost' }), lin({ ensemble: 'stacking' }), lin({}, false)])
      expect(run(d).incident('linear-model-on-interactions')).toBeUndefined();
  });
});

describe('training-data-not-versioned', () => {
  const reg = (raw: string | null, clean: string | null) =>
    arch(
      node('raw', 's3-bucket', { versioning: raw }),
      node('prep', 'processing-job'),
      node('clean', 's3-bucket', { versioning: clean }),
      node('train', 'training-job', { trainingMinutes: 5 }),
      node('reg', 'model-registry'),
      edge('raw', 'prep'),
      edge('prep', 'clean'),
      edge('clean', 'train'),
      edge('train', 'reg'),
    );

  it('a package registered in the run names each unversioned (Off or Suspended) bucket of its lineage', () => {
    const r = run(reg('Off', 'Suspended'));
    expect(r.incident('training-data-not-versioned', 'raw')?.message).toMatch(/model package reg\/1 \(train:v1/);
    expect(r.incident('training-data-not-versioned', 'clean')).toBeDefined();
    const half = run(reg('Enabled', 'Off'));
    expect(half.incident('training-data-not-versioned', 'raw')).toBeUndefined();
    expect(half.incident('training-data-not-versioned', 'clean')).toBeDefined();
  });

  it('versioning Enabled everywhere, not stated, or no package registered: no incident', () => {
    expect(run(reg('Enabled', 'Enabled')).incident('training-data-not-versioned')).toBeUndefined();
    expect(run(reg(null, null)).incident('training-data-not-versioned')).toBeUndefined();
    const noRegistry = arch(
      node('raw', 's3-bucket', { versioning: 'Off' }),
      node('train', 'training-job', { trainingMinutes: 5 }),
      edge('raw', 'train'),
    );
    expect(run(noRegistry).incident('training-data-not-versioned')).toBeUndefined();
  });
});
