import { describe, expect, it } from 'vitest';
import { Graph } from '../../../src/model/graph';
import {
  QUALITY,
  metricValue,
  servingQuality,
  trainingQuality,
  validationValue,
} from '../../../src/engine/modules/mlops/quality';
import { mlopsRun } from '../../../src/engine/modules/mlops/state';
import { arch, edge, node, run } from '../../harness';

const graph = (...parts: Parameters<typeof arch>) => new Graph(arch(...parts));

const base = (prep: Record<string, unknown> = {}, fs: Record<string, unknown> | null = null, train = {}) =>
  graph(
    node('raw', 's3-bucket'),
    node('prep', 'processing-job', prep),
    node('clean', 's3-bucket'),
    node('train', 'training-job', train),
    edge('raw', 'prep'),
    edge('prep', 'clean'),
    edge('clean', 'train'),
    ...(fs ? [node('fs', 'feature-store', fs), edge('fs', 'train')] : []),
  );

describe('model quality signal', () => {
  it('is seeded: same graph, seed and version give the same figures; another version differs', () => {
    const g = base();
    expect(trainingQuality(g, 'train', 42, 1)).toEqual(trainingQuality(g, 'train', 42, 1));
    expect(trainingQuality(g, 'train', 42, 2).skill).not.toBe(trainingQuality(g, 'train', 42, 1).skill);
    const q = trainingQuality(g, 'train', 42, 1);
    expect(q.skill).toBeGreaterThanOrEqual(QUALITY.baseSkill);
    expect(q.skill).toBeLessThan(QUALITY.baseSkill + QUALITY.skillSpread);
    expect(q.validationSkill).toBe(q.skill);
    expect(q.causes).toEqual([]);
  });

  it('scaler-leakage inflates validation, not production (cause on the processing job)', () => {
    const leak = trainingQuality(base({ scalerFit: 'full-dataset' }), 'train', 7, 1);
    const fixed = trainingQuality(base({ scalerFit: 'train-split' }), 'train', 7, 1);
    expect(leak.skill).toBe(fixed.skill);
    expect(leak.validationSkill).toBeCloseTo(fixed.validationSkill + QUALITY.scalerLeakage, 9);
    expect(leak.causes).toEqual([{ rule: 'scaler-leakage', node: 'prep' }]);
    expect(fixed.causes).toEqual([]);
    expect(leak.explain.join(' ')).toMatch(/prep fit its scaler on the full dataset/);
  });

  it('point-in-time-leakage inflates validation when training reads the latest values, not point-in-time', () => {
    const leak = trainingQuality(base({}, {}, { featureQuery: 'latest' }), 'train', 7, 1);
    const fixed = trainingQuality(base({}, {}), 'train', 7, 1);
    expect(leak.validationSkill - leak.skill).toBeCloseTo(QUALITY.pointInTimeLeakage, 9);
    expect(leak.causes).toEqual([{ rule: 'point-in-time-leakage', node: 'fs' }]);
    expect(fixed.causes).toEqual([]);
  });

  it('training-serving-skew lowers production on an endpoint not fed by the training feature store', () => {
    const g = graph(
      node('fs', 'feature-store'),
      node('train', 'training-job'),
      node('ep', 'realtime-endpoint'),
      node('ep2', 'realtime-endpoint'),
      edge('fs', 'train'),
      edge('train', 'ep'),
      edge('train', 'ep2'),
      edge('fs', 'ep2'),
    );
    const q = trainingQuality(g, 'train', 3, 1);
    const skewed = servingQuality(g, q, 'train', 'ep');
    const fixed = servingQuality(g, q, 'train', 'ep2');
    expect(fixed.production).toBeCloseTo(q.skill, 9);
    expect(skewed.production).toBeCloseTo(q.skill - QUALITY.skewPenalty, 9);
    expect(skewed.skew).toEqual({ rule: 'training-serving-skew', node: 'ep' });
    expect(skewed.featureStore).toBe('fs');
    expect(fixed.skew).toBeNull();
  });

  it(
    'imbalanced labels without class weights or resampling: accuracy looks high, AUC shows the majority-class ' +
      'model',
    () => {
      const mk = (metric: string, imbalance = 'none') =>
        graph(
          node('raw', 's3-bucket', { positiveClassRatio: 0.03 }),
          node('train', 'training-job', { evalMetric: metric, imbalance }),
          edge('raw', 'train'),
        );
      const acc = trainingQuality(mk('accuracy'), 'train', 5, 1);
      expect(validationValue(acc)).toBeGreaterThan(0.95);
      expect(metricValue('accuracy', acc.skill, 0.03, true)).toBeLessThan(0.55);
      // the metric only changes what the evaluation sees: the untreated model is as bad under AUC
      const auc = trainingQuality(mk('auc'), 'train', 5, 1);
      expect(validationValue(auc)).toBeLessThan(0.55);
      for (const fix of ['class-weights', 'resampling'])
        expect(trainingQuality(mk('auc', fix), 'train', 5, 1).skill).toBeGreaterThanOrEqual(QUALITY.baseSkill);
    },
  );

  it('metrics: lower-is-better ones fall as skill rises; unknown metrics are NaN', () => {
    expect(metricValue('rmse', 0.9, 0.5)).toBeLessThan(metricValue('rmse', 0.8, 0.5));
    expect(metricValue('r2', 0.9, 0.5)).toBeCloseTo(0.8, 9);
    expect(metricValue('precision', 0.9, 0.5)).toBeNaN();
  });
});

describe('one validation figure per model version', () => {
  it(
    'the training entry names its version; every entry and message ' + "showing a version shows that version's figure",
    () => {
      const r = run(
        arch(
          node('d', 's3-bucket'),
          node('p', 'processing-job', { scalerFit: 'full-dataset' }),
          node('o', 's3-bucket'),
          node('t', 'training-job'),
          node('e', 'realtime-endpoint'),
          node('c', 'client', { rps: 1 }),
          edge('d', 'p'),
          edge('p', 'o'),
          edge('o', 't'),
          edge('t', 'e'),
          edge('c', 'e'),
        ),
      );
      const st = mlopsRun(r.sim);
      const figure = (id: string) => st.versions.get('t')!.find((v) => v.id === id)!.validation;
      // the endpoint came up before training ended: it serves the earlier version, the job reports the one it trained
      expect(r.node('e').model).toBe('t:v0');
      expect(r.node('t').model).toBe('t:v1');
      expect(r.node('e').validation).toBe(figure('t:v0'));
      expect(r.node('t').validation).toBe(figure('t:v1'));
      expect(figure('t:v0')).not.toBe(figure('t:v1'));
      const inc = r.incident('scaler-leakage', 'p')!;
      expect(inc.message).toContain(`t:v0, trained by t`);
      expect(inc.message).toContain(`validation auc ${figure('t:v0')} `);
    },
  );
});
