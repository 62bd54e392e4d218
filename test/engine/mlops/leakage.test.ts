import { describe, expect, it } from 'vitest';
import { arch, edge, fault, node, run } from '../../harness';
import { modules } from './fakes';

/** Endpoints reach InService at 105 s (endpoints module): the moment a served model's gap shows. */
const IN_SERVICE = 105;

describe('leakage and skew show when a model from that lineage serves', () => {
  const scaler = (scalerFit: string) =>
    arch(
      node('raw', 's3-bucket'),
      node('prep', 'processing-job', { scalerFit }),
      node('clean', 's3-bucket'),
      node('train', 'training-job'),
      node('ep', 'realtime-endpoint'),
      edge('raw', 'prep'),
      edge('prep', 'clean'),
      edge('clean', 'train'),
      edge('train', 'ep'),
    );

  it('scaler-leakage on the processing job (finding and incident); training shows validation above production', () => {
    const r = run(scaler('full-dataset'), { modules: modules(), durationSec: 1200 });
    expect(r.finding('scaler-leakage', 'prep')).toBeDefined();
    const i = r.incident('scaler-leakage', 'prep');
    expect(i).toMatchObject({ count: 1, firstAtSec: IN_SERVICE });
    expect(i?.message).toMatch(
      /train:v0, trained by train on data prepared by prep, scored validation auc 0\.\d+ but serves at 0\.\d+ on ep/,
    );
    const ep = r.node('ep');
    expect((ep.validation as number) - (ep.production as number)).toBeCloseTo(0.07, 2);
    expect((r.node('train').validation as number) > (r.node('train').production as number)).toBe(true);
    const ok = run(scaler('train-split'), { modules: modules(), durationSec: 1200 });
    expect(ok.rules().has('scaler-leakage')).toBe(false);
    expect(ok.node('ep').validation).toBe(ok.node('ep').production);
  });

  const featureDoc = (train: Record<string, unknown>, servedFromStore: boolean) =>
    arch(
      node('fs', 'feature-store'),
      node('train', 'training-job', train),
      node('ep', 'realtime-endpoint'),
      edge('fs', 'train'),
      edge('train', 'ep'),
      ...(servedFromStore ? [edge('fs', 'ep')] : []),
    );

  it('point-in-time-leakage on the feature store the training job reads without a point-in-time query', () => {
    const r = run(featureDoc({ featureQuery: 'latest' }, true), { modules: modules(), durationSec: 1200 });
    expect(r.finding('point-in-time-leakage', 'fs')).toBeDefined();
    expect(r.incident('point-in-time-leakage', 'fs')).toMatchObject({ count: 1, firstAtSec: IN_SERVICE });
    expect(r.rules().has('training-serving-skew')).toBe(false);
    const ok = run(featureDoc({}, true), { modules: modules(), durationSec: 1200 });
    expect(ok.rules().has('point-in-time-leakage')).toBe(false);
  });

  it('training-serving-skew on the endpoint whose features do not come from the training feature store', () => {
    const r = run(featureDoc({}, false), { modules: modules(), durationSec: 1200 });
    expect(r.finding('training-serving-skew', 'ep')?.message).toMatch(/feature group fs, which fed training job train/);
    expect(r.incident('training-serving-skew', 'ep')).toMatchObject({ count: 1, firstAtSec: IN_SERVICE });
    expect((r.node('ep').validation as number) - (r.node('ep').production as number)).toBeCloseTo(0.12, 2);
    const ok = run(featureDoc({}, true), { modules: modules(), durationSec: 1200 });
    expect(ok.rules().has('training-serving-skew')).toBe(false);
  });

  it('every deployment of a leaked version counts: a redeploy after approval is a second occurrence', () => {
    const r = run(
      arch(
        node('raw', 's3-bucket'),
        node('pipe', 'pipeline'),
        node('prep', 'processing-job', { scalerFit: 'full-dataset' }, 'pipe'),
        node('train', 'training-job', {}, 'pipe'),
        node('reg', 'model-registry'),
        node('eb', 'eventbridge'),
        node('fn', 'lambda'),
        node('ep', 'realtime-endpoint'),
        edge('raw', 'prep'),
        edge('prep', 'train'),
        edge('train', 'reg'),
        edge('reg', 'eb'),
        edge('eb', 'fn'),
        edge('fn', 'ep'),
        fault({ atSec: 1500, kind: 'approve', node: 'reg' }),
      ),
      { modules: modules(), durationSec: 3600 },
    );
    expect(r.incident('scaler-leakage', 'prep')?.count).toBe(2);
    expect(r.node('ep').model).toBe('train:v1');
  });

  it('misleading accuracy: an accuracy gate passes a majority-class model that fails in production', () => {
    const doc = (metric: string) =>
      arch(
        node('raw', 's3-bucket', { positiveClassRatio: 0.03 }),
        node('pipe', 'pipeline'),
        node('train', 'training-job', { evalMetric: metric }, 'pipe'),
        node('gate', 'condition-step', { metric, threshold: 0.8 }, 'pipe'),
        node('reg', 'model-registry', { approval: 'Approved' }),
        node('eb', 'eventbridge'),
        node('fn', 'lambda'),
        node('ep', 'realtime-endpoint'),
        edge('raw', 'train'),
        edge('train', 'gate'),
        edge('gate', 'reg'),
        edge('reg', 'eb'),
        edge('eb', 'fn'),
        edge('fn', 'ep'),
        fault({ atSec: 1000, kind: 'approve', node: 'reg' }),
      );
    const r = run(doc('accuracy'), { modules: modules(), durationSec: 3600 });
    expect(r.node('gate')).toMatchObject({ outcome: true });
    expect(r.node('gate').value as number).toBeGreaterThan(0.95);
    expect(r.node('ep')).toMatchObject({ model: 'train:v1', metric: 'accuracy' });
    expect(r.node('ep').production as number).toBeLessThan(0.55);
    // an AUC gate blocks the untreated model: version 1 is never registered or deployed
    const blocked = run(doc('auc'), { modules: modules(), durationSec: 3600 });
    expect(blocked.node('gate')).toMatchObject({ outcome: false });
    expect(blocked.node('ep').model).not.toBe('train:v1');
    // class weights (scale_pos_weight) give a model that passes the AUC gate and serves well
    const weighted = doc('auc');
    weighted.nodes.find((n) => n.id === 'train')!.props!.imbalance = 'class-weights';
    const ok = run(weighted, { modules: modules(), durationSec: 3600 });
    expect(ok.node('ep').production as number).toBeGreaterThan(0.8);
  });
});
